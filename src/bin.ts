#!/usr/bin/env node
import module from 'node:module';
import v8 from 'node:v8';

// Node 22.1+ can cache compiled bytecode on disk; repeated runs then skip most parsing of the
// bundle (prettier and Yeoman are large). A no-op on Node 20.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

// A command that opens a repository starts listing its tree first: git lists it on another core
// while Node loads the CLI below.
(await import('./detect/prefetch.js')).prefetchRepository(process.argv.slice(2));

const { main } = await import('./cli/main.js');

// A run of one command over one repository lasts well under a second: V8's optimising compiler
// then spends more (about a fifth of all instructions, on a second thread) than its code saves.
// Commands that loop over many repositories keep it. Set only once the CLI's modules are loaded:
// once any V8 flag changes, V8 rejects Node's built-in code cache, so every Node module loaded
// afterwards (child_process, streams, crypto…) is parsed and compiled from source.
//
// Such a run also keeps V8's young generation at the size it has now instead of letting it double
// as the run allocates: each page it would grow into costs a page fault on first touch (10-15 µs
// each on the 2-vCPU VMs measured, ADR 0020), and once git has been forked every page Node already
// had faults again on its first write. More scavenges of a small young generation cost less:
// check on a 20,000-file tree 317 -> 298 ms, on kyverno 827 -> 748 ms, the generator 344 -> 321 ms.
// And regular expressions go straight to machine code: V8 otherwise interprets a pattern's first
// run and compiles it on the second, so the joined tool patterns (findTools), which run over
// every step and script, paid for both (check on the 20,000-file tree 314 -> 297 ms).
const LONG_RUNNING = new Set(['survey', 'fleet']);
if (!process.argv.slice(2).some((arg) => LONG_RUNNING.has(arg))) {
  v8.setFlagsFromString('--no-opt');
  v8.setFlagsFromString('--semi-space-growth-factor=1');
  v8.setFlagsFromString('--no-regexp-tier-up');
}

// `check` only reads, and all it does is done once main() returns: it ends as soon as its output
// is flushed, without tearing down a heap that holds a large tree's index (that costs more than
// the rest of exiting). Other commands end when the event loop empties, as usual.
const ENDS_ONCE_FLUSHED = new Set(['check']);

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    if (ENDS_ONCE_FLUSHED.has(process.argv[2] ?? '')) process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
  },
  (error: unknown) => {
    process.stderr.write(`secure-cncf: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 70;
  },
);
