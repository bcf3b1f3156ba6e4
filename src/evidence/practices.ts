// Which tools do each practice in a repository, and where: the one observation `check`, `retrofit`,
// the survey and the corpus measurement all read.
//
//   present    this repository's workflows run it (directly, through a local composite action or
//              reusable workflow, a Makefile target, a package or shell script, or a config file)
//   delegated  only a reusable workflow or composite action of another repository, whose path
//              says it does this practice, is called; not read offline (`--online` reads it)
//   elsewhere  the tool is run by repository code no workflow calls, and the repository shows
//              another CI (Prow, Cloud Build, CircleCI, ...) or OSS-Fuzz
//   absent     none of these
import type { RepoView } from './repo-view.js';
import type { ParsedWorkflow, UsesRef } from './workflow.js';
import type { EvidenceLocation } from './types.js';
import { isReleaseWorkflow, reachableUnits, unitLineMatching, type Unit } from './reach.js';
import { DELEGATION_KEYWORDS, PRACTICE_TOOLS, PRACTICES, type PracticeId, type ToolSpec } from './tools.js';
import { otherCi, unreachedSources } from './elsewhere.js';
import { remoteUsesName, specMatcher, usesNameMatches } from './spec-matcher.js';
import { isSharedCall } from './shared.js';
import type { RemoteFiles } from './remote.js';

export type PracticeVerdict = 'present' | 'delegated' | 'elsewhere' | 'absent';

export interface ToolFinding {
  label: string;
  location: EvidenceLocation;
  /** How a workflow reaches it, outermost first. */
  via: string[];
  /** The configuration that makes the tool do the practice (e.g. .golangci.yml enabling gosec). */
  config?: EvidenceLocation;
  onPullRequests: boolean;
  onRelease: boolean;
  unit: Unit;
}

export interface Delegation {
  /** "owner/repo/path" of the reusable workflow or action, without the ref. */
  target: string;
  repo: string;
  ref?: string;
  uses: UsesRef;
  /** Online, why it could not be read (rate limit, no access, missing); offline undefined. */
  unread?: string;
}

export interface PracticeObservation {
  practice: PracticeId;
  verdict: PracticeVerdict;
  /** Tool labels, in the order first found. */
  tools: string[];
  findings: ToolFinding[];
  onPullRequests: boolean;
  onRelease: boolean;
  /** Calls of other repositories' shared workflows or actions named for the practice. */
  delegations: Delegation[];
  /** Where the tool is run outside GitHub Actions (verdict "elsewhere"), or found but never run. */
  unreached: ToolFinding[];
  /** The other CI the repository shows, for "elsewhere". */
  elsewhere?: string;
}

export interface ObserveOptions {
  /** "owner/name" of the repository itself: its own reusable workflows called by full name are local. */
  selfSlug?: string;
}

export { isReleaseWorkflow } from './reach.js';

export const PULL_REQUEST_TRIGGERS = ['pull_request', 'pull_request_target', 'merge_group'];

export function runsOnPullRequests(triggers: string[]): boolean {
  return triggers.some((t) => PULL_REQUEST_TRIGGERS.includes(t));
}

