// A new or empty repository gets only what it can run today: a chosen language without its
// manifest yet contributes no Dependabot entry, scanner, CodeQL language, release build or fuzzer
// (each would fail on its first run), the summary says what comes later, and `upgrade` adds it
// once the manifest exists.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ARTIFACTS, LANGUAGES, type Language } from '../../src/model.js';
import { emptyFacts, planFor, tempRepo } from '../helpers/generate.js';
import { cli } from '../retrofit/helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

/** File names a job of each language would need before it can run. */
const MANIFEST_WORDS: Record<Language, RegExp> = {
  go: /go\.mod|govulncheck|go-fuzz|Go binaries/,
  rust: /Cargo\.toml|cargo-deny|cargo-fuzz|Rust binaries|Rust crate/,
  python: /pip-audit|Atheris|pyproject|sdist/,
  javascript: /npm (package|tarball)|publish-npm|package\.json/,
  'java-maven': /Maven jars|pom\.xml/,
  'java-gradle': /Gradle jars|gradlew/,
  cpp: /CMake|libFuzzer/,
};

describe.each(LANGUAGES)('a new repository without the %s manifest', (language) => {
  it.each([1, 2, 3] as const)('level %i: nothing that needs the manifest, a note that says what comes later', async (level) => {
    const plan = await planFor({ languages: [language], artifacts: [...ARTIFACTS], level }, emptyFacts());
    const dependabot = parse(plan.files.find((f) => f.path === '.github/dependabot.yml')!.content);
    expect(dependabot.updates.map((u: { 'package-ecosystem': string }) => u['package-ecosystem'])).toEqual(['github-actions']);
    for (const file of plan.files.filter((f) => f.path.startsWith('.github/workflows/'))) {
      expect(file.content, file.path).not.toMatch(MANIFEST_WORDS[language]);
      const workflow = parse(file.content);
      if (file.path.endsWith('codeql.yml')) {
        expect(workflow.jobs.analyze.strategy.matrix.include).toEqual([{ language: 'actions', 'build-mode': 'none' }]);
      }
    }
    expect(plan.files.map((f) => f.path)).not.toContain('.github/workflows/fuzzing.yml');
    // No Dockerfile or chart yet either: no image or chart jobs, no container scan.
    expect(plan.files.map((f) => f.path)).not.toContain('.github/workflows/container-scan.yml');
    const release = plan.files.find((f) => f.path === '.github/workflows/release.yml');
    if (release) expect(Object.keys(parse(release.content).jobs)).not.toEqual(expect.arrayContaining(['image', 'build-charts']));
    const note = plan.notes.join('\n');
    expect(note).toMatch(/secure-cncf upgrade/);
    expect(note).toContain(language === 'cpp' ? 'CMakeLists.txt' : { go: 'go.mod', rust: 'Cargo.toml', python: 'pyproject.toml', javascript: 'package.json', 'java-maven': 'pom.xml', 'java-gradle': 'build.gradle' }[language]);
    expect(note).toMatch(/Dockerfile/);
    expect(note).toMatch(/Chart\.yaml/);
  });
});

describe('the manifest appears later', () => {
  it('`upgrade` adds the Dependabot entry, the scanner and the CodeQL language', async () => {
    const repo = tempRepo();
    cleanups.push(repo.cleanup);
    const created = await cli([repo.root, '--yes', '--repo', 'acme/widget', '--languages', 'go', '--level', '1']);
    expect(created.code, created.err).toBe(0);
    expect(created.out).toMatch(/go\.mod/);
    const read = (file: string) => readFileSync(path.join(repo.root, file), 'utf8');
    expect(read('.github/dependabot.yml')).not.toContain('gomod');
    expect(read('.github/workflows/vulnerability-scan.yml')).not.toContain('govulncheck');

    writeFileSync(path.join(repo.root, 'go.mod'), 'module example.com/widget\n\ngo 1.22\n');
    const upgraded = await cli(['upgrade', repo.root, '--yes']);
    expect(upgraded.code, upgraded.err).toBe(0);
    expect(read('.github/dependabot.yml')).toContain('package-ecosystem: gomod');
    expect(read('.github/workflows/vulnerability-scan.yml')).toContain('govulncheck');
    expect(read('.github/workflows/codeql.yml')).toContain('language: go');
  });
});
