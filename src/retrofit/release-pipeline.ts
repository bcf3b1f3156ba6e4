// The repository's own release pipeline, if it has one. A release workflow of ours beside it
// would race it: a second build of the same binaries, a second image pushed under another name,
// a second chart release, a GitHub release drafted by two workflows. So anything that already
// publishes counts, whatever it is called and whatever starts it:
// - a workflow run for releases or tag pushes, or named for releasing (and a GoReleaser config);
// - a workflow that publishes images, packages or release files (a job that may write packages,
//   or a step that pushes or uploads), even when a manual dispatch or a branch push starts it;
// - release build targets in the Makefile when the repository shows another CI (Prow, Jenkins, ...)
//   that runs them, out of sight of GitHub Actions.
import type { RepoView } from '../evidence/repo-view.js';
import { findTools, isReleaseWorkflow } from '../evidence/practices.js';
import { reachableUnits } from '../evidence/reach.js';
import { input, type ToolSpec } from '../evidence/tools.js';
import { goreleaserConfig } from '../evidence/configs.js';
import { otherCi } from '../evidence/elsewhere.js';
import { parseMakefile } from '../evidence/makefile.js';
import type { ParsedWorkflow } from '../evidence/workflow.js';
import { hasMarker } from './markers.js';

/** Steps that publish what a release ships. */
const PUBLISH: ToolSpec[] = [
  { label: 'docker push', run: /\b(?:docker|podman|buildah)\s+(?:image\s+)?push\b|\bbuildx\s+(?:build|bake)\b[^\n]*\s--push\b/ },
  { label: 'docker/build-push-action (push)', uses: ['docker/build-push-action', 'docker/bake-action'], when: (u) => /^true$/i.test(input(u, 'push').trim()) },
  { label: 'ko', uses: ['ko-build/setup-ko'], run: /\bko\s+(?:build|publish|resolve|apply)\b/ },
  { label: 'crane/skopeo', run: /\bcrane\s+(?:push|copy|cp|append)\b|\bskopeo\s+copy\b/ },
  { label: 'helm push', run: /\bhelm\s+push\b/ },
  { label: 'chart-releaser', uses: ['helm/chart-releaser-action'], run: /\bcr\s+upload\b/ },
  { label: 'GoReleaser', uses: ['goreleaser/goreleaser-action'], run: /(?:^|[\s/])goreleaser\s+release\b/ },
  { label: 'npm publish', run: /\b(?:npm|pnpm|yarn)\s+publish\b/ },
  { label: 'cargo publish', run: /\bcargo\s+(?:\+\S+\s+)?publish\b/ },
  { label: 'PyPI upload', uses: ['pypa/gh-action-pypi-publish'], run: /\btwine\s+upload\b/ },
  { label: 'Maven/Gradle publish', run: /\bmvnw?\b[^\n]*\bdeploy\b|\bgradlew?\b[^\n]*\bpublish\w*/ },
  { label: 'GitHub release upload', uses: ['softprops/action-gh-release', 'ncipollo/release-action'], run: /\bgh\s+release\s+(?:create|upload)\b/ },
];

/** Triggers under which a workflow can publish (pull requests, forks' above all, cannot). */
const PUBLISHING_TRIGGERS = new Set(['push', 'workflow_dispatch', 'schedule', 'release', 'workflow_run', 'repository_dispatch']);

/** Makefile targets that build or push what a release ships (`make release` alone is often just an optimised build). */
const RELEASE_TARGET = /^(?:dist|dist[-_][\w.-]+|[\w.-]+[-_]dist|release[-_][\w.-]+|[\w.-]+[-_]release|publish(?:[-_][\w.-]+)?|push[-_]?(?:images?|artifacts?|charts?))$/i;

const ours = (workflow: ParsedWorkflow) => hasMarker(workflow.head);

/** A job of the workflow (or the workflow itself) may write packages: it pushes to GitHub's registry. */
function writesPackages(workflow: ParsedWorkflow): { line: number } | undefined {
  const grants = (permissions: unknown) => typeof permissions === 'object' && permissions !== null && (permissions as Record<string, unknown>)['packages'] === 'write';
  if (grants(workflow.permissions)) return { line: workflow.permissionsLine ?? 1 };
  const job = workflow.jobs.find((j) => grants(j.permissions));
  return job ? { line: job.permissionsLine ?? job.line } : undefined;
}

/** A workflow that publishes images, packages or release files, named by file:line and how. */
function publishingWorkflow(repo: RepoView, selfSlug: string | undefined): string | undefined {
  const workflows = repo.workflows().filter((w) => !w.error && !ours(w));
  for (const workflow of workflows) {
    if (!workflow.triggers.some((t) => PUBLISHING_TRIGGERS.has(t))) continue;
    const packages = writesPackages(workflow);
    if (packages) return `${workflow.file}:${packages.line} (publishes packages)`;
  }
  const units = reachableUnits(repo, selfSlug).filter((u) => !ours(u.entry) && u.triggers.some((t) => PUBLISHING_TRIGGERS.has(t)));
  const found = findTools(repo, PUBLISH, units)[0];
  return found ? `${found.unit.entry.file} (${found.label}, ${found.location.file}:${found.location.line})` : undefined;
}

/** Release build targets of the root Makefile, when another CI (not visible from here) can run them. */
function releaseTargetsElsewhere(repo: RepoView): string | undefined {
  const ci = otherCi(repo, 'signing');
  if (!ci) return undefined;
  const file = repo.findFirst(['GNUmakefile', 'Makefile', 'makefile']);
  const text = file ? repo.read(file) : undefined;
  if (!file || text === undefined) return undefined;
  const targets = parseMakefile(file, text).rules.flatMap((rule) => rule.targets).filter((t) => RELEASE_TARGET.test(t));
  if (targets.length === 0) return undefined;
  // Targets that say they build distributions or publish come first: they name the pipeline best.
  const rank = (t: string) => (/^(?:dist|publish|push)/i.test(t) ? 0 : 1);
  const shown = [...new Set(targets)].sort((a, b) => rank(a) - rank(b)).slice(0, 2).map((t) => `make ${t}`).join(', ');
  return `${shown} in ${file}, run outside GitHub Actions (${ci.name})`;
}

/** The repository's own release pipeline, if any (see the file comment), in a few words. */
export function releasePipeline(repo: RepoView, selfSlug?: string): string | undefined {
  const workflow = repo.workflows().find((w) => !w.error && !ours(w) && isReleaseWorkflow(w, w.triggers));
  if (workflow) return workflow.file;
  return goreleaserConfig(repo)?.file ?? publishingWorkflow(repo, selfSlug) ?? releaseTargetsElsewhere(repo);
}
