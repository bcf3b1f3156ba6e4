import { describe, expect, it } from 'vitest';
import { planFor } from '../../../test/helpers/generate.js';
import { ownerHandle } from './control.js';

const ODD_NAMES = ['a: b # "c"', 'x <script>alert(1)</script>', 'back`tick` ``name``', '* @evil /.github/'];

async function codeowners(overrides: Parameters<typeof planFor>[0] = {}) {
  const plan = await planFor(overrides);
  return plan.files.find((f) => f.path === '.github/CODEOWNERS')?.content;
}

/** Rule lines (pattern + owners), without comments and blank lines. */
function rules(content: string): string[][] {
  return content
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.trim().split(/\s+/));
}

describe('codeowners control', () => {
  it('is written from level 2 on', async () => {
    expect(await codeowners({ level: 1 })).toBeUndefined();
    expect(await codeowners({ level: 2 })).toBeDefined();
    expect(await codeowners({ level: 3 })).toBeDefined();
  });

  it('gives the owner everything, then lists the sensitive paths explicitly after the catch-all', async () => {
    const content = (await codeowners({ level: 2 }))!;
    const lines = rules(content);
    expect(lines[0]).toEqual(['*', '@acme']);
    const patterns = lines.map(([pattern]) => pattern);
    for (const path of ['/.github/', '/SECURITY.md', '/SECURITY-INSIGHTS.yml', '/docs/security/', '/.secure-cncf.json']) {
      expect(patterns.indexOf(path), path).toBeGreaterThan(0);
    }
    for (const line of lines) expect(line, line.join(' ')).toHaveLength(2);
    for (const line of lines) expect(line[1]).toBe('@acme');
    expect(content).toContain('@your-org/maintainers');
  });

  it('adds release and image configuration only for the artifacts the project ships', async () => {
    const goBinaries = rules((await codeowners({ level: 2, languages: ['go'], artifacts: ['binaries'] }))!).map(([p]) => p);
    expect(goBinaries).toContain('/.goreleaser.yaml');
    expect(goBinaries).not.toContain('Dockerfile');
    const rustImages = rules((await codeowners({ level: 2, languages: ['rust'], artifacts: ['binaries', 'container-images'] }))!).map(([p]) => p);
    expect(rustImages).toContain('Dockerfile');
    expect(rustImages).not.toContain('/.goreleaser.yaml');
  });

  it.each(ODD_NAMES)('keeps the project name %j inside a single comment line', async (projectName) => {
    const content = (await codeowners({ level: 2, projectName }))!;
    const nameLines = content.split('\n').filter((line) => line.includes(projectName));
    expect(nameLines).toHaveLength(1);
    expect(nameLines[0]!.startsWith('# ')).toBe(true);
    // The name adds no rule: the rules are the same as for a plain name.
    expect(rules(content)).toEqual(rules((await codeowners({ level: 2 }))!));
  });

  it('refuses a project name that would break out of the comment line', async () => {
    await expect(codeowners({ level: 2, projectName: 'x\n* @attacker' })).rejects.toThrow(/multi-line/);
  });

  it('refuses an owner that is not a GitHub name', () => {
    expect(ownerHandle('my-org')).toBe('@my-org');
    for (const bad of ['a b', 'x\n*', '-lead', 'org/team', 'a#b', '']) expect(() => ownerHandle(bad), bad).toThrow();
  });
});
