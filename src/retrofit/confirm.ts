// The interactive per-file question, through inquirer (loaded only when a run asks).
import type { Io } from '../cli/command.js';
import type { Confirm } from './apply.js';

export function inquirerConfirm(io: Io): Confirm {
  return async (change, diff, warning) => {
    io.stdout(diff.trimEnd());
    if (warning) io.stdout(`warning: ${warning}`);
    const { default: inquirer } = await import('inquirer');
    const verb = change.before === undefined ? 'Create' : 'Change';
    const { ok } = await inquirer.prompt<{ ok: boolean }>([
      { type: 'confirm', name: 'ok', message: `${verb} ${change.path}? (${change.details.join('; ') || change.action})`, default: change.safe && !warning },
    ]);
    return ok;
  };
}
