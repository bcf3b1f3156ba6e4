import type { Command } from '../command.js';
import { UsageError } from '../../errors.js';
import { EXIT_STATUS_HELP } from '../exit-status.js';
import { requireRepository } from '../../target.js';

function help(version: string): string {
  return `secure-cncf pins ${version}
Show the action pins in force, or refresh them from the actions' repositories.

Usage
  secure-cncf pins [directory]             list the pins (package table + refreshed pins)
  secure-cncf pins --update [directory]    refresh and rewrite the workflows and composite actions

--update runs \`git ls-remote --tags\` on each action's GitHub repository, then rewrites every
\`uses: owner/repo@<sha> # vX.Y.Z\` in .github/workflows and in the composite actions they run to the newest vX.Y.Z of the same major
version (SHA and comment together); unpinned tags (@v4, @v4.1.0) are pinned the same way. Newer major
versions are reported, never applied. Pins newer than the package's table are saved in
.github/secure-cncf-pins.json so \`secure-cncf upgrade\` keeps them. Nothing is changed unless
every lookup succeeds.

Options
  --update                 refresh the pins (needs network access to github.com)
  --keep-versions          with --update: pin each unpinned reference to the commit of the tag it
                           already uses (@v4 -> the commit of v4), so no version changes; SHA
                           pins are left as they are
  --dry-run                with --update: print the changes as unified diffs; write nothing
  -h, --help               show this help

${EXIT_STATUS_HELP}`;
}

export const pinsCommand: Command = {
  name: 'pins',
  summary: 'list the action pins, or refresh them with --update (git ls-remote)',
  options: { update: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, 'keep-versions': { type: 'boolean' } },
  help,
  async run({ values, positionals }, io) {
    if (positionals.length > 1) throw new UsageError(`Expected at most one directory, got: ${positionals.join(' ')}.`);
    const root = requireRepository(positionals[0] ?? '.', 'pins');
    const run = await import('../../upgrade/pins-run.js');
    if (!values['update']) {
      if (values['dry-run'] || values['keep-versions']) throw new UsageError(`--${values['dry-run'] ? 'dry-run' : 'keep-versions'} only applies to --update.`);
      io.stdout(run.listPins(root));
      return 0;
    }
    const { gitLsRemote } = await import('../../upgrade/ls-remote.js');
    return run.runPinsUpdate(root, { dryRun: Boolean(values['dry-run']), lsRemote: gitLsRemote, keepVersions: Boolean(values['keep-versions']) }, io.stdout);
  },
};
