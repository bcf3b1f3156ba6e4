// Files GitHub and Renovate read happily but a strict parser rejects: retrofit reads them as those
// tools do, never edits what it cannot verify, and reports instead of stopping with exit 3.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { cli, snapshot, tempRepos } from './helpers.js';
import { loadPins } from '../../src/pins.js';

const repo = tempRepos();
const lines = (...l: string[]) => `${l.join('\n')}\n`;
const checkoutMajor = (loadPins().actions['actions/checkout']!.tag as string).split('.')[0];

// JSON5 that JSON.parse and a hand-made comment stripper reject: "\." and "\d" escapes, hex, +1.
const RENOVATE_JSON5 = lines(
  '{',
  '  // Kubernetes modules move together',
  "  extends: ['config:recommended'],",
  '  packageRules: [',
  '    { matchPackageNames: ["/^k8s\\.io\\//"], groupName: "kubernetes" },',
  "    { matchDepNames: ['/^golang\\.org\\/x\\//'], allowedVersions: '/^v0\\.\\d+/' },",
  '  ],',
  '  prHourlyLimit: 0x0A,',
  '  prConcurrentLimit: +5,',
  '}',
);

// Line 9's quoted name continues on line 10 at column 3, under its key: GitHub runs this workflow.
const LENIENT_CI = lines(
  'name: ci',
  'on: [pull_request]',
  'jobs:',
  '  test:',
  '    runs-on: ubuntu-24.04',
  '    steps:',
  `      - uses: actions/checkout@${checkoutMajor}`,
  '      - run: go test ./...',
  '      - name: "Upload the',
  '   coverage report"',
  '        run: echo done',
);

describe('retrofit: a Renovate JSON5 config with escapes and a workflow strict YAML rejects', () => {
  it('exits 1, leaves the workflow byte-identical with file:line and the changes it would get, adds no Dependabot; a second run and upgrade change nothing', async () => {
    const root = repo({ 'go.mod': 'module example.com/x\n', 'renovate.json5': RENOVATE_JSON5, '.github/workflows/ci.yml': LENIENT_CI });
    const first = await cli(['retrofit', root, '--yes', '--repo', 'acme/widget']);
    expect(first.code, first.out + first.err).toBe(1);
    expect(first.out).not.toMatch(/^error/m);
    const after = snapshot(root);
    expect(after['.github/workflows/ci.yml']).toBe(LENIENT_CI);
    expect(after['renovate.json5']).toBe(RENOVATE_JSON5);
    expect(first.out).toMatch(
      /warning\s+\.github\/workflows\/ci\.yml:9\s+the quoted value opened on this line continues on line 10, indented less than its key: GitHub reads it, strict YAML 1\.2 rejects it; not edited/,
    );
    expect(first.out).toMatch(new RegExp(`It would get: pinned actions/checkout@${checkoutMajor} to [0-9a-f]{12}… # v[\\d.]+ \\(line 7\\);.*added top-level permissions: contents: read`));
    expect(first.out).toMatch(/fix: indent line 10 under the key, then run retrofit again/);
    // Renovate read: its coverage is judged (a note), and no second update bot is added.
    expect(first.out).toMatch(/note\s+renovate\.json5\s+Renovate is configured and no setting in it excludes the detected ecosystems/);
    expect(existsSync(path.join(root, '.github/dependabot.yml'))).toBe(false);
    const check = await cli(['check', root, '--format', 'json', '--level', '1']);
    const controls = (JSON.parse(check.out) as { controls: Array<{ id: string; status: string }> }).controls;
    expect(controls.find((c) => c.id === 'dependency-updates')?.status).toBe('pass');

    const second = await cli(['retrofit', root, '--yes']);
    expect(second.code).toBe(1);
    expect(snapshot(root), 'second run changes nothing').toEqual(after);
    expect(second.out).toContain('Nothing to do');
    const upgrade = await cli(['upgrade', root, '--yes']);
    expect(upgrade.code, upgrade.out + upgrade.err).toBeLessThanOrEqual(1);
    expect(snapshot(root), 'upgrade changes nothing').toEqual(after);
  });

  it('once the line is indented, the next run makes the changes it listed', async () => {
    const root = repo({ 'go.mod': 'module example.com/x\n', '.github/workflows/ci.yml': LENIENT_CI.replace('\n   coverage', '\n          coverage') });
    const result = await cli(['retrofit', root, '--yes', '--repo', 'acme/widget']);
    expect(result.out).not.toMatch(/ci\.yml:9/);
    expect(snapshot(root)['.github/workflows/ci.yml']).toMatch(/permissions:\n {2}contents: read/);
  });

  it('a Renovate config nobody can parse: a warning with file:line, exit 1, and no Dependabot beside it', async () => {
    const broken = lines('{', '  "extends": ["config:recommended"]', '  "labels": ["dependencies"]', '}');
    const root = repo({ 'go.mod': 'module example.com/x\n', 'renovate.json': broken });
    const result = await cli(['retrofit', root, '--yes', '--repo', 'acme/widget']);
    expect(result.code, result.out + result.err).toBe(1);
    expect(result.out).toMatch(/warning\s+renovate\.json:3\s+could not be read as JSON5 \(invalid character .+\), so Renovate cannot read it either and no dependency updates run; no Dependabot config was added beside it/);
    expect(result.out).toMatch(/fix: fix the syntax at line 3/);
    expect(existsSync(path.join(root, '.github/dependabot.yml'))).toBe(false);
    expect(snapshot(root)['renovate.json']).toBe(broken);
  });
});
