import type { Control } from '../../catalog/types.js';
import type { Language, Profile } from '../../model.js';
import { evidence } from './evidence.js';

/** Syft cataloger tags (select-catalogers) per language. */
const CATALOGER_TAGS: Record<Language, string> = {
  go: 'go',
  rust: 'rust',
  python: 'python',
  javascript: 'javascript',
  'java-maven': 'java',
  'java-gradle': 'java',
  cpp: 'cpp',
};

/** Directories that hold build output, virtual environments or vendored copies, per language. */
const LANGUAGE_EXCLUDES: Record<Language, string[]> = {
  go: ['**/vendor/**'],
  rust: ['**/target/**'],
  python: ['**/.venv/**', '**/venv/**', '**/.tox/**', '**/.nox/**'],
  javascript: ['**/node_modules/**'],
  'java-maven': ['**/target/**'],
  'java-gradle': ['**/build/**', '**/.gradle/**'],
  cpp: ['**/build/**', '**/third_party/**'],
};

/** Test code, fixtures and release output never describe what a release contains. */
const COMMON_EXCLUDES = ['./dist/**', './.git/**', '**/testdata/**', '**/test/**', '**/tests/**', '**/fixtures/**'];

export function syftSettings(profile: Profile): { catalogers: string[]; excludes: string[] } {
  const languages = profile.answers.languages;
  const catalogers = [...new Set(languages.map((l) => CATALOGER_TAGS[l]))];
  // The workflows' own action references are dependencies of the release process too.
  catalogers.push('github-actions');
  const excludes = [...new Set([...COMMON_EXCLUDES, ...languages.flatMap((l) => LANGUAGE_EXCLUDES[l])])];
  return { catalogers, excludes };
}

export const sbomConfig: Control = {
  evidence,
  fix: 'npx create-secure-cncf retrofit --level 2',
  id: 'sbom-config',
  title: 'SBOM generator configuration',
  why: 'Keeps the release SBOM about what ships: Syft runs only the catalogers of the project\'s ecosystems and skips tests, fixtures, vendored copies and build output, so the SBOM neither misses the real dependencies nor lists test-only ones as shipped.',
  level: 2,
  osps: ['OSPS-QA-02.02'],
  practices: ['sbom'],
  outputs: ({ profile }) => [
    {
      path: '.syft.yaml',
      template: 'sbom-config/syft.yaml.ejs',
      data: syftSettings(profile),
    },
  ],
};
