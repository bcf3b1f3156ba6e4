import type { Control, PlanContext } from '../../catalog/types.js';
import { LANGUAGE_LABELS, LEVEL_NAMES, type Artifact, type Profile } from '../../model.js';
import { evidence } from './evidence.js';

type Stride = 'Spoofing' | 'Tampering' | 'Repudiation' | 'Information disclosure' | 'Denial of service' | 'Elevation of privilege';

interface ThreatSpec {
  stride: Stride;
  threat: string;
  /** Practice ids (data/compliance-map.json) whose controls mitigate it. */
  practices: string[];
  /** What remains for the maintainers to decide or do. */
  open: string;
  /** Mitigations that are properties of every generated file rather than of one control. */
  always?: string[];
}

interface BoundarySpec {
  name: string;
  description: string;
  threats: ThreatSpec[];
  when?: (profile: Profile) => boolean;
}

const publishes = (profile: Profile) => profile.answers.artifacts.length > 0;

const BOUNDARIES: BoundarySpec[] = [
  {
    name: 'Contributors → source repository',
    description: 'Pull requests (including from forks of strangers), pushes by maintainers, and settings changes.',
    threats: [
      { stride: 'Spoofing', threat: 'An attacker pushes with a maintainer\'s stolen credentials or token.', practices: ['branch-protection'], open: 'Require two-factor authentication for everyone with write access; review who has admin rights.' },
      { stride: 'Tampering', threat: 'A pull request hides a backdoor, a vulnerable pattern or a malicious dependency.', practices: ['branch-protection', 'codeowners', 'sast', 'dependency-review'], open: 'Reviewers check generated code, vendored code and binary test fixtures as carefully as source.' },
      { stride: 'Repudiation', threat: 'A change cannot be tied to the person who made it.', practices: ['branch-protection'], open: 'Decide whether to require signed commits (optional rule in .github/rulesets/README.md).' },
      { stride: 'Information disclosure', threat: 'A credential is committed to the repository.', practices: ['secret-scanning'], open: 'Turn on GitHub secret scanning push protection; rotate any secret that was ever committed.' },
      { stride: 'Denial of service', threat: 'The default branch is deleted or its history rewritten.', practices: ['branch-protection'], open: 'Keep an off-site mirror of the repository.' },
      { stride: 'Elevation of privilege', threat: 'A contributor edits a workflow to gain the privileges of CI.', practices: ['codeowners', 'workflow-least-privilege'], open: 'Require approval before running workflows from first-time contributors (Settings → Actions).' },
    ],
  },
  {
    name: 'Pull-request code → CI runners',
    description: 'GitHub Actions jobs that build and test untrusted code, with the tokens and secrets they can reach.',
    threats: [
      { stride: 'Tampering', threat: 'A third-party action or its tag is replaced with malicious code.', practices: ['pinned-actions', 'dependency-updates'], open: 'Review the diff of every action update before merging it.' },
      { stride: 'Information disclosure', threat: 'Code from a pull request reads the job token or repository secrets.', practices: ['workflow-least-privilege'], open: 'Never add pull_request_target or workflow_run triggers that check out pull-request code.' },
      { stride: 'Elevation of privilege', threat: 'Script injection through a branch name, pull-request title or commit message expanded into a shell.', practices: ['workflow-least-privilege', 'sast'], open: 'Keep untrusted values out of run: scripts in workflows you add by hand.' },
      { stride: 'Denial of service', threat: 'Pull requests exhaust the CI minutes or hang jobs.', practices: [], always: ['A timeout on every generated job'], open: 'Watch CI usage on busy repositories; require approval for workflows from first-time contributors.' },
    ],
  },
  {
    name: 'Third-party dependencies → build',
    description: 'Packages from language registries, base images and tools fetched while building.',
    threats: [
      { stride: 'Tampering', threat: 'A new release of a dependency is malicious (account takeover, typosquatting).', practices: ['dependency-review', 'dependency-updates'], open: 'Commit lockfiles; prefer dependencies with an active, multi-person maintainer team.' },
      { stride: 'Elevation of privilege', threat: 'A known vulnerability in a dependency is reachable from this project\'s code.', practices: ['sca-scanning', 'dependency-updates'], open: 'Set and document how fast each severity is fixed (see SECURITY.md).' },
      { stride: 'Denial of service', threat: 'A dependency is yanked, abandoned or its registry is unavailable.', practices: ['dependency-updates'], open: 'List critical dependencies and a fallback for each.' },
    ],
  },
  {
    name: 'CI → release channels',
    description: 'The release jobs that build, sign and publish artifacts with publishing credentials.',
    when: publishes,
    threats: [
      { stride: 'Spoofing', threat: 'Someone publishes an artifact that claims to be an official release.', practices: ['artifact-signing', 'build-provenance'], open: 'Document the signing identity users must expect (workflow path and repository).' },
      { stride: 'Tampering', threat: 'An artifact is modified between build and download.', practices: ['artifact-signing', 'build-provenance'], open: 'Never replace or re-upload the assets of a published release by hand; publish a new version instead.' },
      { stride: 'Repudiation', threat: 'Nobody can tell which commit and workflow produced a release.', practices: ['build-provenance'], open: 'Keep release notes that link each release to its tag.' },
      { stride: 'Information disclosure', threat: 'A long-lived publishing token leaks from CI.', practices: ['workflow-least-privilege'], open: 'Use OIDC (trusted publishing, keyless signing) instead of stored tokens wherever the registry allows.' },
      { stride: 'Elevation of privilege', threat: 'Anyone with write access can push a release tag that triggers publishing.', practices: [], open: 'Add a tag ruleset so only maintainers can create release tags; protect the release environment.' },
    ],
  },
  {
    name: 'Release channels → users',
    description: 'Users and operators downloading, deploying and running what the project publishes.',
    when: publishes,
    threats: [
      { stride: 'Tampering', threat: 'Users cannot tell a genuine artifact from a tampered one.', practices: ['artifact-signing', 'security-policy'], open: 'Keep the verification commands in SECURITY.md working; test them on each release.' },
      { stride: 'Information disclosure', threat: 'Users cannot tell whether a newly disclosed vulnerability affects what they run.', practices: ['sbom'], open: 'Publish VEX statements for dependency vulnerabilities that do not affect the project.' },
      { stride: 'Denial of service', threat: 'A vulnerability is reported publicly before a fix exists.', practices: ['security-policy', 'private-vuln-reporting'], open: 'Name at least two people who triage reports, so one absence does not stall a fix.' },
    ],
  },
];

