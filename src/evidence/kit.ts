// Small building blocks for evidence functions (src/controls/<id>.evidence.ts): verdict builders,
// tool recognition in workflow steps, delegation to other repositories, document look-ups.
import type { Evidence, EvidenceLocation } from '../catalog/types.js';
import type { Profile } from '../model.js';
import type { RepoView } from './repo-view.js';
import type { ParsedWorkflow, UsesRef, WorkflowJob, WorkflowStep } from './workflow.js';

export function pass(summary: string, locations: EvidenceLocation[] = []): Evidence {
  return { status: 'pass', summary, locations };
}
export function partial(summary: string, locations: EvidenceLocation[] = []): Evidence {
  return { status: 'partial', summary, locations };
}
export function fail(summary: string, locations: EvidenceLocation[] = []): Evidence {
  return { status: 'fail', summary, locations };
}

/** A tool as it shows up in a workflow: an action (name prefixes) or a command in `run:`. */
export interface ToolSpec {
  label: string;
  /** `uses:` names (owner/repo[/path], without @ref) that start with one of these, case-insensitive. */
  uses?: string[];
  /** A pattern over `run:` scripts. */
  run?: RegExp;
  /** Extra condition on the step (e.g. an input value). */
  when?: (step: WorkflowStep) => boolean;
}

export interface ToolHit {
  label: string;
  workflow: ParsedWorkflow;
  job: WorkflowJob;
  step?: WorkflowStep;
  location: EvidenceLocation;
}

function usesMatches(ref: UsesRef | undefined, prefixes: string[] | undefined): boolean {
  if (!ref || !prefixes) return false;
  const name = ref.name.toLowerCase();
  return prefixes.some((prefix) => name === prefix.toLowerCase() || name.startsWith(`${prefix.toLowerCase()}/`) || name.startsWith(prefix.toLowerCase()));
}

/** 1-based line of the first line of a `run:` script that matches (the script starts on runLine + 1 for block scalars). */
function runMatchLine(step: WorkflowStep, pattern: RegExp): number | undefined {
  if (step.run === undefined || step.runLine === undefined) return undefined;
  const re = new RegExp(pattern.source, pattern.flags.replace('g', ''));
  const lines = step.run.split('\n');
  const index = lines.findIndex((line) => re.test(line));
  if (index < 0) return re.test(step.run) ? step.runLine : undefined;
  return lines.length === 1 ? step.runLine : step.runLine + 1 + index;
}

/** Every step or reusable-workflow call (in workflows and local composite actions) that runs one of the tools. */
export function findTools(repo: RepoView, tools: ToolSpec[]): ToolHit[] {
  const hits: ToolHit[] = [];
  for (const workflow of [...repo.workflows(), ...repo.localActions()]) {
    for (const job of workflow.jobs) {
      for (const tool of tools) {
        if (usesMatches(job.uses, tool.uses)) hits.push({ label: tool.label, workflow, job, location: { file: workflow.file, line: job.uses!.line } });
      }
      for (const step of job.steps) {
        for (const tool of tools) {
          if (tool.when && !tool.when(step)) continue;
          if (usesMatches(step.uses, tool.uses)) {
            hits.push({ label: tool.label, workflow, job, step, location: { file: workflow.file, line: step.uses!.line } });
            continue;
          }
          const line = tool.run ? runMatchLine(step, tool.run) : undefined;
          if (line !== undefined) hits.push({ label: tool.label, workflow, job, step, location: { file: workflow.file, line } });
        }
      }
    }
  }
  return hits;
}

export function labels(hits: ToolHit[]): string {
  return [...new Set(hits.map((hit) => hit.label))].join(', ');
}

