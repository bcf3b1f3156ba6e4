#!/usr/bin/env node
import module from 'node:module';
import { tuneForShortRun } from './run-length.js';

// Node 22.1+ can cache compiled bytecode on disk; repeated runs then skip most parsing of the
// bundle (prettier and Yeoman are large). A no-op on Node 20.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

// A command that opens a repository starts listing its tree first: git lists it on another core
// while Node loads the CLI below.
(await import('./detect/prefetch.js')).prefetchRepository(process.argv.slice(2));

const { main } = await import('./cli/main.js');

// Tuned for a run that lasts well under a second, once the CLI's modules are loaded (run-length.ts).
tuneForShortRun(process.argv.slice(2));

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
