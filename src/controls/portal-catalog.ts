import type { Control } from '../catalog/types.js';
import { LEVEL_NAMES, type Level, type Profile } from '../model.js';
// The selected controls come from the catalog registry (no import cycle with the catalog).
import { selectControls } from '../catalog/select.js';
import { registeredCatalog } from '../catalog/registry.js';
import { evidence } from './portal-catalog.evidence.js';

// Annotation keys written into catalog-info.yaml. Every key is read by a published Backstage
// plugin; docs/portal/catalog.md names the package and version for each. Never add a key here
// without adding its source there (test/controls/portal-catalog.test.ts enforces the pairing).
export const ANNOTATIONS = {
  /** Roadie security-insights (code scanning + Dependabot alerts), GitHub Actions, RHDH scorecard GitHub module. */
  projectSlug: 'github.com/project-slug',
  /** @backstage/catalog-model ANNOTATION_SOURCE_LOCATION; Roadie security-insights takes the GitHub host from it. */
  sourceLocation: 'backstage.io/source-location',
  /** TechDocs: where mkdocs.yml lives. */
  techdocsRef: 'backstage.io/techdocs-ref',
  /** RHDH scorecard-backend-module-openssf: full URL of the published Scorecard result. */
  scorecardLocation: 'openssf/scorecard-location',
} as const;

/** Backstage's object-name rule (KubernetesValidatorFunctions.isValidObjectName in @backstage/catalog-model). */
export const ENTITY_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/**
 * A valid `metadata.name` from a GitHub repository name: lower-cased, at most 63 characters,
 * starting and ending with a letter or digit. GitHub names may start or end with '.', '-' or '_'
 * and be up to 100 characters, which Backstage rejects; the original stays in `metadata.title`.
 */
export function entityName(repoName: string): string {
  const trim = (value: string) => value.replace(/^[^a-z0-9]+/, '').replace(/[^a-z0-9]+$/, '');
  const name = trim(trim(repoName.toLowerCase().replace(/[^a-z0-9._-]+/g, '-')).slice(0, 63));
  return name.length > 0 ? name : 'project';
}

/** `group:default/<owner>`: GitHub owners (1-39 alphanumerics and inner hyphens) are valid entity names. */
export function ownerRef(owner: string): string {
  return `group:default/${owner.toLowerCase()}`;
}

/**
 * spec.type from the release artifacts: something deployed (images, charts) is a service, a
 * released binary is a tool, a published package a library; a repository that releases nothing
 * yet is "other" (Backstage allows any type; service, website and library are the common ones).
 */
export function componentType(profile: Profile): 'service' | 'tool' | 'library' | 'other' {
  const artifacts = profile.answers.artifacts;
  if (artifacts.includes('container-images') || artifacts.includes('helm-charts')) return 'service';
  if (artifacts.includes('binaries')) return 'tool';
  if (artifacts.includes('libraries')) return 'library';
  return 'other';
}

/** spec.lifecycle: a sandbox-level project is experimental; incubating and graduated ones are in production. */
export function lifecycle(level: Level): 'experimental' | 'production' {
  return level >= 2 ? 'production' : 'experimental';
}

const TAG_LANGUAGE: Record<string, string> = {
  go: 'go',
  rust: 'rust',
  python: 'python',
  javascript: 'javascript',
  'java-maven': 'java',
  'java-gradle': 'java',
  cpp: 'cpp',
};

function catalogData(profile: Profile) {
  const { owner, name } = profile.answers.repository;
  const slug = `${owner}/${name}`;
  const repoUrl = `https://github.com/${slug}`;
  const branch = profile.answers.defaultBranch;
  const selected = new Set(selectControls(profile, registeredCatalog()).map((c) => c.id));
  const annotations: Array<[string, string]> = [
    [ANNOTATIONS.projectSlug, slug],
    [ANNOTATIONS.sourceLocation, `url:${repoUrl}/tree/${branch}/`],
  ];
  if (selected.has('techdocs')) annotations.push([ANNOTATIONS.techdocsRef, 'dir:.']);
  // The generated Scorecard workflow publishes its results (publish_results: true), which is
  // what makes them available from the public API.
  if (selected.has('scorecard')) {
    annotations.push([ANNOTATIONS.scorecardLocation, `https://api.securityscorecards.dev/projects/github.com/${slug}`]);
  }
  const links: Array<{ url: string; title: string; icon: string }> = [
    { url: `${repoUrl}/blob/${branch}/SECURITY.md`, title: 'Security policy', icon: 'docs' },
    { url: `${repoUrl}/security/advisories/new`, title: 'Report a vulnerability', icon: 'help' },
  ];
  if (selected.has('scorecard')) {
    links.push({ url: `https://scorecard.dev/viewer/?uri=github.com/${slug}`, title: 'OpenSSF Scorecard', icon: 'dashboard' });
  }
  const level = profile.answers.level;
  const tags = [...new Set(['secure-cncf', `osps-level-${level}`, ...profile.answers.languages.map((l) => TAG_LANGUAGE[l] ?? l)])];
  return {
    name: entityName(name),
    title: profile.answers.projectName,
    description: `${profile.answers.projectName}: secure development setup at OSPS Baseline level ${level} (${LEVEL_NAMES[level]}), generated by secure-cncf.`,
    annotations,
    links,
    tags,
    type: componentType(profile),
    lifecycle: lifecycle(level),
    owner: ownerRef(owner),
  };
}

export const portalCatalog: Control = {
  id: 'portal-catalog',
  title: 'Backstage catalog entry with security annotations',
  why: 'Registers the repository in a Backstage developer portal with an owner, a lifecycle and the annotations that security plugins read (Scorecard results, code-scanning and Dependabot alerts, TechDocs), so the security posture is visible where developers and platform teams already look.',
  level: 1,
  osps: [],
  practices: [],
  appliesTo: (profile) => profile.answers.portal,
  outputs: (profile) => [
    { path: 'catalog-info.yaml', template: 'portal-catalog/catalog-info.yaml.ejs', data: catalogData(profile) },
  ],
  evidence,
  fix: 'npx create-secure-cncf --portal',
};