/** Every unit that runs one of the tools, with where and when. */
export function findTools(repo: RepoView, specs: readonly ToolSpec[], units: readonly Unit[]): ToolFinding[] {
  const findings: ToolFinding[] = [];
  const seen = new Set<string>();
  const { prefixes, anyRun, anyUses } = specMatcher(specs);
  for (const unit of units) {
    const remoteName = remoteUsesName(unit.uses);
    const usesName = remoteName !== undefined && anyUses(remoteName) ? remoteName : undefined;
    const textMayMatch = unit.text !== undefined && anyRun(unit.text);
    if (usesName === undefined && !textMayMatch) continue;
    for (let i = 0; i < specs.length; i++) {
      const spec = specs[i] as ToolSpec;
      const specPrefixes = prefixes[i];
      let location: EvidenceLocation | undefined;
      if (unit.uses && usesName !== undefined && specPrefixes && usesNameMatches(usesName, specPrefixes)) location = { file: unit.uses.file, line: unit.uses.line };
      else if (textMayMatch && spec.run) {
        const line = unitLineMatching(unit, spec.run);
        if (line !== undefined) location = { file: unit.file, line };
      }
      if (!location) continue;
      if (spec.when && !spec.when(unit)) continue;
      let config: EvidenceLocation | undefined;
      if (spec.config) {
        config = spec.config(repo, unit);
        if (!config) continue;
      }
      const key = `${spec.label}|${location.file}:${location.line}|${unit.entry.file}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const finding: ToolFinding = {
        label: spec.label,
        location,
        via: unit.via,
        onPullRequests: runsOnPullRequests(unit.triggers),
        onRelease: unit.onRelease ?? isReleaseWorkflow(unit.entry, unit.triggers),
        unit,
      };
      if (config) finding.config = config;
      findings.push(finding);
    }
  }
  return findings;
}

/** Calls of other repositories' reusable workflows and shared actions whose path names the practice. */
function delegationsFor(units: readonly Unit[], practice: PracticeId, options: ObserveOptions, remote: RemoteFiles): Delegation[] {
  const self = options.selfSlug?.toLowerCase();
  const found = new Map<string, Delegation>();
  for (const unit of units) {
    const uses = unit.uses;
    if (!uses?.repo || (uses.kind !== 'reusable-workflow' && uses.kind !== 'action')) continue;
    if (uses.repo.toLowerCase() === self || !isSharedCall(uses, options.selfSlug)) continue;
    // Read online: what it runs was followed as units, so it is judged by that, not by its name.
    if (remote.verified(uses)) continue;
    const path = uses.name.slice(uses.repo.length);
    if (!DELEGATION_KEYWORDS[practice].test(path)) continue;
    const delegation: Delegation = { target: uses.name, repo: uses.repo, uses };
    if (uses.ref) delegation.ref = uses.ref;
    if (remote.online) delegation.unread = remote.failureOf(uses) ?? 'not found at that ref';
    if (!found.has(uses.name)) found.set(uses.name, delegation);
  }
  return [...found.values()];
}

/** One practice, observed. */
export function observePractice(repo: RepoView, practice: PracticeId, options: ObserveOptions = {}): PracticeObservation {
  return repo.memo(`practice:${practice}:${options.selfSlug ?? ''}`, () => {
    const units = reachableUnits(repo, options.selfSlug);
    const findings = findTools(repo, PRACTICE_TOOLS[practice], units);
    const observation: PracticeObservation = {
      practice,
      verdict: 'absent',
      tools: [...new Set(findings.map((f) => f.label))],
      findings,
      onPullRequests: findings.some((f) => f.onPullRequests),
      onRelease: findings.some((f) => f.onRelease),
      delegations: [],
      unreached: [],
    };
    if (findings.length > 0) {
      observation.verdict = 'present';
      return observation;
    }
    observation.delegations = delegationsFor(units, practice, options, repo.remote);
    if (observation.delegations.length > 0) {
      observation.verdict = 'delegated';
      return observation;
    }
    observation.unreached = findTools(repo, PRACTICE_TOOLS[practice], unreachedSources(repo));
    const ci = otherCi(repo, practice);
    if (ci && (observation.unreached.length > 0 || ci.runsPractice)) {
      observation.verdict = 'elsewhere';
      observation.elsewhere = ci.name;
      observation.tools = [...new Set(observation.unreached.map((f) => f.label))];
    }
    return observation;
  });
}

export function observePractices(repo: RepoView, options: ObserveOptions = {}): Record<PracticeId, PracticeObservation> {
  return Object.fromEntries(PRACTICES.map((practice) => [practice, observePractice(repo, practice, options)])) as Record<PracticeId, PracticeObservation>;
}
