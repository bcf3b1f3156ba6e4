// dist/action.js, the file action.yml runs: the action's inputs in, its outputs and exit code out.
import { escapeData, runAction } from './action.js';

runAction({ env: process.env, log: (text) => process.stdout.write(`${text}\n`) }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stdout.write(`::error title=secure-cncf::${escapeData(String((error as Error)?.stack ?? error))}\n`);
    process.exitCode = 70;
  },
);
