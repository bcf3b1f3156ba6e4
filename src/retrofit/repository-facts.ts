// Facts about an existing repository as it will be after a retrofit, for the files that describe
// it (Security Insights, the TechDocs page): which security policy applies and what it says about
// reporting, and which tools the repository runs itself for the controls it covers. Read from the
// same evidence as coverage, so a described tool is one `check` finds.
import type { ExistingRepository, OwnTool, PlanContext, PolicyFact } from '../catalog/types.js';
import type { RepoView } from '../evidence/repo-view.js';
import { practice } from '../evidence/kit.js';
import { PRACTICE_TITLES } from '../evidence/tools.js';
import { INSIGHTS_NAMES } from '../controls/security-insights/evidence.js';
import { CONTROL_PRACTICES } from './coverage.js';
import { unversionedDockerDirs } from './docker-updatable.js';

/** Folders GitHub looks in for a security policy, in its lookup order. */
const POLICY_DIRS = ['', '.github/', 'docs/'];

/** The repository's own security policy, matched case-insensitively where GitHub looks for it. */
export function findSecurityPolicy(repo: RepoView): string | undefined {
  const markdown = repo.withExtensions('md');
  for (const dir of POLICY_DIRS) {
    const found = markdown.find((file) => file.toLowerCase() === `${dir}security.md`);
    if (found) return found;
  }
  return undefined;
}

/** Whether a policy sends reports to GitHub private vulnerability reporting. */
export function mentionsPrivateReporting(text: string): boolean {
  return /security\/advisories\/new|private\s+vulnerability\s+report/i.test(text);
}

export interface PolicyInput {
  /** This run writes SECURITY.md (our template, which sends reports to private vulnerability reporting). */
  writes: boolean;
  /** The organisation policy that applies, when known (online). */
  organisationUrl?: string | undefined;
}

export function policyFact(repo: RepoView, input: PolicyInput): PolicyFact {
  const own = findSecurityPolicy(repo);
  if (own && !(own === 'SECURITY.md' && input.writes)) return { kind: 'file', path: own, ours: false, privateReporting: mentionsPrivateReporting(repo.read(own) ?? '') };
  if (input.writes) return { kind: 'file', path: 'SECURITY.md', ours: true, privateReporting: true };
  if (input.organisationUrl) return { kind: 'organisation', url: input.organisationUrl };
  return { kind: 'unknown' };
}

/** The tools the repository runs for one covered control, one entry per tool. */
function toolsFor(repo: RepoView, ctx: PlanContext, controlId: string): OwnTool[] {
  const tools: OwnTool[] = [];
  const seen = new Set<string>();
  const add = (tool: OwnTool) => {
    const key = `${tool.label}\n${tool.where}`;
    if (seen.has(key)) return;
    seen.add(key);
    tools.push(tool);
  };
  for (const id of CONTROL_PRACTICES[controlId] ?? []) {
    const observation = practice(repo, id, ctx.profile);
    if (observation.verdict === 'present') {
      for (const finding of observation.findings) {
        add({ label: finding.label, where: finding.unit.entry.file, inWorkflow: true, onPullRequests: finding.onPullRequests, onRelease: finding.onRelease });
      }
    } else if (observation.verdict === 'delegated') {
      // The shared workflow's tools are not read offline: named by what it does.
      for (const delegation of observation.delegations) add({ label: PRACTICE_TITLES[id], where: `by the shared workflow ${delegation.target}`, inWorkflow: false, onPullRequests: false, onRelease: false });
    } else if (observation.verdict === 'elsewhere') {
      for (const label of observation.tools) add({ label, where: `outside GitHub Actions (${observation.elsewhere ?? 'another CI'})`, inWorkflow: false, onPullRequests: false, onRelease: false });
    }
  }
  return tools;
}

/**
 * Whether Prow decides merges: its own configuration (`.prow.yaml`, `.prow/`) or OWNERS_ALIASES.
 * An OWNERS file alone is not enough: projects that merge on GitHub keep one too (argo-cd), and a
 * wrong guess here would drop the GitHub approval rule from a repository that relies on it.
 */
export function prowMerges(repo: RepoView): boolean {
  return repo.has('OWNERS_ALIASES') || repo.has('.prow.yaml') || repo.has('.prow.yml') || repo.filesIn('.prow').length > 0;
}

const REPORT = /\.(?:pdf|md|html)$/i;
const SELF_ASSESSMENT = /(?:^|[-_ ])self[-_ ]?assessment/i;

/**
 * Assessments the repository keeps near its top: a self-assessment (CNCF TAG Security's outline)
 * and third-party reports (a folder named audits, a name that says audit or pentest, a PDF in a
 * security folder). Found by name only, so the file lists them for the maintainers to confirm.
 */
export function findAssessments(repo: RepoView): { self?: string; thirdParty: string[] } {
  const candidates = repo.withExtensions('pdf', 'md', 'html').filter((file) => file.split('/').length <= 4 && REPORT.test(file));
  const base = (file: string) => file.slice(file.lastIndexOf('/') + 1);
  const self = candidates.find((file) => SELF_ASSESSMENT.test(base(file)));
  const thirdParty = candidates.filter((file) => {
    if (file === self) return false;
    const dirs = file.split('/').slice(0, -1).map((d) => d.toLowerCase());
    return dirs.some((d) => d === 'audit' || d === 'audits') || /audit|pentest|penetration[-_ ]test/i.test(base(file)) || (/\.pdf$/i.test(file) && dirs.includes('security'));
  });
  return { ...(self ? { self } : {}), thirdParty: thirdParty.slice(0, 10) };
}

export function existingRepository(repo: RepoView, ctx: PlanContext, covered: ReadonlySet<string>, policy: PolicyInput): ExistingRepository {
  const ownTools = new Map<string, OwnTool[]>();
  for (const id of covered) {
    if (CONTROL_PRACTICES[id]) ownTools.set(id, toolsFor(repo, ctx, id));
  }
  // A Security Insights file of the repository's own stays where it is: pages link that one.
  const insightsPath = covered.has('security-insights') ? repo.findFirst(INSIGHTS_NAMES) : undefined;
  const prow = prowMerges(repo);
  const unversioned = unversionedDockerDirs(ctx.profile.ecosystems.docker ?? [], (dir) => repo.filesIn(dir), (file) => repo.read(file));
  return {
    policy: policyFact(repo, policy),
    ownTools,
    ...(insightsPath ? { insightsPath } : {}),
    ...(prow ? { mergedBy: 'Prow' } : {}),
    ...(unversioned.length > 0 ? { unversionedDocker: unversioned } : {}),
    assessments: findAssessments(repo),
  };
}
