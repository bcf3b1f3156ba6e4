import type { Control, PlanContext } from '../../catalog/types.js';
import { LEVEL_NAMES } from '../../model.js';
import { getPresets } from '../../presets.js';
import { techdocsEvidence } from '../portal-catalog/evidence.js';

/** The TechDocs site is built from docs/security, so its index is the home page of the site. */
export const DOCS_DIR = 'docs/security';
const INDEX = `${DOCS_DIR}/index.md`;

/** Titles of the security pages other controls write; unknown pages get one from their file name. */
const PAGE_TITLES: Record<string, string> = {
  'threat-model.md': 'Threat model',
  'self-assessment.md': 'Security self-assessment',
  'fuzzing.md': 'Fuzzing',
};

export interface DocPage {
  title: string;
  /** Relative to DOCS_DIR, forward slashes ("threat-model.md", "compliance/soc2.md"). */
  path: string;
}

export interface SecurityPages {
  pages: DocPage[];
  compliance: DocPage[];
}

function titleFromFile(file: string): string {
  const base = file.replace(/\.md$/, '').replace(/[-_]+/g, ' ');
  return base.charAt(0).toUpperCase() + base.slice(1);
}

/**
 * The Markdown pages under docs/security/ that the other selected controls write for this profile
 * (threat model, self-assessment, fuzzing guide, compliance mappings). Only these go into the
 * mkdocs nav, so the site never links to a page the plan does not contain.
 *
 * Calls other controls' outputs(), and branch-ruleset calls every control's outputs(): so this
 * runs when the templates render (data holds a function), never inside this control's outputs().
 */
export function securityPages(ctx: PlanContext): SecurityPages {
  const { profile } = ctx;
  const paths = ctx.controls
    .filter((control) => control.id !== techdocs.id)
    .flatMap((control) => control.outputs(ctx).map((output) => output.path))
    .filter((file) => file.startsWith(`${DOCS_DIR}/`) && file.endsWith('.md') && file !== INDEX)
    .map((file) => file.slice(DOCS_DIR.length + 1))
    .sort();
  const presetTitles = new Map(getPresets(profile.answers.compliance).map((p) => [p.id, p.title]));
  const pages: DocPage[] = [];
  const compliance: DocPage[] = [];
  for (const file of paths) {
    const preset = /^compliance\/([^/]+)\.md$/.exec(file)?.[1];
    if (preset !== undefined) {
      compliance.push({ title: presetTitles.get(preset) ?? preset, path: file });
    } else {
      pages.push({ title: PAGE_TITLES[file] ?? titleFromFile(file.split('/').pop() ?? file), path: file });
    }
  }
  // Threat model before the self-assessment before the rest, as a reader would go through them.
  const order = (page: DocPage) => {
    const known = Object.keys(PAGE_TITLES).indexOf(page.path);
    return known === -1 ? Object.keys(PAGE_TITLES).length : known;
  };
  pages.sort((a, b) => order(a) - order(b) || a.path.localeCompare(b.path));
  return { pages, compliance };
}

/**
 * Whether the project publishes artifacts whose signatures SECURITY.md explains how to verify:
 * the release workflow and the SECURITY.md this tool writes (not a repository's own pipeline or policy).
 */
function verifiable(ctx: PlanContext): boolean {
  const policy = ctx.existing?.policy;
  const oursPolicy = !policy || (policy.kind === 'file' && policy.ours);
  return ctx.has('release-signing') && !ctx.covered?.has('release-signing') && oursPolicy && ctx.profile.answers.artifacts.length > 0;
}

/** Where the security policy is and how the page can tell reporters to reach the maintainers. */
function policyData(ctx: PlanContext, repoUrl: string, branch: string) {
  const policy = ctx.existing?.policy;
  if (!policy) return { securityPolicyUrl: `${repoUrl}/blob/${branch}/SECURITY.md`, privateReporting: true, policyKnown: true, policyIsOurs: true };
  if (policy.kind === 'file') return { securityPolicyUrl: `${repoUrl}/blob/${branch}/${policy.path}`, privateReporting: policy.privateReporting, policyKnown: true, policyIsOurs: policy.ours };
  if (policy.kind === 'organisation') return { securityPolicyUrl: policy.url, privateReporting: false, policyKnown: true, policyIsOurs: false };
  // GitHub's security tab shows the repository's policy or, without one, the organisation's.
  return { securityPolicyUrl: `${repoUrl}/security/policy`, privateReporting: false, policyKnown: false, policyIsOurs: false };
}

/** The controls whose workflows are the checks the page lists by kind, as SECURITY.md does. */
const CHECK_CONTROLS = ['sast', 'sca-scanning', 'secret-scanning', 'dependency-review', 'scorecard'];

/**
 * What the page can say about the checks that run: the generated workflows by kind when all of
 * them are written and the SECURITY.md of this tool lists them; otherwise (a repository that runs
 * some tools of its own) a pointer to the SECURITY-INSIGHTS.yml this tool writes, which names them.
 */
function checksStatement(ctx: PlanContext, policyIsOurs: boolean): 'generated' | 'insights' | '' {
  if (policyIsOurs && CHECK_CONTROLS.every((id) => ctx.has(id) && !ctx.covered?.has(id))) return 'generated';
  return ctx.has('security-insights') && !ctx.existing?.insightsPath ? 'insights' : '';
}

function docsData(ctx: PlanContext) {
  const { profile } = ctx;
  const { owner, name } = profile.answers.repository;
  const repoUrl = `https://github.com/${owner}/${name}`;
  const branch = profile.answers.defaultBranch;
  let cached: SecurityPages | undefined;
  const policy = policyData(ctx, repoUrl, branch);
  return {
    projectName: profile.answers.projectName,
    repoUrl,
    branch,
    docsDir: DOCS_DIR,
    level: profile.answers.level,
    levelName: LEVEL_NAMES[profile.answers.level],
    ...policy,
    checks: checksStatement(ctx, policy.policyIsOurs),
    insightsOurs: !ctx.existing?.insightsPath,
    // Beside the repository's own release pipeline, SECURITY-INSIGHTS.yml says nothing about releases.
    insightsReleases: !ctx.covered?.has('release-signing'),
    reportUrl: `${repoUrl}/security/advisories/new`,
    verifyUrl: verifiable(ctx) ? `${repoUrl}/blob/${branch}/SECURITY.md#verifying-releases` : '',
    releasesUrl: `${repoUrl}/releases`,
    hasInsights: ctx.has('security-insights'),
    insightsUrl: `${repoUrl}/blob/${branch}/${ctx.existing?.insightsPath ?? 'SECURITY-INSIGHTS.yml'}`,
    security: () => (cached ??= securityPages(ctx)),
  };
}

export const techdocs: Control = {
  id: 'techdocs',
  title: 'TechDocs security documentation',
  why: 'Publishes the security overview, how to report a vulnerability, how to verify a release and the compliance mappings as a TechDocs site next to the catalog entry, so users and auditors find them in the developer portal instead of searching the repository.',
  level: 1,
  osps: [],
  practices: [],
  appliesTo: (profile) => profile.answers.portal,
  outputs: (ctx) => {
    const data = docsData(ctx);
    return [
      { path: 'mkdocs.yml', template: 'techdocs/mkdocs.yml.ejs', data },
      { path: INDEX, template: 'techdocs/index.md.ejs', data },
    ];
  },
  evidence: techdocsEvidence,
  fix: 'npx create-secure-cncf --portal',
};
