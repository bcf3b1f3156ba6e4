import { createEnv } from 'yeoman-environment';
import SecureCncfGenerator, { isPromptCancel } from './index.js';
import type { CliArgs } from '../../src/cli/args.js';
import { isExpectedError } from '../../src/errors.js';
import { EXIT } from '../../src/cli/exit-status.js';

export const NAMESPACE = 'secure-cncf:app';

/** Exit status of a run the user cancelled at a prompt (Ctrl-C / end of input), as shells use for SIGINT. */
export const CANCELLED = EXIT.cancelled;

/**
 * Run the Yeoman generator embedded in the bin (no global `yo` needed) on the repository root
 * `directory`. Returns the exit code under the same contract as --yes.
 */
export async function runInteractive(directory: string, args: CliArgs): Promise<number> {
  const env = createEnv({ cwd: directory } as never);
  env.register(SecureCncfGenerator as never, { namespace: NAMESPACE } as never);
  const outcome = { code: EXIT.ok as number };
  try {
    await env.run([NAMESPACE], {
      flags: args,
      dryRun: args.dryRun,
      destinationRoot: directory,
      outcome,
      cwd: process.cwd(),
      skipInstall: true,
      skipCache: true,
    } as never);
  } catch (error) {
    if (outcome.code === EXIT.cancelled || isPromptCancel(error)) return cancelled();
    const cause = (error as { cause?: unknown }).cause;
    if (!isExpectedError(error) && isExpectedError(cause)) throw cause;
    throw error;
  }
  return outcome.code === EXIT.cancelled ? cancelled() : outcome.code;
}

function cancelled(): number {
  process.stderr.write('\nCancelled: nothing was written.\n');
  return EXIT.cancelled;
}
