// Everything the probes see in a repository, as one plain structure: `check --format json`
// publishes it (so detection is auditable), the survey aggregates it, and the corpus measurement
// compares it with hand-checked fact sheets.
import type { Ecosystem, Language, RepoFacts } from '../model.js';
import type { RepoView } from './repo-view.js';
import type { EvidenceLocation } from './types.js';
import { observePractices, type PracticeVerdict } from './practices.js';
import { PRACTICES, type PracticeId } from './tools.js';
import { workflowRisks } from './probes/workflow-risks.js';
import { localActionRisks } from './probes/action-inputs.js';
import { isReadOnly } from './probes/permission-needs.js';
import { repositoryPinning } from './probes/pinning.js';
import { generatedHeader } from './probes/generated.js';
import { RENOVATE_CONFIGS } from '../detect/index.js';

export interface ObservedPractice {
  verdict: PracticeVerdict;
  tools: string[];
  locations: EvidenceLocation[];
  onPullRequests: boolean;
  onRelease: boolean;
  /** "owner/repo/path@ref" of the shared workflows or actions it is delegated to. */
  delegatedTo?: string[];
  /** The CI outside GitHub Actions that runs it (verdict "elsewhere"). */
  elsewhere?: string;
}

export interface ObservedRepository {
  languages: Language[];
  /** Manifest directories per Dependabot ecosystem: production (covered) and other (reported). */
  ecosystems: Partial<Record<Ecosystem, { production: string[]; other: string[] }>>;
  updateTool: { tool: 'dependabot' | 'renovate' | 'both' | 'none'; files: string[] };
  securityPolicy: { where: 'repo' | 'org' | 'unknown' | 'none'; file?: string };
  practices: Record<PracticeId, ObservedPractice>;
  workflows: {
    count: number;
    pinnable: number;
    unpinned: EvidenceLocation[];
    /** References that must use a release tag (the SLSA generator's reusable workflows), not counted as unpinned. */
    byTag: EvidenceLocation[];
    topLevelReadOnly: boolean;
    notReadOnly: string[];
    injection: EvidenceLocation[];
    dangerousCheckout: EvidenceLocation[];
    generated: string[];
    /** Problems a strict YAML parser reports in workflows GitHub may still run. */
    warnings: Array<EvidenceLocation & { message: string }>;
  };
}

const DEPENDABOT = ['.github/dependabot.yml', '.github/dependabot.yaml'];
export const SECURITY_POLICY_FILES = ['', '.github/', 'docs/', 'doc/'].flatMap((dir) =>
  ['SECURITY.md', 'SECURITY.markdown', 'SECURITY.adoc', 'SECURITY.rst', 'SECURITY.txt', 'SECURITY'].map((name) => `${dir}${name}`),
);

/** Renovate's config: one of its file names, or a "renovate" key in package.json. */
export function renovateConfig(repo: RepoView): string | undefined {
  const file = repo.findFirst(RENOVATE_CONFIGS);
  if (file) return file;
  return repo.has('package.json') && /"renovate"\s*:/.test(repo.read('package.json') ?? '') ? 'package.json' : undefined;
}

export function observeRepository(repo: RepoView, facts: RepoFacts, selfSlug?: string, orgPolicy?: boolean): ObservedRepository {
  const ecosystems: ObservedRepository['ecosystems'] = {};
  const names = new Set([...Object.keys(facts.manifests), ...Object.keys(facts.otherManifests ?? {})]) as Set<Ecosystem>;
  for (const ecosystem of [...names].sort()) ecosystems[ecosystem] = { production: facts.manifests[ecosystem] ?? [], other: facts.otherManifests?.[ecosystem] ?? [] };

  const dependabot = repo.findFirst(DEPENDABOT);
  const renovate = renovateConfig(repo);
  const updateFiles = [dependabot, renovate].filter((f): f is string => Boolean(f));
  const updateTool = dependabot && renovate ? 'both' : dependabot ? 'dependabot' : renovate ? 'renovate' : 'none';

  const policy = repo.findFirst(SECURITY_POLICY_FILES);
  const securityPolicy: ObservedRepository['securityPolicy'] = policy
    ? { where: 'repo', file: policy }
    : { where: orgPolicy === undefined ? 'unknown' : orgPolicy ? 'org' : 'none' };

  const observations = observePractices(repo, selfSlug === undefined ? {} : { selfSlug });
  const practices = Object.fromEntries(
    PRACTICES.map((id) => {
      const o = observations[id];
      const source = o.verdict === 'elsewhere' ? o.unreached : o.findings;
      // A delegated practice is located where the shared workflow or action is called.
      const locations = o.verdict === 'delegated' ? o.delegations.map((d) => ({ file: d.uses.file, line: d.uses.line })) : source.map((f) => f.location);
      const practice: ObservedPractice = {
        verdict: o.verdict,
        tools: o.tools,
        locations: locations.slice(0, 5),
        onPullRequests: o.onPullRequests,
        onRelease: o.onRelease,
      };
      if (o.delegations.length > 0) practice.delegatedTo = o.delegations.map((d) => `${d.target}${d.ref ? `@${d.ref}` : ''}`);
      if (o.elsewhere) practice.elsewhere = o.elsewhere;
      return [id, practice];
    }),
  ) as Record<PracticeId, ObservedPractice>;

  const workflows = repo.workflows();
  const readable = workflows.filter((w) => !w.error);
  const risks = [...readable.flatMap((workflow) => workflowRisks(workflow)), ...localActionRisks(repo)];
  const pinning = repositoryPinning(repo);
  const notReadOnly = readable.filter((w) => w.permissions === undefined || !isReadOnly(w.permissions)).map((w) => w.file);
  return {
    languages: facts.languages,
    ecosystems,
    updateTool: { tool: updateTool, files: updateFiles },
    securityPolicy,
    practices,
    workflows: {
      count: workflows.length,
      pinnable: pinning.pinnable.length,
      unpinned: pinning.unpinned.map((ref) => ({ file: ref.file, line: ref.line })),
      byTag: pinning.byTag.map((ref) => ({ file: ref.file, line: ref.line })),
      topLevelReadOnly: notReadOnly.length === 0,
      notReadOnly,
      injection: risks.filter((r) => r.kind === 'injection').map((r) => ({ file: r.file, line: r.line })),
      dangerousCheckout: risks.filter((r) => r.kind === 'pr-head-checkout').map((r) => ({ file: r.file, line: r.line })),
      generated: workflows.filter((w) => generatedHeader(w.head) && !/secure-cncf/.test(generatedHeader(w.head)!.text)).map((w) => w.file),
      warnings: workflows.flatMap((w) => (w.error ? [{ file: w.file, line: 1, message: w.error }] : w.warnings.map((warning) => ({ file: w.file, ...warning })))),
    },
  };
}
