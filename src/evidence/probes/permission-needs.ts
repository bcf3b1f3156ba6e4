// What each job's steps need from the GITHUB_TOKEN: one knowledge table of well-known actions and
// `run:` commands. A job's needs are "known" only when every step is known; retrofit restricts a
// job's permissions only then (a wrong guess starves a working job), and `check` uses the same
// table to say which job needs which write when it finds `write-all`.
import type { WorkflowJob, WorkflowStep } from '../workflow.js';

export type Access = 'read' | 'write';
export type Scopes = Record<string, Access>;

interface ActionRule {
  /** `uses:` name prefix (owner/repo[/path]), compared case-insensitively. */
  prefix: string;
  needs: Scopes | 'unknown';
  /** Extra needs when a `with:` input has a value (e.g. publish to a registry). */
  when?: Array<{ input: string; test: RegExp; needs: Scopes }>;
  why?: string;
  /** The step's needs are unknown when this input matches (absent counts as ""). */
  unknownWhen?: { input: string; test: RegExp };
}

const READ = {} satisfies Scopes;

/** Actions by what they need beyond `contents: read`. An action not listed makes the job unknown. */
const ACTIONS: ActionRule[] = [
  // Tool installers, caches and artifacts of the same run: nothing beyond contents: read.
  ...[
    'actions/checkout', 'actions/setup-go', 'actions/setup-node', 'actions/setup-python', 'actions/setup-java', 'actions/setup-dotnet',
    'actions/cache', 'actions/upload-artifact', 'actions/upload-pages-artifact', 'actions/configure-pages', 'docker/setup-buildx-action',
    'docker/setup-qemu-action', 'docker/metadata-action', 'azure/setup-helm', 'dtolnay/rust-toolchain', 'Swatinem/rust-cache',
    'actions-rs/toolchain', 'actions-rust-lang/setup-rust-toolchain', 'taiki-e/install-action', 'sigstore/cosign-installer',
    'anchore/sbom-action/download-syft', 'pnpm/action-setup', 'astral-sh/setup-uv', 'hashicorp/setup-terraform',
    'ruby/setup-ruby', 'gradle/actions/wrapper-validation', 'gradle/wrapper-validation-action', 'step-security/harden-runner', 'EmbarkStudios/cargo-deny-action',
    'golang/govulncheck-action', 'aquasecurity/setup-trivy', 'mozilla-actions/sccache-action', 'bufbuild/buf-setup-action', 'bufbuild/buf-action',
    'helm/kind-action', 'engineerd/setup-kind', 'medyagh/setup-minikube', 'jdx/mise-action', 'extractions/setup-just', 'arduino/setup-protoc',
    'cachix/install-nix-action', 'DeterminateSystems/nix-installer-action', 'DeterminateSystems/magic-nix-cache-action', 'nick-fields/retry',
    'mikefarah/yq', 'crate-ci/typos', 'codespell-project/actions-codespell', 'ludeeus/action-shellcheck', 'hadolint/hadolint-action',
  ].map((prefix): ActionRule => ({ prefix, needs: READ })),
  { prefix: 'actions/download-artifact', needs: READ, when: [{ input: 'run-id', test: /\S/, needs: { actions: 'read' } }], why: 'artifacts of another run' },
  { prefix: 'dawidd6/action-download-artifact', needs: { actions: 'read' }, why: 'downloads artifacts of other runs' },
  { prefix: 'github/codeql-action/upload-sarif', needs: { 'security-events': 'write', actions: 'read' }, why: 'uploads SARIF' },
  { prefix: 'github/codeql-action/', needs: { 'security-events': 'write', actions: 'read' }, why: 'CodeQL uploads results' },
  { prefix: 'ossf/scorecard-action', needs: { 'security-events': 'write', 'id-token': 'write', actions: 'read' }, why: 'publishes results with an OIDC token' },
  ...['actions/attest', 'actions/attest-build-provenance', 'actions/attest-sbom'].map(
    (prefix): ActionRule => ({
      prefix,
      needs: { 'id-token': 'write', attestations: 'write' },
      when: [{ input: 'push-to-registry', test: /^true$/, needs: { packages: 'write', 'artifact-metadata': 'write' } }],
      why: 'signs attestations with an OIDC token',
    }),
  ),
  { prefix: 'actions/dependency-review-action', needs: READ, when: [{ input: 'comment-summary-in-pr', test: /^(always|on-failure|true)$/, needs: { 'pull-requests': 'write' } }] },
  // On release events it uploads the SBOM to the release unless told not to: contents: write fails safe.
  { prefix: 'anchore/sbom-action', needs: { contents: 'write' }, why: 'uploads SBOMs to the release (upload-release-assets defaults to true)' },
  { prefix: 'anchore/scan-action', needs: READ },
  { prefix: 'golangci/golangci-lint-action', needs: READ, when: [{ input: 'only-new-issues', test: /^true$/, needs: { 'pull-requests': 'read' } }] },
  { prefix: 'aquasecurity/trivy-action', needs: READ },
  { prefix: 'pypa/gh-action-pypi-publish', needs: { 'id-token': 'write' }, why: 'PyPI trusted publishing' },
  { prefix: 'pypa/gh-action-pip-audit', needs: READ },
  { prefix: 'sigstore/gh-action-sigstore-python', needs: { 'id-token': 'write' }, why: 'keyless signing' },
  { prefix: 'aws-actions/configure-aws-credentials', needs: { 'id-token': 'write' }, why: 'OIDC to AWS' },
  { prefix: 'google-github-actions/auth', needs: { 'id-token': 'write' }, why: 'OIDC to Google Cloud' },
  { prefix: 'azure/login', needs: { 'id-token': 'write' }, why: 'OIDC to Azure' },
  // A registry named by an expression may be GHCR: granting packages: write there fails safe.
  { prefix: 'docker/login-action', needs: READ, when: [{ input: 'registry', test: /^ghcr\.io|\$\{\{/, needs: { packages: 'write' } }], why: 'pushes to GHCR' },
  { prefix: 'docker/build-push-action', needs: READ },
  { prefix: 'softprops/action-gh-release', needs: { contents: 'write' }, why: 'creates releases' },
  { prefix: 'ncipollo/release-action', needs: { contents: 'write' }, why: 'creates releases' },
  // Its config decides what it publishes (release assets, GHCR images, keyless signatures).
  {
    prefix: 'goreleaser/goreleaser-action',
    needs: READ,
    unknownWhen: { input: 'args', test: /^(?!.*--snapshot)(?!.*\b(build|check|healthcheck)\b)/s },
    why: 'goreleaser release: its configuration decides (release assets, image pushes, keyless signing)',
  },
  { prefix: 'actions/create-release', needs: { contents: 'write' }, why: 'creates releases' },
  { prefix: 'actions/upload-release-asset', needs: { contents: 'write' }, why: 'uploads release assets' },
  { prefix: 'svenstaro/upload-release-action', needs: { contents: 'write' }, why: 'uploads release assets' },
  { prefix: 'actions/delete-package-versions', needs: { packages: 'write' }, why: 'deletes package versions' },
  { prefix: 'peter-evans/enable-pull-request-automerge', needs: { contents: 'write', 'pull-requests': 'write' }, why: 'enables auto-merge' },
  { prefix: 'peter-evans/find-comment', needs: { issues: 'read', 'pull-requests': 'read' }, why: 'reads comments' },
  { prefix: 'thollander/actions-comment-pull-request', needs: { 'pull-requests': 'write' }, why: 'comments on pull requests' },
  { prefix: 'mshick/add-pr-comment', needs: { issues: 'write', 'pull-requests': 'write' }, why: 'comments on pull requests' },
  { prefix: 'actions/first-interaction', needs: { issues: 'write', 'pull-requests': 'write' }, why: 'greets first-time contributors' },
  { prefix: 'amannn/action-semantic-pull-request', needs: { 'pull-requests': 'read' }, why: 'reads the pull request title' },
  { prefix: 'dorny/paths-filter', needs: { 'pull-requests': 'read' }, why: 'lists the files of a pull request through the API' },
  { prefix: 'tj-actions/changed-files', needs: { 'pull-requests': 'read' }, why: 'lists the files of a pull request through the API' },
  { prefix: 'dorny/test-reporter', needs: { checks: 'write', actions: 'read' }, why: 'creates check runs' },
  { prefix: 'EnricoMi/publish-unit-test-result-action', needs: { checks: 'write', 'pull-requests': 'write', issues: 'read' }, why: 'creates check runs and comments' },
  { prefix: 'mikepenz/action-junit-report', needs: { checks: 'write' }, why: 'creates check runs' },
  { prefix: 'reviewdog/', needs: { checks: 'write', 'pull-requests': 'write' }, why: 'reports through check runs and review comments' },
  { prefix: 'coverallsapp/github-action', needs: READ },
  { prefix: 'dependabot/fetch-metadata', needs: { 'pull-requests': 'read' }, why: 'reads the Dependabot pull request' },
  { prefix: 'slsa-framework/slsa-github-generator', needs: 'unknown', why: 'a reusable workflow with its own needs' },
  { prefix: 'helm/chart-releaser-action', needs: { contents: 'write' }, why: 'publishes charts to gh-pages and releases' },
  { prefix: 'actions/labeler', needs: { 'pull-requests': 'write' }, why: 'labels pull requests' },
  // actions: write lets it delete the cache entry that holds its progress; without it every run starts over (403 on delete).
  { prefix: 'actions/stale', needs: { issues: 'write', 'pull-requests': 'write', actions: 'write' }, why: 'closes stale issues and pull requests, and keeps its state in the Actions cache' },
  { prefix: 'dessant/lock-threads', needs: { issues: 'write', 'pull-requests': 'write', discussions: 'write' }, why: 'locks threads' },
  { prefix: 'peter-evans/create-pull-request', needs: { contents: 'write', 'pull-requests': 'write' }, why: 'pushes a branch and opens a pull request' },
  { prefix: 'peter-evans/create-or-update-comment', needs: { issues: 'write', 'pull-requests': 'write' }, why: 'comments' },
  { prefix: 'marocchino/sticky-pull-request-comment', needs: { 'pull-requests': 'write' }, why: 'comments on pull requests' },
  { prefix: 'actions/deploy-pages', needs: { pages: 'write', 'id-token': 'write' }, why: 'deploys GitHub Pages' },
  { prefix: 'release-drafter/release-drafter', needs: { contents: 'write', 'pull-requests': 'write' }, why: 'drafts releases' },
  { prefix: 'googleapis/release-please-action', needs: { contents: 'write', 'pull-requests': 'write' }, why: 'release pull requests' },
  { prefix: 'actions-rust-lang/audit', needs: { issues: 'write', checks: 'write' }, why: 'opens issues for advisories' },
  { prefix: 'rustsec/audit-check', needs: { issues: 'write', checks: 'write' }, why: 'opens issues and check runs for advisories' },
  { prefix: 'actions-rs/audit-check', needs: { issues: 'write', checks: 'write' }, why: 'opens issues and check runs for advisories' },
  { prefix: 'stefanzweifel/git-auto-commit-action', needs: { contents: 'write' }, why: 'pushes commits' },
  { prefix: 'EndBug/add-and-commit', needs: { contents: 'write' }, why: 'pushes commits' },
  { prefix: 'ad-m/github-push-action', needs: { contents: 'write' }, why: 'pushes commits' },
  { prefix: 'changesets/action', needs: { contents: 'write', 'pull-requests': 'write' }, why: 'release pull requests' },
  { prefix: 'JamesIves/github-pages-deploy-action', needs: { contents: 'write' }, why: 'pushes to the pages branch' },
  { prefix: 'peaceiris/actions-gh-pages', needs: { contents: 'write' }, why: 'pushes to the pages branch' },
  { prefix: 'codecov/codecov-action', needs: READ, when: [{ input: 'use_oidc', test: /^true$/, needs: { 'id-token': 'write' } }] },
  { prefix: 'actions/github-script', needs: 'unknown', why: 'the script can call any API' },
  { prefix: 'actions/create-github-app-token', needs: READ, why: 'mints its own token' },
];

/** `run:` commands that use the token, with what they need. */
const COMMANDS: Array<{ test: RegExp; needs: Scopes | 'unknown'; why: string }> = [
  { test: /\bgh\s+pr\s+(create|merge|edit|comment|review|close|reopen|ready|lock|unlock)\b/, needs: { 'pull-requests': 'write' }, why: 'gh pr' },
  { test: /\bgh\s+issue\s+(create|comment|edit|close|reopen|lock|unlock|delete|transfer|pin)\b/, needs: { issues: 'write' }, why: 'gh issue' },
  { test: /\bgh\s+label\s+(create|edit|delete|clone)\b/, needs: { issues: 'write' }, why: 'gh label' },
  { test: /\bgh\s+release\s+(create|upload|edit|delete)\b/, needs: { contents: 'write' }, why: 'gh release' },
  { test: /\bgh\s+workflow\s+(run|enable|disable)\b/, needs: { actions: 'write' }, why: 'gh workflow' },
  { test: /\bgh\s+(run\s+(download|view|list)|cache\s+list)\b/, needs: { actions: 'read' }, why: 'gh run' },
  { test: /\bgh\s+(run\s+(cancel|rerun|delete)|cache\s+delete)\b/, needs: { actions: 'write' }, why: 'gh run / gh cache' },
  { test: /\bgh\s+attestation\s+verify\b/, needs: READ, why: 'gh attestation verify' },
  { test: /\bgit\s+push\b/, needs: { contents: 'write' }, why: 'git push' },
  { test: /\b(docker|podman|buildah|crane|oras|helm)\s+(push|login)\b[^\n]*\bghcr\.io|ghcr\.io[^\n]*\b(docker|podman)\s+push\b/, needs: { packages: 'write' }, why: 'pushes to GHCR' },
  { test: /--push\b[^\n]*ghcr\.io|ghcr\.io[^\n]*--push\b|KO_DOCKER_REPO[^\n]*ghcr\.io/, needs: { packages: 'write' }, why: 'pushes images to GHCR' },
  { test: /\bgoreleaser\s+release\b/, needs: 'unknown', why: 'goreleaser release (its configuration decides what it publishes)' },
  { test: /\bcosign\s+(sign|attest|sign-blob)\b/, needs: { 'id-token': 'write' }, why: 'cosign keyless signing' },
  { test: /\bnpm\s+publish\b[^\n]*--provenance|\bnpm\s+publish\b/, needs: { 'id-token': 'write' }, why: 'npm publish (trusted publishing / provenance)' },
  { test: /\bgh\s+api\b[^\n]*(-X|--method)\s*(POST|PUT|PATCH|DELETE)|\bgh\s+api\b[^\n]*\s-(f|F)\s/, needs: 'unknown', why: 'gh api writes' },
  { test: /\bgh\s+(api|repo|secret|variable|ruleset|project|gist)\b/, needs: 'unknown', why: 'gh CLI call' },
  { test: /api\.github\.com|\$GITHUB_API_URL|ACTIONS_ID_TOKEN_REQUEST/, needs: 'unknown', why: 'calls the GitHub API directly' },
];

const TOKEN = /\b(secrets\.GITHUB_TOKEN|github\.token)\b/;

export interface StepNeeds {
  step: WorkflowStep;
  needs: Scopes | 'unknown';
  why: string;
}

export interface JobNeeds {
  /** Every step is in the table (or clearly uses no token). */
  known: boolean;
  /** The union of what known steps need beyond contents: read. */
  scopes: Scopes;
  steps: StepNeeds[];
  /** Why the job's needs are not fully known. */
  unknown: string[];
}

function merge(into: Scopes, add: Scopes): void {
  for (const [scope, access] of Object.entries(add)) if (into[scope] !== 'write') into[scope] = access;
}

function actionNeeds(step: WorkflowStep): StepNeeds {
  const name = step.uses!.name.toLowerCase();
  const rule = ACTIONS.find((r) => {
    const prefix = r.prefix.toLowerCase();
    return prefix.endsWith('/') ? name.startsWith(prefix) : name === prefix || name.startsWith(`${prefix}/`);
  });
  if (!rule) {
    if (step.uses!.kind === 'local') return { step, needs: 'unknown', why: `${step.uses!.name} (a composite action of this repository)` };
    return { step, needs: 'unknown', why: `${step.uses!.name} is not in the table of known actions` };
  }
  if (rule.needs === 'unknown') return { step, needs: 'unknown', why: `${step.uses!.name}: ${rule.why ?? 'unknown'}` };
  if (rule.unknownWhen && rule.unknownWhen.test.test(String(step.with[rule.unknownWhen.input] ?? ''))) {
    return { step, needs: 'unknown', why: `${step.uses!.name}: ${rule.why ?? 'unknown'}` };
  }
  const needs: Scopes = { ...rule.needs };
  for (const extra of rule.when ?? []) {
    const value = step.with[extra.input];
    if (value !== undefined && value !== null && extra.test.test(String(value))) merge(needs, extra.needs);
  }
  return { step, needs, why: `${step.uses!.name}${rule.why ? ` (${rule.why})` : ''}` };
}

function commandNeeds(step: WorkflowStep): StepNeeds {
  const script = step.run ?? '';
  const needs: Scopes = {};
  const reasons: string[] = [];
  for (const rule of COMMANDS) {
    if (!rule.test.test(script)) continue;
    if (rule.needs === 'unknown') return { step, needs: 'unknown', why: `run: ${rule.why}` };
    merge(needs, rule.needs);
    reasons.push(rule.why);
  }
  const envToken = Object.values(step.env).some((value) => typeof value === 'string' && TOKEN.test(value)) || TOKEN.test(script);
  if (reasons.length === 0 && envToken) return { step, needs: 'unknown', why: 'run: hands the token to a script' };
  return { step, needs, why: reasons.length ? `run: ${reasons.join(', ')}` : 'run: no token use' };
}

/** What a job needs from the token; reusable-workflow calls are unknown (their needs live elsewhere). */
export function jobNeeds(job: WorkflowJob): JobNeeds {
  if (job.uses) {
    return { known: false, scopes: {}, steps: [], unknown: [`calls the reusable workflow ${job.uses.value}, whose needs are declared there`] };
  }
  const steps = job.steps.map((step) => (step.uses ? actionNeeds(step) : commandNeeds(step)));
  const scopes: Scopes = {};
  const unknown: string[] = [];
  for (const step of steps) {
    if (step.needs === 'unknown') unknown.push(step.why);
    else merge(scopes, step.needs);
  }
  return { known: unknown.length === 0, scopes, steps, unknown };
}

/** Whether a `permissions:` value grants no write access. */
export function isReadOnly(permissions: unknown): boolean {
  if (permissions === 'read-all' || permissions === null) return true;
  if (typeof permissions === 'string') return false; // write-all
  if (typeof permissions !== 'object') return false;
  return Object.values(permissions as Record<string, unknown>).every((v) => v === 'read' || v === 'none');
}

/** Scopes a `permissions:` value grants write access to ('*' for write-all). */
export function writeScopes(permissions: unknown): string[] {
  if (permissions === 'write-all') return ['*'];
  if (typeof permissions !== 'object' || permissions === null) return [];
  return Object.entries(permissions as Record<string, unknown>).filter(([, v]) => v === 'write').map(([k]) => k);
}

/** Why a job pushes with the credentials actions/checkout leaves behind (undefined when it does not appear to). */
export function pushReason(job: WorkflowJob, workflowPermissions: unknown): string | undefined {
  const granted = job.permissions ?? workflowPermissions;
  if (granted === 'write-all' || (typeof granted === 'object' && granted !== null && (granted as Record<string, unknown>)['contents'] === 'write')) {
    return 'it has contents: write';
  }
  for (const step of jobNeeds(job).steps) {
    if (step.needs !== 'unknown' && step.needs['contents'] === 'write') return `it uses ${step.why}`;
    if (step.step.run !== undefined && /\bgit\s+(commit|push)\b/.test(step.step.run)) return 'a run step calls git commit/push';
  }
  return undefined;
}

/** Why a job without its own `permissions:` needs more than `contents: read`, or may (undefined when it surely does not). */
export function privilegeReason(job: WorkflowJob): string | undefined {
  if (job.permissions !== undefined) return undefined;
  const needs = jobNeeds(job);
  if (!needs.known) return `job "${job.id}": ${needs.unknown[0]}`;
  const extra = Object.entries(needs.scopes).filter(([scope, access]) => !(scope === 'contents' && access === 'read'));
  if (extra.length === 0) return undefined;
  const step = needs.steps.find((s) => s.needs !== 'unknown' && Object.keys(s.needs).length > 0);
  return `job "${job.id}" needs ${extra.map(([scope, access]) => `${scope}: ${access}`).join(', ')}${step ? ` (${step.why})` : ''}`;
}
