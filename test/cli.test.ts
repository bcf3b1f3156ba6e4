import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { main, type Io } from '../src/cli/main.js';
import { FLAG_NAMES } from '../src/cli/args.js';
import { tempRepo } from './helpers/generate.js';
import { readOnlyDir } from './helpers/readonly.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

function repo(files: Record<string, string> = {}) {
  const made = tempRepo(files);
  cleanups.push(made.cleanup);
  return made.root;
}

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { stdout: (t) => (out += `${t}\n`), stderr: (t) => (err += `${t}\n`), stdinIsTTY: false };
  const code = await main(argv, io);
  return { code, out, err };
}

function snapshotTree(root: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else result[path.relative(root, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return result;
}

const BASE = ['--yes', '--repo', 'acme/widget', '--language', 'go'];

describe('secure-cncf CLI', () => {
  it('prints help listing every flag, and the version', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    for (const flag of FLAG_NAMES.filter((f) => f !== '--languages' && f !== '--no-interactive')) expect(help.out).toContain(flag);
    const version = await run(['--version']);
    expect(version.out.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.each([
    [['--language', 'cobol'], /Unknown language "cobol". Valid languages: go, rust/],
    [['--level', '7'], /Unknown level "7". Valid levels: 1 \(sandbox\)/],
    [['--artifacts', 'rpm'], /Unknown release artifact "rpm"/],
    [['--compliance', 'hipaa'], /Unknown compliance preset "hipaa". Valid presets: pci-dss-4.0.1/],
    [['--conflict', 'merge'], /Unknown --conflict value "merge". Valid values: skip, overwrite, fail/],
    [['--repo', 'not a slug'], /is not a GitHub repository slug/],
    [['--branch', 'a..b'], /is not a valid branch name/],
    [['--name', 'two\nlines'], /control characters/],
    [['--frobnicate'], /Unknown option '--frobnicate'.*\nValid options for "create": --name/s],
  ])('rejects %j with exit 2 and writes nothing', async (extra, message) => {
    const root = repo();
    const result = await run([root, ...BASE, ...extra]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(readdirSync(root)).toEqual([]);
  });

  it('asks for --repo when the repository cannot be detected', async () => {
    const root = repo();
    const result = await run([root, '--yes', '--language', 'go']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/Pass --repo owner\/name/);
  });

  it('generates, then a second run changes no byte and says so', async () => {
    const root = repo();
    const first = await run([root, ...BASE]);
    expect(first.code).toBe(0);
    expect(first.out).toContain(`Created 8 files in ${root}`);
    expect(first.out).toMatch(/\.github\/workflows\/ \(5\)\n {4}codeql\.yml\n/);
    expect(first.out).toContain('gh api --method PUT repos/acme/widget/private-vulnerability-reporting');
    const before = snapshotTree(root);
    // Stored answers are re-used: no flags needed the second time.
    const second = await run([root, '--yes']);
    expect(second.code).toBe(0);
    expect(second.out).toContain(`Nothing to do: every planned file in ${root} is already up to date.`);
    expect(snapshotTree(root)).toEqual(before);
  });

  it('in an existing repository, retrofits: keeps the user\'s SECURITY.md (even with --force) and reports its gaps', async () => {
    const root = repo({ 'SECURITY.md': '# Our own policy\n' });
    const kept = await run([root, ...BASE]);
    expect(kept.code).toBe(0);
    expect(kept.out).toMatch(/already has files: retrofitting/);
    // The repository's own policy is evidence for the control: retrofit plans no SECURITY.md and
    // says what the existing one lacks.
    expect(kept.out).not.toMatch(/(create|update|overwrite)\s+SECURITY\.md/);
    expect(kept.out).toMatch(/SECURITY\.md\s+kept as is; it has no supported versions section/);
    expect(readFileSync(path.join(root, 'SECURITY.md'), 'utf8')).toBe('# Our own policy\n');
    const forced = await run([root, ...BASE, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(path.join(root, 'SECURITY.md'), 'utf8')).toBe('# Our own policy\n');
    expect(existsSync(path.join(root, '.github/workflows/codeql.yml'))).toBe(true);
  });

  it('--conflict fail refuses to touch an existing repository when a file would be kept or edited', async () => {
    const root = repo({ 'SECURITY.md': '# Our own policy\n' });
    const result = await run([root, ...BASE, '--conflict', 'fail']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/--conflict fail, and these existing files would be edited or kept: SECURITY\.md/);
    expect(readdirSync(root)).toEqual(['SECURITY.md']);
  });

  it('--dry-run prints each file with its control and content and writes nothing', async () => {
    const empty = repo();
    const fresh = await run([empty, ...BASE, '--dry-run']);
    expect(fresh.code).toBe(0);
    expect(fresh.out).toMatch(/create\s+\.github\/workflows\/codeql\.yml \[sast\]/);
    expect(fresh.out).toContain('+++ b/.github/dependabot.yml');
    expect(readdirSync(empty)).toEqual([]);
    const existing = repo({ 'SECURITY.md': '# Our own policy\n' });
    const result = await run([existing, ...BASE, '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/create\s+\.github\/workflows\/codeql\.yml \[sast\]/);
    expect(result.out).toMatch(/kept\s+SECURITY\.md/);
    expect(readdirSync(existing)).toEqual(['SECURITY.md']);
  });

  it('keeps odd project names literal in every file', async () => {
    const root = repo();
    const name = 'a: b # "c" <script>`x`';
    expect((await run([root, ...BASE, '--name', name])).code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(root, '.secure-cncf.json'), 'utf8')).answers.projectName).toBe(name);
    const policy = readFileSync(path.join(root, 'SECURITY.md'), 'utf8');
    expect(policy).toContain('# Security policy of a: b \\# "c" &lt;script\\>\\`x\\`');
  });

  it('fails cleanly on an unwritable target, writing nothing', async () => {
    const ro = readOnlyDir();
    if (!ro) return; // no way to make an unwritable directory here
    cleanups.push(ro.cleanup);
    const result = await run([path.join(ro.dir, 'project'), ...BASE]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/Nothing was written: these files cannot be written/);
    expect(existsSync(path.join(ro.dir, 'project'))).toBe(false);
  });

  it('never writes through a .github symlink that leaves the repository, and says so', async () => {
    const outside = repo();
    const root = repo();
    const { symlinkSync } = await import('node:fs');
    symlinkSync(outside, path.join(root, '.github'));
    const result = await run([root, ...BASE]);
    expect(result.code).toBe(3);
    expect(result.out).toMatch(/\.github\/workflows\/codeql\.yml\s+refused: \.github is a symbolic link that points outside the repository/);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('does not write Dependabot config when Renovate is configured, and says so', async () => {
    const root = repo({ 'renovate.json': '{}' });
    const result = await run([root, ...BASE]);
    expect(result.code).toBe(0);
    expect(existsSync(path.join(root, '.github/dependabot.yml'))).toBe(false);
    expect(result.out).toMatch(/renovate\.json\s+Renovate is configured/);
    writeFileSync(path.join(root, 'x'), '');
  });
});

describe('--list-presets', () => {
  it('prints every level and preset on its own line', async () => {
    const result = await run(['--list-presets']);
    expect(result.code).toBe(0);
    for (const id of ['pci-dss-4.0.1', 'fedramp-moderate', 'fedramp-high', 'nist-ssdf-1.1', 'eu-cra', 'soc2', 'iso27001-2022']) {
      expect(result.out).toMatch(new RegExp(`^  ${id.replace(/\./g, '\\.')} +\\S`, 'm'));
    }
    expect(result.out).toMatch(/^ {2}3 {2}graduated/m);
  });
});
