// Read-only files and uncommitted changes: clear messages, nothing partially written.
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempRepo } from '../helpers/generate.js';
import { cli, git, readOnlyTree, snapshot } from './helpers.js';
import { loadPins } from '../../src/pins.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

const checkoutMajor = (loadPins().actions['actions/checkout']!.tag as string).split('.')[0];
const CI = `on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@${checkoutMajor}\n`;

describe('retrofit safety', () => {
  it('read-only repository: a clear error, exit 2, and not one byte written', async () => {
    const ro = readOnlyTree({ 'go.mod': 'module x\n', '.github/workflows/ci.yml': CI });
    if (!ro) return; // cannot make a read-only tree here
    cleanups.push(ro.cleanup);
    const before = snapshot(ro.dir);
    const result = await cli(['retrofit', ro.dir, '--yes', '--repo', 'acme/widget']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/Nothing was written: these files cannot be written \(check permissions\):[\s\S]*\.github\/workflows\/ci\.yml: E(ROFS|ACCES)/);
    expect(snapshot(ro.dir)).toEqual(before);
  });

  it('warns about files with uncommitted changes and leaves them alone under --yes; --force applies', async () => {
    const made = tempRepo({ 'go.mod': 'module x\n', '.github/workflows/ci.yml': CI, '.github/workflows/other.yml': CI });
    cleanups.push(made.cleanup);
    const root = made.root;
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'init');
    const edited = `${CI}# local edit, not committed\n`;
    writeFileSync(path.join(root, '.github/workflows/ci.yml'), edited);
    const result = await cli(['retrofit', root, '--yes', '--repo', 'acme/widget']);
    expect(result.out).toMatch(/warning\s+\.github\/workflows\/ci\.yml has uncommitted changes/);
    expect(result.out).toMatch(/skipped\s+\.github\/workflows\/ci\.yml.*uncommitted changes/);
    expect(result.code).toBe(1);
    expect(snapshot(root)['.github/workflows/ci.yml']).toBe(edited);
    expect(snapshot(root)['.github/workflows/other.yml']).toContain('persist-credentials: false');
    const forced = await cli(['retrofit', root, '--yes', '--force']);
    expect(forced.out).toMatch(/warning\s+\.github\/workflows\/ci\.yml has uncommitted changes/);
    expect(snapshot(root)['.github/workflows/ci.yml']).toContain('persist-credentials: false');
    expect(snapshot(root)['.github/workflows/ci.yml']).toContain('# local edit, not committed');
  });
});
