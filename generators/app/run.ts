import path from 'node:path';
import { createEnv } from 'yeoman-environment';
import SecureCncfGenerator from './index.js';
import type { CliArgs } from '../../src/cli/args.js';
import { isExpectedError } from '../../src/errors.js';

export const NAMESPACE = 'secure-cncf:app';

/** Run the Yeoman generator embedded in the bin (no global `yo` needed). Returns the exit code. */
export async function runInteractive(args: CliArgs): Promise<number> {
  const directory = path.resolve(args.directory ?? '.');
  const env = createEnv({ cwd: directory, force: args.conflict === 'overwrite' } as never);
  env.register(SecureCncfGenerator as never, { namespace: NAMESPACE } as never);
  try {
    await env.run([NAMESPACE], {
      flags: args,
      dryRun: args.dryRun,
      destinationRoot: directory,
      skipInstall: true,
      ignoreVersionCheck: true,
    } as never);
  } catch (error) {
    if (isExpectedError(error)) throw error;
    const cause = (error as { cause?: unknown }).cause;
    if (isExpectedError(cause)) throw cause;
    throw error;
  }
  return 0;
}
