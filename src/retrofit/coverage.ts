// Which controls an existing repository already covers, from the same evidence `check` reads: a
// control that passes, is delegated to a shared workflow, or whose tool already runs (even partly)
// gets no file of ours. A second CodeQL, Scorecard, gitleaks or release pipeline beside the
// repository's own is noise at best and a race at worst; a partial one gets the smallest edit its
// control's retrofit hook knows, or a manual step in the report.
import type { Control, Evidence, PlanContext, RetrofitEdit } from '../catalog/types.js';
import type { RepoView } from '../evidence/repo-view.js';
import type { Ecosystem } from '../model.js';
import { practice } from '../evidence/kit.js';
import { describeTools } from '../evidence/kit.js';
import { findTools } from '../evidence/practices.js';
import { reachableUnits } from '../evidence/reach.js';
import { selfSlug } from '../evidence/kit.js';
import type { PracticeId } from '../evidence/tools.js';
import { releasePipeline } from './release-pipeline.js';

/** The evidence practices whose tools a control's files would run: a second copy is never added. */
export const CONTROL_PRACTICES: Record<string, PracticeId[]> = {
  sast: ['sast'],
  scorecard: ['scorecard'],
  'sca-scanning': ['sca'],
  'secret-scanning': ['secret-scanning'],
  'dependency-review': ['dependency-review'],
  'container-scanning': ['container-scanning'],
  fuzzing: ['fuzzing'],
  'release-signing': ['signing', 'provenance', 'sbom'],
  'sbom-config': ['sbom'],
};

/** Controls retrofit handles file by file (merge, keep, report) rather than by evidence. */
const FILE_RULES = new Set(['security-policy', 'dependency-updates']);

export interface CoverDecision {
  control: string;
  title: string;
  status: Evidence['status'];
  /** What already does the work, in one sentence (the evidence summary). */
  by: string;
  /** Edits of the repository's own files that complete the control (its retrofit hook). */
  edits: RetrofitEdit[];
  /** What a maintainer must still do by hand. */
  manual: string[];
  /** Left out although nothing here does it: a file of ours would do nothing in this repository. */
  skipped?: boolean;
}

function evaluate(control: Control, repo: RepoView, ctx: PlanContext): Evidence | undefined {
  try {
    return control.evidence?.(repo, ctx);
  } catch {
    return undefined; // an audit that fails says nothing: plan as before
  }
}

/** Whether a tool of one of the control's practices already runs somewhere (here, delegated, or in another CI). */
function toolRuns(control: Control, repo: RepoView, ctx: PlanContext): string | undefined {
  for (const id of CONTROL_PRACTICES[control.id] ?? []) {
    const observation = practice(repo, id, ctx.profile);
    if (observation.verdict === 'present') return describeTools(observation.findings);
    if (observation.verdict === 'delegated') return observation.delegations.map((d) => d.target).join(', ');
    if (observation.verdict === 'elsewhere') return observation.tools.length ? `${observation.tools.join(', ')} (${observation.elsewhere})` : `${observation.elsewhere}`;
  }
  if (control.id === 'release-signing') return releasePipeline(repo, selfSlug(ctx.profile));
  if (control.id === 'sca-scanning') {
    // cargo-deny run with its advisories check left out is a choice (advisories break unrelated pull
    // requests): a second cargo-deny for advisories beside it is not what the maintainers asked for.
    const deny = findTools(repo, [{ label: 'cargo-deny (advisories left out)', uses: ['EmbarkStudios/cargo-deny-action'], run: /\bcargo\s+(?:\+\S+\s+)?deny\b/ }], reachableUnits(repo, selfSlug(ctx.profile)));
    if (deny.length > 0) return `cargo-deny (advisories left out, ${deny[0]!.location.file}:${deny[0]!.location.line})`;
  }
  return undefined;
}

/** A control left out although nothing in the repository does it (a file of ours would do nothing there): reported as skipped, not covered. */
export function skipped(decision: CoverDecision): boolean {
  return decision.skipped === true;
}

/** Ecosystems whose manifests or lockfiles OSV-Scanner or an ecosystem scanner reads. */
const SCANNABLE: readonly Ecosystem[] = ['gomod', 'cargo', 'pip', 'uv', 'npm', 'bun', 'maven', 'gradle', 'gitsubmodule'];

/**
 * In an existing repository with no production manifest a scanner reads (C/C++ whose dependencies
 * CMake fetches at build time; only test modules), a scanning workflow would check nothing that
 * ships: why, or undefined when there is something to scan.
 */
function nothingToScan(ctx: PlanContext): string | undefined {
  const { facts, ecosystems } = ctx.profile;
  if (facts.isEmpty || SCANNABLE.some((e) => (ecosystems[e] ?? []).length > 0)) return undefined;
  const others = SCANNABLE.flatMap((e) => (facts.otherManifests?.[e] ?? []).map((dir) => `${e} ${dir}`));
  return `No manifest or lockfile that OSV-Scanner or an ecosystem scanner reads outside tests and examples${others.length ? ` (only ${others.slice(0, 3).join(', ')}${others.length > 3 ? ', …' : ''}, left out as non-production)` : ''}, so a scanning workflow would check nothing that ships; none is added.`;
}

