// `secure-cncf pins --update` with canned `git ls-remote` output: no network in tests.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cli, snapshot, tempRepos } from './helpers.js';
import { parseTags, type LsRemote } from '../../src/upgrade/ls-remote.js';
import { runPinsUpdate } from '../../src/upgrade/pins-run.js';
import { loadPins } from '../../src/pins.js';

const repo = tempRepos();

const sha = (c: string) => c.repeat(40);
const CHECKOUT_TAGS = [
  `${sha('1')}\trefs/tags/v6.0.0`,
  `${sha('2')}\trefs/tags/v7.0.0`,
  `${sha('3')}\trefs/tags/v7.1.0`, // annotated: the tag object...
  `${sha('4')}\trefs/tags/v7.1.0^{}`, // ...and the commit it points to
  `${sha('4')}\trefs/tags/v7`,
  `${sha('5')}\trefs/tags/v8.0.0`,
  `${sha('6')}\trefs/tags/v8.1.0-beta.1`,
].join('\n');
const SETUP_GO_TAGS = [`${sha('7')}\trefs/tags/v7.0.0`, `${sha('8')}\trefs/tags/v7.0.1`, `${sha('8')}\trefs/tags/v7`].join('\n');

function canned(map: Record<string, string>): LsRemote & { calls: string[] } {
  const calls: string[] = [];
  const run = (async (url: string) => {
    calls.push(url);
    const repoName = url.replace('https://github.com/', '');
    if (!(repoName in map)) throw new Error(`fatal: repository '${url}' not found`);
    return map[repoName] as string;
  }) as LsRemote & { calls: string[] };
  run.calls = calls;
  return run;
}

async function update(root: string, lsRemote: LsRemote, dryRun = false): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await runPinsUpdate(root, { dryRun, lsRemote }, (t) => (out += `${t}\n`));
  return { code, out };
}

const WORKFLOW = [
  '# CI',
  'on: push',
  'jobs:',
  '  a:',
  '    runs-on: ubuntu-24.04',
  '    steps:',
  `      - uses: actions/checkout@${sha('2')} # v7.0.0`,
  '      - uses: actions/setup-go@v7 # toolchain',
  '      - uses: actions/checkout@v7.0.0',
  '      - uses: ./local-action',
  '      - uses: some/branch-action@main',
  '',
].join('\n');

describe('parseTags', () => {
  it('peels annotated tags', () => {
    const tags = parseTags(CHECKOUT_TAGS);
    expect(tags.get('v7.1.0')).toBe(sha('4'));
    expect(tags.get('v7.0.0')).toBe(sha('2'));
  });
});