export function uniqueLocations(locations: EvidenceLocation[]): EvidenceLocation[] {
  const seen = new Set<string>();
  return locations.filter((location) => {
    const key = `${location.file}:${location.line ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function hitLocations(hits: ToolHit[], max = 5): EvidenceLocation[] {
  return uniqueLocations(hits.map((hit) => hit.location)).slice(0, max);
}

/** Whether a workflow runs on pull requests (pull_request, or pull_request_target / merge_group). */
export function runsOnPullRequests(workflow: ParsedWorkflow): boolean {
  return workflow.triggers.some((t) => t === 'pull_request' || t === 'pull_request_target' || t === 'merge_group');
}

// Actions from tool vendors are the tools themselves, not delegation to a project's shared setup.
const TOOL_VENDORS = new Set([
  'actions', 'github', 'google', 'ossf', 'sigstore', 'slsa-framework', 'anchore', 'aquasecurity', 'docker', 'step-security',
  'golang', 'securego', 'semgrep', 'returntocorp', 'gitleaks', 'trufflesecurity', 'dtolnay', 'rustsec', 'embarkstudios',
  'pypa', 'snyk', 'sonarsource', 'notaryproject', 'goreleaser', 'actions-rs', 'azure', 'hashicorp', 'codecov', 'softprops',
]);

export interface Delegation {
  /** "owner/repo" the work is delegated to. */
  repo: string;
  ref: UsesRef;
  /** The delegated workflow's or action's path names the practice (e.g. ".../codeql.yml"). */
  named: boolean;
}

/**
 * Reusable workflows and composite actions of other repositories that may do the control's work:
 * every job-level `uses:` to another repository, and step-level actions of the project's own
 * organisation (or of an `<org>/.github` repository). `keywords` decide whether one is named for it.
 */
export function delegations(repo: RepoView, profile: Profile, keywords: RegExp): Delegation[] {
  const self = `${profile.answers.repository.owner}/${profile.answers.repository.name}`.toLowerCase();
  const owner = profile.answers.repository.owner.toLowerCase();
  const found: Delegation[] = [];
  for (const ref of repo.allUses()) {
    if (ref.kind === 'local' || ref.kind === 'docker' || !ref.repo) continue;
    const target = ref.repo.toLowerCase();
    if (target === self) continue;
    const [targetOwner, targetName] = target.split('/');
    if (TOOL_VENDORS.has(targetOwner ?? '')) continue;
    const shared = ref.level === 'job' || targetOwner === owner || targetName === '.github';
    if (!shared) continue;
    found.push({ repo: ref.repo, ref, named: keywords.test(ref.name.slice(ref.repo.length)) });
  }
  return found;
}

/**
 * The verdict when nothing was found in this repository: "delegated" when a shared workflow named
 * for the practice is called (pass, not verifiable here), "maybe delegated" (partial) for other
 * shared workflows, else the given failure.
 */
export function delegatedOr(repo: RepoView, profile: Profile, keywords: RegExp, what: string, otherwise: Evidence): Evidence {
  const list = delegations(repo, profile, keywords);
  const named = list.find((d) => d.named);
  if (named) {
    return {
      status: 'pass',
      summary: `${what} is delegated to ${named.repo} (${named.ref.name.slice(named.repo.length + 1) || named.repo}); verify it there.`,
      locations: [{ file: named.ref.file, line: named.ref.line }],
      delegatedTo: named.repo,
    };
  }
  const other = list[0];
  if (other && otherwise.status === 'fail') {
    return {
      status: 'partial',
      summary: `${otherwise.summary} This repository calls shared workflows or actions of ${other.repo}, which may do it: check there.`,
      locations: [...otherwise.locations, { file: other.ref.file, line: other.ref.line }],
      delegatedTo: other.repo,
    };
  }
  return otherwise;
}

/** First heading (Markdown `#`) or line in the file matching, as a location. */
export function lineMatching(repo: RepoView, file: string, pattern: RegExp): EvidenceLocation {
  const match = repo.grep(file, pattern)[0];
  return match ? { file, line: match.line } : { file };
}

/** README files CLOMonitor-style: root, .github/ or docs/. */
export function readmes(repo: RepoView): string[] {
  return repo.files.filter((file) => /^(?:(?:\.github|docs)\/)?readme(?:\.[a-z]+)?$/i.test(file));
}

/** A Markdown heading mentioning SBOM in a README (a weak, CLOMonitor-style signal). */
export function readmeSbomHeading(repo: RepoView): EvidenceLocation | undefined {
  for (const file of readmes(repo)) {
    const match = repo.grep(file, /^#+\s.*\b(SBOM|software bill of materials)\b/i)[0];
    if (match) return { file, line: match.line };
  }
  return undefined;
}
