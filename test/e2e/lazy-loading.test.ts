// `--help`, `--version` and non-interactive runs must not pay for Yeoman, inquirer or prettier
// when they do not need them. A module-loading hook records every file the bundle loads.
import { describe, expect, it, beforeAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const repoRoot = path.resolve(import.meta.dirname, '../..');
let chunks: Record<string, string[]>;
let work: string;

beforeAll(() => {
  // `npm test` builds first; the build writes which chunk holds which package.
  chunks = JSON.parse(readFileSync(path.join(repoRoot, '.build/chunks.json'), 'utf8'));
  work = mkdtempSync(path.join(os.tmpdir(), 'secure-cncf-lazy-'));
});

function loadedPackages(args: string[]): Set<string> {
  const log = path.join(work, `loaded-${Math.random().toString(36).slice(2)}.log`);
  const hooks = path.join(work, 'hooks.mjs');
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); }`,
  );
  const register = path.join(work, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(hooks).href)});`);
  writeFileSync(log, '');
  execFileSync(process.execPath, ['--import', pathToFileURL(register).href, path.join(repoRoot, 'dist/bin.js'), ...args], { cwd: work, stdio: 'pipe' });
  const files = readFileSync(log, 'utf8').split('\n').filter((u) => u.includes('/dist/'));
  const packages = new Set<string>();
  for (const url of files) for (const pkg of chunks[`dist/${url.split('/dist/').pop()}`] ?? []) packages.add(pkg);
  return packages;
}

const HEAVY = ['yeoman-environment', 'yeoman-generator', 'inquirer', 'prettier'];

describe('lazy loading of the bundle', () => {
  it('--help and --version load none of Yeoman, inquirer or prettier', () => {
    for (const args of [['--help'], ['--version']]) {
      const loaded = loadedPackages(args);
      expect(HEAVY.filter((p) => loaded.has(p)), args.join(' ')).toEqual([]);
    }
  });

  it('--yes generation loads none of them: output is prettier-clean by construction (see test/formatting.test.ts)', () => {
    const dir = mkdtempSync(path.join(work, 'gen-'));
    const loaded = loadedPackages([dir, '--yes', '--repo', 'acme/widget', '--language', 'go', '--level', '3']);
    expect(loaded.has('yaml'), 'the hook sees the bundle load its chunks').toBe(true);
    expect(HEAVY.filter((p) => loaded.has(p))).toEqual([]);
  });
});
