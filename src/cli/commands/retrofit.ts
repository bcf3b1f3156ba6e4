import path from 'node:path';
import type { Command } from '../command.js';
import { CREATE_OPTIONS, toCreateArgs } from '../args.js';
import { EXIT_STATUS_HELP } from '../exit-status.js';
import { requireRepository } from '../../target.js';
import { UsageError } from '../../errors.js';

const { conflict: _conflict, version: _version, ...CREATE } = CREATE_OPTIONS;
const OPTIONS = {
  ...CREATE,
  'pr-body': { type: 'string' },
  commit: { type: 'boolean' },
  'security-policy': { type: 'boolean' },
  online: { type: 'boolean' },
} as const;

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
checkouts of jobs that do not push. The steps of the repository's composite actions (action.yml)
get the same pins, and persist-credentials: false when neither the action nor a job running it
pushes. Risky patterns (untrusted input in run:, also a composite action's inputs a caller fills
from it; PR-head checkouts under pull_request_target) are reported with file:line and the fix,
never rewritten. Every other existing
file (your SECURITY.md, a workflow with the same name as a generated one) is kept and reported.
No new CODEOWNERS is written: the only owner secure-cncf could name is the repository's owner, so the
report says whom to name instead (a team, @org/team, or maintainers).

Options
  the answer options of "create" (--name, --repo, --language, --level, --compliance, --artifacts,
  --branch, --ack-days, --fix-days, --portal: developer-portal files are added only when asked)
  -y, --yes                apply the safe changes without asking
  --dry-run                print every planned change as a unified diff; write nothing
  --force                  also apply unsafe changes (generated files you edited whose template
                           changed; files with uncommitted changes)
  --interactive            show each diff and ask (the default on a terminal without --yes)
  --pr-body FILE           write the pull-request description to FILE: each change and why, what
                           was left out as already covered (and by what), what is left to do
  --security-policy        add SECURITY.md: you confirm no organisation-wide policy (<owner>/.github)
                           applies; without it (or --online finding none) no SECURITY.md is written
  --online                 ask GitHub whether <owner>/.github has a security policy
  --ack-days N, --fix-days N
                           the response times SECURITY.md states (working days to acknowledge,
                           days to fix critical issues; none for no number); without them (and
                           without earlier answers) it states no numbers
  --commit                 commit the written files, one commit per group (hardening of existing
                           workflows, new workflows, policy and metadata)
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
    const rawBody = parsed.values['pr-body'];
    if (rawBody === '') throw new UsageError('--pr-body needs a file name (e.g. --pr-body pr.md).');
    const prBody = typeof rawBody === 'string' ? path.resolve(rawBody) : undefined;
    const commit = Boolean(parsed.values['commit']);
    if (commit && args.dryRun) throw new UsageError('--commit and --dry-run contradict each other: choose one.');
    // --ack-days / --fix-days are answer flags: resolveAnswers validates and stores them.
    const plan = { securityPolicy: Boolean(parsed.values['security-policy']), online: Boolean(parsed.values['online']) };
    return runRetrofit(root, { flags: args, dryRun: args.dryRun, force: args.conflict === 'overwrite', confirm, prBody, commit, plan }, io.stdout);
  },
};
