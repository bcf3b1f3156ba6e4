// RepoView.filesContaining narrows a content search with `git grep` on large git trees: it must
// give exactly what reading every file gives, links and untracked files included, and the
// fuzzing probe's words and globs must cover what its patterns accept.
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RepoView } from '../../src/evidence/repo-view.js';
import { gitGrepFiles } from '../../src/evidence/git-grep.js';
import { indexTree } from '../../src/detect/walk.js';
import { TARGET_PATTERNS } from '../../src/controls/fuzzing/evidence.js';
import { tempRepo } from '../helpers/generate.js';
import { committedRepo, git } from '../helpers/git-repo.js';

// The real git grep, counted: a search that ends early must not have asked it.
vi.mock('../../src/evidence/git-grep.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/evidence/git-grep.js')>();
  return { ...real, gitGrepFiles: vi.fn(real.gitGrepFiles) };
});

const cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.splice(0).forEach((cleanup) => cleanup());
  vi.mocked(gitGrepFiles).mockClear();
});

function committed(files: Record<string, string>): string {
  const { root, cleanup } = committedRepo(files);
  cleanups.push(cleanup);
  return root;
}

describe('RepoView.filesContaining', () => {
  it('gives in a large git tree exactly what reading every file gives', () => {
    const files: Record<string, string> = { '.gitignore': 'ignored.yaml\n' };
    for (let i = 0; i < 300; i++) files[`deploy/app${i}.yaml`] = i % 97 === 5 ? `kind: ClusterPolicy\nverifyImages: []\n` : `kind: Deployment\nname: app${i}\n`;
    files['policies/UPPER.YML'] = 'keyless: true\n';
    files['target/real.txt'] = 'cosign\n';
    const root = committed(files);
    symlinkSync('../target/real.txt', path.join(root, 'deploy/link.yaml'));
    git(root, 'add', 'deploy/link.yaml'); // a tracked link
    symlinkSync('../target/real.txt', path.join(root, 'deploy/link2.yml')); // an untracked one
    writeFileSync(path.join(root, 'deploy/untracked.yaml'), 'notary\n');
    writeFileSync(path.join(root, 'ignored.yaml'), 'cosign\n');
    writeFileSync(path.join(root, 'deploy/big.yaml'), `cosign\n${'x'.repeat(3 * 1024 * 1024)}`);
    const repo = new RepoView(root);
    expect(repo.files.length).toBeGreaterThan(300);
    const yamls = repo.withExtensions('yaml', 'yml');
    const words = ['verifyImages', 'keyless', 'cosign', 'notary'];
    const globs = [':(icase)*.yaml', ':(icase)*.yml'];
    const byReading = yamls.filter((file) => words.some((word) => repo.read(file)?.includes(word)));
    const found = [...repo.filesContaining(yamls, words, globs)];
    expect(found).toEqual(byReading);
    expect(gitGrepFiles).toHaveBeenCalledTimes(1);
    // Matches both among the files read directly before git grep and among those after.
    expect(yamls.indexOf('deploy/app102.yaml')).toBeLessThan(64);
    expect(yamls.indexOf('deploy/app5.yaml')).toBeGreaterThan(64);
    expect(found).toEqual(expect.arrayContaining(['deploy/link.yaml', 'deploy/link2.yml', 'deploy/untracked.yaml', 'policies/UPPER.YML', 'deploy/app5.yaml']));
    expect(found).not.toContain('ignored.yaml');
    expect(found).not.toContain('deploy/big.yaml');
  });

  it('asks git grep only when the caller goes past the first files, and then once', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 250; i++) files[`d/f${String(i).padStart(3, '0')}.yaml`] = i === 10 || i === 200 ? 'cosign\n' : 'other\n';
    const repo = new RepoView(committed(files));
    const yamls = repo.withExtensions('yaml');
    const first = repo.filesContaining(yamls, ['cosign'], ['*.yaml']);
    expect(first.next().value).toBe('d/f010.yaml');
    expect(gitGrepFiles).not.toHaveBeenCalled();
    expect([...first]).toEqual(['d/f200.yaml']);
    expect(gitGrepFiles).toHaveBeenCalledTimes(1);
  });

  it('reads the files itself outside git and for a few files', () => {
    const { root, cleanup } = tempRepo({ 'a.yaml': 'cosign\n', 'b.yaml': 'nothing\n' });
    cleanups.push(cleanup);
    const repo = new RepoView(root, indexTree(root));
    expect([...repo.filesContaining(['a.yaml', 'b.yaml'], ['cosign'], ['*.yaml'])]).toEqual(['a.yaml']);
  });

  it('stops reading at the first file a caller takes', () => {
    const { root, cleanup } = tempRepo({ 'a.yaml': 'cosign\n', 'b.yaml': 'cosign\n' });
    cleanups.push(cleanup);
    const repo = new RepoView(root);
    const search = repo.filesContaining(['a.yaml', 'b.yaml'], ['cosign'], ['*.yaml']);
    expect(search.next().value).toBe('a.yaml');
    expect((repo as unknown as { contents: Map<string, string> }).contents.has('b.yaml')).toBe(false);
  });
});

describe("the fuzzing probe's words and globs", () => {
  const samples: Record<string, { names: string[]; text: string }> = {
    'Go fuzz tests': { names: ['pkg/deep/parse_test.go'], text: 'func FuzzParse(f *testing.F) {' },
    'cargo-fuzz targets': { names: ['fuzz/Cargo.toml'], text: '[dependencies]\nlibfuzzer-sys = "0.4"\n' },
    'libFuzzer targets': { names: ['src/FUZZ_parser.CC', 'fuzz/fuzz_x.c', 'a/fuzzer.cpp', 'b/fuzz.cxx'], text: 'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) {' },
    'Atheris targets': { names: ['tests/Fuzz_api.PY'], text: 'import atheris\n' },
    'Jazzer targets': { names: ['src/FuzzX.java', 'src/fuzz_y.kt'], text: '@FuzzTest\nvoid f(FuzzedDataProvider d) {}' },
  };

  it.each(TARGET_PATTERNS.map((pattern) => [pattern.label, pattern] as const))('%s: a match contains a word, and the globs cover the names', (label, pattern) => {
    const sample = samples[label]!;
    expect(pattern.content.test(sample.text)).toBe(true);
    expect(pattern.words.some((word) => sample.text.match(pattern.content)![0].includes(word) || sample.text.includes(word))).toBe(true);
    const root = committed(Object.fromEntries(sample.names.map((name) => [name, sample.text])));
    for (const name of sample.names) expect(pattern.name.test(path.basename(name)), name).toBe(true);
    const listed = git(root, 'ls-files', '-z', '--', ...pattern.globs).split('\0').filter(Boolean).sort();
    expect(listed).toEqual([...sample.names].sort());
  });
});
