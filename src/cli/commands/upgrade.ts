import type { Command } from '../command.js';
import { UsageError } from '../../errors.js';
import { EXIT_STATUS_HELP } from '../exit-status.js';
import { requireRepository } from '../../target.js';

function help(version: string): string {
  return `secure-cncf upgrade ${version}
Re-apply the answers stored in .secure-cncf.json with this version's templates and pins.

Usage
  secure-cncf upgrade [directory] [options]

For each generated file: unchanged template -> nothing; template changed and you did not edit the
file -> refreshed; you edited it and the template did not change -> kept; both changed -> the diff is
shown and the file is written only with --force or your yes. A run with nothing to do changes no
byte and says so.

Options
  -y, --yes                apply the safe changes without asking
  --dry-run                print every planned change as a unified diff; write nothing
  --force                  also overwrite generated files you edited whose template changed
  --interactive            show each diff and ask (the default on a terminal without --yes)
  -h, --help               show this help

${EXIT_STATUS_HELP}`;
}

export const upgradeCommand: Command = {
  name: 'upgrade',
  summary: 're-apply the stored answers with the current templates and pins',
  options: {
    yes: { type: 'boolean', short: 'y' },
    'dry-run': { type: 'boolean' },
    force: { type: 'boolean' },
    interactive: { type: 'boolean' },
    'no-interactive': { type: 'boolean' },
  },
  help,
  async run({ values, positionals }, io) {
    if (positionals.length > 1) throw new UsageError(`Expected at most one directory, got: ${positionals.join(' ')}.`);
    const root = requireRepository(positionals[0] ?? '.', 'upgrade');
    const dryRun = Boolean(values['dry-run']);
    const askFlag = values['no-interactive'] ? false : (values['interactive'] as boolean | undefined);
    const interactive = !dryRun && (askFlag ?? (!values['yes'] && io.stdinIsTTY));
    const { planUpgrade } = await import('../../upgrade/plan.js');
    const { executePlan } = await import('../../retrofit/run.js');
    const confirm = interactive ? (await import('../../retrofit/confirm.js')).inquirerConfirm(io) : undefined;
    return executePlan(root, await planUpgrade(root), { dryRun, force: Boolean(values['force']), confirm }, io.stdout);
  },
};
