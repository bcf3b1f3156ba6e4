import type { Command } from '../command.js';
import { CREATE_OPTIONS, toCreateArgs } from '../args.js';
import { EXIT_STATUS_HELP } from '../exit-status.js';
import { requireRepository } from '../../target.js';

const { conflict: _conflict, version: _version, ...OPTIONS } = CREATE_OPTIONS;

function help(version: string): string {
  return `secure-cncf retrofit ${version}
Add the hardened setup to an existing repository without losing anything.

Usage
  secure-cncf retrofit [directory] [options]

New files are created. Files secure-cncf generated earlier are refreshed when you have not edited
them. An existing .github/dependabot.yml gets the missing ecosystems and directories (comments and
order kept). Existing workflows are hardened: unpinned uses: pinned to a SHA with a version comment
(only for actions in the pin table, at the version they already use), a top-level
permissions: contents: read where missing and no job needs more, persist-credentials: false on
checkouts of jobs that do not push. Risky patterns (untrusted input in run:, PR-head checkouts under
pull_request_target) are reported with file:line and the fix, never rewritten. Every other existing
file (your SECURITY.md, a workflow with the same name as a generated one) is kept and reported.

Options
  the answer options of "create" (--name, --repo, --language, --level, --compliance, --artifacts, --branch)
  -y, --yes                apply the safe changes without asking
  --dry-run                print every planned change as a unified diff; write nothing
  --force                  also apply unsafe changes (generated files you edited whose template
                           changed; files with uncommitted changes)
  --interactive            show each diff and ask (the default on a terminal without --yes)
  -h, --help               show this help

${EXIT_STATUS_HELP}`;
}

export const retrofitCommand: Command = {
  name: 'retrofit',
  summary: 'add the setup to an existing repository, merging instead of overwriting',
  options: OPTIONS,
  help,
  async run(parsed, io) {
    const args = toCreateArgs(parsed);
    const root = requireRepository(args.directory ?? '.', 'retrofit');
    const interactive = !args.dryRun && (args.interactive ?? (!args.yes && io.stdinIsTTY));
    const { runRetrofit } = await import('../../retrofit/run.js');
    const confirm = interactive ? (await import('../../retrofit/confirm.js')).inquirerConfirm(io) : undefined;
    return runRetrofit(root, { flags: args, dryRun: args.dryRun, force: args.conflict === 'overwrite', confirm }, io.stdout);
  },
};
