// The interactive per-file question, through inquirer (loaded only when a run asks).
import type { Io } from '../cli/command.js';
import { InputError } from '../errors.js';
import type { Confirm } from './apply.js';

/** Inquirer's errors when the prompt cannot get an answer (stdin closed, Ctrl-C, aborted). */
function isPromptEnd(error: unknown): boolean {
  const names = ['ExitPromptError', 'AbortPromptError', 'CancelPromptError'];
  const cause = (error as { cause?: unknown })?.cause;
  return names.includes((error as Error)?.name) || names.includes((cause as Error)?.name);
}

export function inquirerConfirm(io: Io): Confirm {
  return async (change, diff, warning) => {
    io.stdout(diff.trimEnd());
    if (warning) io.stdout(`warning: ${warning}`);
    const { default: inquirer } = await import('inquirer');
    const verb = change.before === undefined ? 'Create' : 'Change';
    try {
      const { ok } = await inquirer.prompt<{ ok: boolean }>([
        { type: 'confirm', name: 'ok', message: `${verb} ${change.path}? (${change.details.join('; ') || change.action})`, default: change.safe && !warning },
      ]);
      return ok;
    } catch (error) {
      if (!isPromptEnd(error)) throw error;
      // Every question comes before any write, so this is true whenever it is said.
      throw new InputError('No answer (standard input was closed or the prompt was cancelled): nothing was written. Run with --yes (or --dry-run) where no one can answer.');
    }
  };
}