describe('pins --update', () => {
  it('moves pins and unpinned tags to the newest release of the same major, keeping comments right', async () => {
    const root = repo({ '.github/workflows/ci.yml': WORKFLOW });
    const lsRemote = canned({ 'actions/checkout': CHECKOUT_TAGS, 'actions/setup-go': SETUP_GO_TAGS });
    const result = await update(root, lsRemote);
    expect(result.code).toBe(0);
    const after = readFileSync(path.join(root, '.github/workflows/ci.yml'), 'utf8');
    expect(after).toContain(`      - uses: actions/checkout@${sha('4')} # v7.1.0\n`);
    expect(after).toContain(`      - uses: actions/setup-go@${sha('8')} # v7.0.1 toolchain\n`);
    expect(after).toContain(`      - uses: actions/checkout@${sha('4')} # v7.1.0\n      - uses: ./local-action`);
    expect(after).toContain('some/branch-action@main');
    expect(result.out).toMatch(/actions\/checkout: v8\.0\.0 is available \(a new major version/);
    expect(result.out).toMatch(/some\/branch-action@main: no version to refresh from/);
    expect(lsRemote.calls.sort()).toEqual(['https://github.com/actions/checkout', 'https://github.com/actions/setup-go']);
    // Second run: nothing to do, no byte changed.
    const before = snapshot(root);
    const again = await update(root, lsRemote);
    expect(again.out).toContain('nothing changed');
    expect(snapshot(root)).toEqual(before);
  });

  it('offline: says so plainly, exits 2, changes nothing', async () => {
    const root = repo({ '.github/workflows/ci.yml': WORKFLOW });
    const before = snapshot(root);
    await expect(update(root, canned({}))).rejects.toThrow(/Cannot reach github\.com \(are you offline\?\).*no file was changed/);
    expect(snapshot(root)).toEqual(before);
  });

  it('one lookup failing is enough to change nothing', async () => {
    const root = repo({ '.github/workflows/ci.yml': WORKFLOW });
    const before = snapshot(root);
    await expect(update(root, canned({ 'actions/checkout': CHECKOUT_TAGS }))).rejects.toThrow(/failed for 1 of 2 \(actions\/setup-go: .*not found\)/);
    expect(snapshot(root)).toEqual(before);
  });

  it('--dry-run prints the diff and writes nothing', async () => {
    const root = repo({ '.github/workflows/ci.yml': WORKFLOW });
    const before = snapshot(root);
    const result = await update(root, canned({ 'actions/checkout': CHECKOUT_TAGS, 'actions/setup-go': SETUP_GO_TAGS }), true);
    expect(result.out).toContain(`+      - uses: actions/checkout@${sha('4')} # v7.1.0`);
    expect(snapshot(root)).toEqual(before);
  });

  it('in a generated repository: saves newer pins for upgrade, follows them in the state, and upgrade then has nothing to do', async () => {
    const root = repo({ 'go.mod': 'module x\n' });
    expect((await cli([root, '--yes', '--repo', 'acme/widget'])).code).toBe(0);
    // Every action at its shipped pin, except checkout, which has a newer patch release.
    const table = loadPins();
    const byRepo: Record<string, string[]> = {};
    for (const [name, pin] of Object.entries(table.actions)) {
      const r = name.split('/').slice(0, 2).join('/');
      if (pin.tag) (byRepo[r] ??= []).push(`${pin.sha}\trefs/tags/${pin.tag}`);
    }
    const checkout = table.actions['actions/checkout']!;
    const [maj, min, patch] = (checkout.tag as string).slice(1).split('.').map(Number);
    const newerTag = `v${maj}.${min}.${(patch as number) + 1}`;
    byRepo['actions/checkout']!.push(`${sha('c')}\trefs/tags/${newerTag}`);
    const lsRemote = canned(Object.fromEntries(Object.entries(byRepo).map(([k, v]) => [k, v.join('\n')])));
    const result = await update(root, lsRemote);
    expect(result.code).toBe(0);
    const codeql = readFileSync(path.join(root, '.github/workflows/codeql.yml'), 'utf8');
    expect(codeql).toContain(`actions/checkout@${sha('c')} # ${newerTag}`);
    expect(JSON.parse(readFileSync(path.join(root, '.github/secure-cncf-pins.json'), 'utf8')).actions).toEqual({ 'actions/checkout': { tag: newerTag, sha: sha('c') } });
    const before = snapshot(root);
    const upgrade = await cli(['upgrade', root, '--yes']);
    expect(upgrade.out).toContain('Nothing to do');
    expect(snapshot(root)).toEqual(before);
  });
});

describe('pins (list)', () => {
  it('lists the pins in force', async () => {
    const root = repo({});
    const result = await cli(['pins', root]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/actions\/checkout\s+v\d+\.\d+\.\d+\s+[0-9a-f]{40}/);
  });
});

describe('pins --update --keep-versions', () => {
  it('pins each unpinned tag to its own commit, so no version changes; SHA pins stay; offline changes nothing', async () => {
    const root = repo({ '.github/workflows/ci.yml': WORKFLOW });
    const lsRemote = canned({ 'actions/checkout': CHECKOUT_TAGS, 'actions/setup-go': SETUP_GO_TAGS, 'some/branch-action': '' });
    let out = '';
    const code = await runPinsUpdate(root, { dryRun: false, lsRemote, keepVersions: true }, (t) => (out += `${t}\n`));
    expect(code).toBe(0);
    const after = readFileSync(path.join(root, '.github/workflows/ci.yml'), 'utf8');
    expect(after).toContain(`actions/checkout@${sha('2')} # v7.0.0\n`); // already pinned: unchanged, not moved to v7.1.0
    expect(after).toContain(`actions/setup-go@${sha("8")} # v7.0.1 toolchain`); // @v7 is the commit of v7, which is v7.0.1
    expect(after).toContain(`actions/checkout@${sha('2')} # v7.0.0\n      - uses: ./local-action`); // @v7.0.0 stays v7.0.0
    expect(after).toContain('some/branch-action@main');
    expect(out).toMatch(/some\/branch-action@main: no tag main in its repository/);
    const offline = (async () => {
      throw new Error('Could not resolve host: github.com');
    }) as unknown as LsRemote;
    const again = repo({ '.github/workflows/ci.yml': WORKFLOW });
    await expect(runPinsUpdate(again, { dryRun: false, lsRemote: offline, keepVersions: true }, () => {})).rejects.toThrow(/are you offline\?.*no file was changed/);
    expect(readFileSync(path.join(again, '.github/workflows/ci.yml'), 'utf8')).toBe(WORKFLOW);
  });
});

describe('pins --update in composite actions', () => {
  const ACTION = [
    'name: setup',
    'description: Check out and install Go',
    'runs:',
    '  using: composite',
    '  steps:',
    '    - uses: actions/checkout@v7',
    `    - uses: actions/setup-go@${sha('7')} # v7.0.0`,
    '',
  ].join('\n');
  const CALLER = ['on: push', 'jobs:', '  a:', '    runs-on: ubuntu-24.04', '    steps:', '      - uses: ./.github/actions/setup', ''].join('\n');

  it('refreshes the steps of the composite actions the workflows run, and leaves vendored copies alone', async () => {
    const root = repo({ '.github/workflows/ci.yml': CALLER, '.github/actions/setup/action.yml': ACTION, 'vendor/other/action.yml': ACTION });
    const lsRemote = canned({ 'actions/checkout': CHECKOUT_TAGS, 'actions/setup-go': SETUP_GO_TAGS });
    const result = await update(root, lsRemote);
    expect(result.code).toBe(0);
    const after = readFileSync(path.join(root, '.github/actions/setup/action.yml'), 'utf8');
    expect(after).toContain(`    - uses: actions/checkout@${sha('4')} # v7.1.0\n`);
    expect(after).toContain(`    - uses: actions/setup-go@${sha('8')} # v7.0.1\n`);
    expect(result.out).toMatch(/updated {2}\.github\/actions\/setup\/action\.yml/);
    expect(readFileSync(path.join(root, 'vendor/other/action.yml'), 'utf8')).toBe(ACTION);
    // --keep-versions pins the action's tags to their own commits too.
    const kept = repo({ '.github/workflows/ci.yml': CALLER, '.github/actions/setup/action.yml': ACTION });
    await runPinsUpdate(kept, { dryRun: false, lsRemote, keepVersions: true }, () => {});
    expect(readFileSync(path.join(kept, '.github/actions/setup/action.yml'), 'utf8')).toContain(`    - uses: actions/checkout@${sha('4')} # v7.1.0\n`);
  });
});
