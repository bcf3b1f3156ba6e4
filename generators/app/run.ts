import path from 'node:path';
import { createEnv } from 'yeoman-environment';
import SecureCncfGenerator from './index.js';
import type { CliArgs } from '../../src/cli/args.js';
import { isExpectedError } from '../../src/errors.js';

export const NAMESPACE = 'secure-cncf:app';

/** Exit status of a run the user cancelled at a prompt (Ctrl-C / end of input), as shells use for SIGINT. */
export const CANCELLED = 130;

function isPromptCancel(error: unknown): boolean {
  const names = ['ExitPromptError', 'AbortPromptError', 'CancelPromptError'];
  const cause = (error as { cause?: unknown })?.cause;
  return names.includes((error as Error)?.name) || names.includes((cause as Error)?.name);
}

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
      skipCache: true,
    } as never);
  } catch (error) {
    if (isPromptCancel(error)) {
      process.stderr.write('Cancelled: nothing was written.\n');
      return CANCELLED;
    }
    const cause = (error as { cause?: unknown }).cause;
    if (!isExpectedError(error) && isExpectedError(cause)) throw cause;
    throw error;
  }
  return 0;
}
