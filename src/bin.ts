#!/usr/bin/env node
import module from 'node:module';

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
