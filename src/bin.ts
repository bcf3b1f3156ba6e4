#!/usr/bin/env node
import module from 'node:module';
import v8 from 'node:v8';

// A run of one command over one repository lasts well under a second: V8's optimising compiler
// then spends more (about a fifth of all instructions, on a second thread) than its code saves.
// Commands that loop over many repositories keep it.
const LONG_RUNNING = new Set(['survey', 'fleet']);
if (!process.argv.slice(2).some((arg) => LONG_RUNNING.has(arg))) v8.setFlagsFromString('--no-opt');

// Node 22.1+ can cache compiled bytecode on disk; repeated runs then skip most parsing of the
// bundle (prettier and Yeoman are large). A no-op on Node 20.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const { main } = await import('./cli/main.js');
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`secure-cncf: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 70;
  },
);
