// Heuristics over one job of a workflow (its data model, merge keys resolved): does it push with
// the checkout credentials, and does it need more token permissions than `contents: read`?

type Job = Record<string, unknown>;
type Step = Record<string, unknown>;

const PUSH_COMMANDS = /\bgit\s+(push|commit)\b|\bgh\s+(pr\s+(create|merge|edit|comment|review|close)|release\s+|repo\s+(create|edit|sync)|issue\s+(create|comment|edit|close)|api\b.*(-X|--method)\s*(POST|PUT|PATCH|DELETE))/i;

/** Actions that commit or push through the credentials actions/checkout leaves behind. */
const PUSHING_ACTIONS = [
  'stefanzweifel/git-auto-commit-action',
  'peter-evans/create-pull-request',
  'EndBug/add-and-commit',
  'ad-m/github-push-action',
  'changesets/action',
  'JamesIves/github-pages-deploy-action',
  'peaceiris/actions-gh-pages',
];

/** Actions that need a token permission beyond `contents: read`, with the permission. */
const PRIVILEGED_ACTIONS: Array<[string, string]> = [
  ['github/codeql-action/', 'security-events: write'],
  ['ossf/scorecard-action', 'security-events: write, id-token: write'],
  ['actions/attest', 'id-token: write, attestations: write'],
  ['pypa/gh-action-pypi-publish', 'id-token: write'],
  ['aws-actions/configure-aws-credentials', 'id-token: write'],
  ['google-github-actions/auth', 'id-token: write'],
  ['azure/login', 'id-token: write'],
  ['sigstore/', 'id-token: write'],
  ['docker/login-action', 'packages: write'],
  ['actions/github-script', 'whatever the script calls'],
  ['actions/dependency-review-action', 'pull-requests: write (for its comment)'],
  ['softprops/action-gh-release', 'contents: write'],
  ['goreleaser/goreleaser-action', 'contents: write'],
  ['helm/chart-releaser-action', 'contents: write'],
  ['actions/labeler', 'pull-requests: write'],
  ['actions/stale', 'issues: write, pull-requests: write'],
  ['marocchino/sticky-pull-request-comment', 'pull-requests: write'],
  ['actions/deploy-pages', 'pages: write, id-token: write'],
  ['release-drafter/release-drafter', 'contents: write, pull-requests: write'],
];

export function steps(job: Job): Step[] {
  return Array.isArray(job['steps']) ? (job['steps'] as unknown[]).filter((s): s is Step => typeof s === 'object' && s !== null) : [];
}

function usesName(step: Step): string {
  return typeof step['uses'] === 'string' ? (step['uses'] as string).split('@')[0] ?? '' : '';
}

function grantsContentsWrite(permissions: unknown): boolean {
  if (permissions === 'write-all') return true;
  return typeof permissions === 'object' && permissions !== null && (permissions as Record<string, unknown>)['contents'] === 'write';
}

/** Why the job may push with checkout's credentials (undefined when it does not appear to). */
export function pushReason(job: Job, workflowPermissions: unknown): string | undefined {
  const permissions = job['permissions'] ?? workflowPermissions;
  if (grantsContentsWrite(permissions)) return 'it has contents: write';
  for (const step of steps(job)) {
    if (typeof step['run'] === 'string' && PUSH_COMMANDS.test(step['run'])) return `a run step calls ${(PUSH_COMMANDS.exec(step['run']) as RegExpExecArray)[0]}`;
    const name = usesName(step);
    if (PUSHING_ACTIONS.some((a) => name === a || name.startsWith(`${a}/`))) return `it uses ${name}`;
  }
  return undefined;
}

/** Why a job without its own `permissions:` needs more than `contents: read` (undefined when it does not appear to). */
export function privilegeReason(jobId: string, job: Job): string | undefined {
  if (job['permissions'] !== undefined) return undefined;
  if (typeof job['uses'] === 'string') return `job "${jobId}" calls a reusable workflow (${job['uses']}) whose permission needs are not visible here`;
  for (const step of steps(job)) {
    const name = usesName(step);
    const hit = PRIVILEGED_ACTIONS.find(([prefix]) => name === prefix || name.startsWith(prefix));
    if (hit) return `job "${jobId}" uses ${name}, which needs ${hit[1]}`;
    if (typeof step['run'] === 'string' && PUSH_COMMANDS.test(step['run'])) {
      return `job "${jobId}" runs ${(PUSH_COMMANDS.exec(step['run']) as RegExpExecArray)[0]}, which needs write access`;
    }
  }
  return undefined;
}