/**
 * The controls whose files retrofit leaves out, with what covers them. `ours(path)` says whether a
 * planned file is already this tool's (recorded in the state file or carrying the marker): such a
 * control stays managed, so `upgrade` keeps refreshing what it wrote.
 */
export interface CoverageScope {
  /** Decide only for these controls (check asks only about the ones that are not passing). */
  only?: ReadonlySet<string>;
  /** Evidence the caller has already read, so no probe runs twice. */
  known?: ReadonlyMap<string, Evidence>;
}

export function coverage(repo: RepoView, ctx: PlanContext, ours: (path: string) => boolean, scope: CoverageScope = {}): Map<string, CoverDecision> {
  const decisions = new Map<string, CoverDecision>();
  let sbomWithoutTool: CoverDecision | undefined;
  for (const control of ctx.controls) {
    if (FILE_RULES.has(control.id) || !control.evidence) continue;
    if (scope.only && !scope.only.has(control.id)) continue;
    let paths: string[];
    try {
      paths = control.outputs(ctx).map((o) => o.path);
    } catch {
      continue;
    }
    if (paths.length === 0 || paths.some(ours)) continue;
    const evidence = scope.known?.get(control.id) ?? evaluate(control, repo, ctx);
    if (!evidence) continue;
    const decision: CoverDecision = { control: control.id, title: control.title, status: evidence.status, by: evidence.summary, edits: [], manual: [] };
    if (evidence.status === 'pass') {
      decisions.set(control.id, decision);
      continue;
    }
    if (evidence.status === 'delegated') {
      decision.manual.push(`${control.title}: delegated to ${evidence.delegatedTo ?? 'a shared workflow'}; confirm there that it covers this repository (\`check --online\` reads it).`);
      decisions.set(control.id, decision);
      continue;
    }
    const tool = toolRuns(control, repo, ctx);
    if (!tool) {
      if (control.id === 'sbom-config') sbomWithoutTool = decision;
      const unscannable = control.id === 'sca-scanning' ? nothingToScan(ctx) : undefined;
      if (unscannable) {
        decision.by = unscannable;
        decision.skipped = true;
        decision.manual.push(`${control.title}: ${unscannable} Track those dependencies where a scanner can read them (a lockfile, git submodules, or an SBOM of the build), then run \`secure-cncf retrofit\` again.`);
        decisions.set(control.id, decision);
      }
      continue;
    }
    decision.by = `${tool} already runs here; ${evidence.summary}`;
    const proposal = control.retrofit?.(repo, ctx, evidence);
    if (proposal) {
      decision.edits.push(...proposal.edits);
      decision.manual.push(...proposal.manual);
    }
    if (decision.edits.length === 0 && decision.manual.length === 0) {
      decision.manual.push(`${control.title}: ${evidence.summary} Complete it in the existing setup (secure-cncf adds no second copy of ${tool}).`);
    }
    decisions.set(control.id, decision);
  }
  // .syft.yaml configures the SBOMs of the release workflow secure-cncf writes. When the
  // repository releases with its own pipeline and nothing here generates SBOMs, no workflow would
  // read the file: the SBOMs belong in that pipeline, a manual step.
  const release = decisions.get('release-signing');
  if (sbomWithoutTool && release && release.edits.length > 0) {
    // The release pipeline's own configuration is being edited to generate SBOMs (GoReleaser's sboms:): that covers it.
    const sbomControl = ctx.controls.find((c) => c.id === sbomWithoutTool!.control);
    const after = sbomControl && evaluate(sbomControl, repo.withTexts(new Map(release.edits.map((e) => [e.path, e.after]))), ctx);
    if (after?.status === 'pass') {
      decisions.set(sbomWithoutTool.control, { ...sbomWithoutTool, status: 'pass', by: `${after.summary.replace(/\.$/, '')}, by the edit of ${release.edits.map((e) => e.path).join(' and ')} above.` });
      sbomWithoutTool = undefined;
    }
  }
  if (sbomWithoutTool && release) {
    const releasedBy = release.by.replace(/ already runs here;.*$/s, '');
    sbomWithoutTool.skipped = true;
    sbomWithoutTool.by = `${sbomWithoutTool.by} No .syft.yaml: it would configure the release workflow secure-cncf adds, and releases here come from the repository's own pipeline (${releasedBy}).`;
    sbomWithoutTool.manual.push(`${sbomWithoutTool.title}: generate SBOMs in the existing release pipeline (${releasedBy}) and configure the generator there (for Syft, a .syft.yaml that skips tests, fixtures and vendored code).`);
    decisions.set(sbomWithoutTool.control, sbomWithoutTool);
  }
  return decisions;
}
