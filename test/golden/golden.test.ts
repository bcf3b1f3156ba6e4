// Golden files: the exact bytes generated for each language (and a monorepo), reviewed in diffs.
// Update with `npx vitest run test/golden -u` after an intended template change.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { ARTIFACTS, LANGUAGES, type Answers, type RepoFacts } from '../../src/model.js';
import { planFor, emptyFacts } from '../helpers/generate.js';

const CASES: Array<{ name: string; answers: Partial<Answers>; facts?: RepoFacts }> = [
  ...LANGUAGES.map((language) => ({ name: `level1-${language}`, answers: { languages: [language] } })),
  {
    name: 'level1-go-monorepo',
    answers: { languages: ['go', 'javascript'], artifacts: ['binaries', 'container-images'], defaultBranch: 'trunk' },
    facts: {
      ...emptyFacts(),
      languages: ['go', 'javascript'],
      manifests: { gomod: ['/', '/svc/api', '/tools'], npm: ['/web'], docker: ['/', '/svc/api'] },
    },
  },
  {
    name: 'level2-go-images',
    answers: { languages: ['go'], level: 2, artifacts: ['binaries', 'container-images'] },
  },
  {
    name: 'level3-python-rust-images-charts',
    answers: { languages: ['python', 'rust'], level: 3, artifacts: ['libraries', 'container-images', 'helm-charts'], compliance: ['pci-dss-4.0.1'] },
  },
  // The case test/harness runs: every language and artifact kind, each manifest present.
  {
    name: 'level3-all-languages-all-artifacts',
    answers: { languages: [...LANGUAGES], level: 3, artifacts: [...ARTIFACTS] },
  },
  // The release of each ecosystem with its own tool (level 2: the release workflow, .goreleaser.yaml).
  { name: 'level2-go-release', answers: { languages: ['go'], level: 2, artifacts: ['binaries'] } },
  { name: 'level2-rust-release', answers: { languages: ['rust'], level: 2, artifacts: ['binaries', 'libraries'] } },
  { name: 'level2-python-release', answers: { languages: ['python'], level: 2, artifacts: ['libraries'] } },
  { name: 'level2-javascript-release', answers: { languages: ['javascript'], level: 2, artifacts: ['libraries'] } },
  { name: 'level2-helm-release', answers: { languages: ['go'], level: 2, artifacts: ['helm-charts'], chartPublishing: 'chart-releaser' } },
  { name: 'level2-cpp-release', answers: { languages: ['cpp'], level: 2, artifacts: ['binaries'] } },
  // A new, empty repository: only what can run before any manifest exists.
  {
    name: 'level2-new-repository',
    answers: { languages: ['go', 'javascript'], level: 2, artifacts: ['binaries', 'container-images'] },
    facts: emptyFacts(),
  },
];

describe.each(CASES)('golden output $name', ({ name, answers, facts }) => {
  it('matches the committed files', async () => {
    const plan = await planFor(answers, facts);
    for (const file of plan.files) {
      await expect(file.content).toMatchFileSnapshot(path.join('__golden__', name, file.path));
    }
    // A file the generator stopped writing must leave the golden tree too (`-u` only rewrites).
    const committed = readdirSync(path.join(import.meta.dirname, '__golden__', name), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(path.join(import.meta.dirname, '__golden__', name), path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
    expect(committed.sort()).toEqual(plan.files.map((file) => file.path).sort());
  });
});