export interface Threat {
  stride: Stride;
  threat: string;
  mitigations: string[];
  open: string;
}

export interface Boundary {
  name: string;
  description: string;
  threats: Threat[];
}

/** Trust boundaries with their STRIDE threats and the titles of the generated controls that mitigate each. */
export function boundaries(ctx: PlanContext): Boundary[] {
  const { profile } = ctx;
  const selected = ctx.controls.filter((control) => control.id !== 'threat-model');
  const byPractice = (practice: string) => selected.filter((c) => c.practices.includes(practice)).map((c) => c.title);
  return BOUNDARIES.filter((b) => b.when?.(profile) ?? true).map((b) => ({
    name: b.name,
    description: b.description,
    threats: b.threats.map((t) => ({
      stride: t.stride,
      threat: t.threat,
      mitigations: [...new Set([...(t.always ?? []), ...t.practices.flatMap(byPractice)])],
      open: t.open,
    })),
  }));
}

const REGISTRIES: Record<string, string> = {
  go: 'the Go module proxy',
  rust: 'crates.io',
  python: 'PyPI',
  javascript: 'npm',
  'java-maven': 'Maven Central',
  'java-gradle': 'Maven Central',
  cpp: 'source archives and system package managers',
};

export interface Asset {
  name: string;
  why: string;
}

export function assets(profile: Profile): Asset[] {
  const { owner, name } = profile.answers.repository;
  const has = (a: Artifact) => profile.answers.artifacts.includes(a);
  const list: Asset[] = [
    { name: 'Source code and its history', why: `Everything users build or run comes from github.com/${owner}/${name}; a malicious commit reaches every user.` },
  ];
  if (has('binaries')) list.push({ name: 'Release binaries', why: 'Downloaded and run directly by users, often with broad privileges.' });
  if (has('container-images')) list.push({ name: 'Container images', why: `Published to ghcr.io/${owner.toLowerCase()}/${name.toLowerCase()} and pulled into clusters.` });
  if (has('helm-charts')) list.push({ name: 'Helm charts', why: 'Decide what runs in users\' clusters and with which RBAC permissions.' });
  if (has('libraries')) {
    const registries = [...new Set(profile.answers.languages.map((l) => REGISTRIES[l]))].join(', ');
    list.push({ name: 'Library packages', why: `Published to ${registries}; every dependent project inherits them.` });
  }
  list.push(
    { name: 'CI secrets and tokens', why: 'The GITHUB_TOKEN, OIDC identities and any publishing credentials can change the repository or publish releases.' },
    { name: 'Private vulnerability reports', why: 'Unfixed vulnerabilities; disclosure before a fix puts users at risk.' },
  );
  return list;
}

function documentData(ctx: PlanContext) {
  const { profile } = ctx;
  const { owner, name } = profile.answers.repository;
  const selected = ctx.controls; // every selected control, this one included
  return {
    projectName: profile.answers.projectName,
    owner,
    repoSlug: `${owner}/${name}`,
    branch: profile.answers.defaultBranch,
    level: profile.answers.level,
    levelName: LEVEL_NAMES[profile.answers.level],
    languages: profile.answers.languages.map((l) => LANGUAGE_LABELS[l]),
    artifacts: profile.answers.artifacts,
    compliance: profile.answers.compliance,
    controls: selected.map((c) => ({ id: c.id, title: c.title, osps: c.osps })),
    boundaries: boundaries(ctx),
    assets: assets(profile),
    hasSbom: selected.some((c) => c.practices.includes('sbom')),
    hasFuzzing: selected.some((c) => c.practices.includes('fuzzing')),
  };
}

export const threatModel: Control = {
  evidence,
  fix: 'npx create-secure-cncf retrofit --level 3',
  id: 'threat-model',
  title: 'Threat model and security self-assessment',
  why: 'Writes down who can attack the project, through which boundaries and with what effect, and which controls answer each threat, so gaps are visible and decisions are reviewed when the design changes. The self-assessment follows the CNCF TAG Security outline used for joint assessments.',
  level: 3,
  osps: ['OSPS-SA-01.01', 'OSPS-SA-03.01', 'OSPS-SA-03.02'],
  practices: ['threat-model'],
  outputs: (ctx) => {
    const data = documentData(ctx);
    return [
      { path: 'docs/security/threat-model.md', template: 'threat-model/threat-model.md.ejs', data },
      { path: 'docs/security/self-assessment.md', template: 'threat-model/self-assessment.md.ejs', data },
    ];
  },
};
