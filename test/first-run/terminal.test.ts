// The interactive first run in a real terminal (tmux): every question, a file conflict and a Ctrl-C
// at each stage, asserting what the screen says and what is on disk. Runs dist/bin.js (npm test
// builds it first).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Terminal, tree } from '../helpers/terminal.js';

const BIN = path.resolve(import.meta.dirname, '../../dist/bin.js');
const NOISE = [/deprecated/i, /No change to package\.json/, /An error occured/i, /unexpected error/i, /ExitPromptError/, /\(ynarxdeiH\)|\(ynadxreiH\)/i];

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build\` first (npm test does).`);
});

function repo(files: Record<string, string> = {}, remote?: string): string {
  const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'secure-cncf-tty-')));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: root });
  if (remote) execFileSync('git', ['remote', 'add', 'origin', remote], { cwd: root });
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return root;
}

function terminal(cwd: string, args: string[] = []): Terminal {
  const t = new Terminal(cwd, args);
  cleanups.push(() => t.close());
  return t;
}

function expectNoNoise(screen: string): void {
  for (const noise of NOISE) expect(screen, `screen shows ${noise}`).not.toMatch(noise);
}

/** The questions of a fresh `git init` with no remote and no manifests, each with how to answer it. */
const FRESH_STAGES: Array<{ prompt: RegExp; answer: (t: Terminal) => void }> = [
  { prompt: /\? GitHub repository/, answer: (t) => (t.type('https://github.com/acme/demo'), t.keys('Enter')) },
  { prompt: /\? Project name \(demo\)/, answer: (t) => t.keys('Enter') },
  { prompt: /\? Languages/, answer: (t) => t.keys('Space', 'Enter') },
  { prompt: /\? Maturity level/, answer: (t) => t.keys('Enter') },
  { prompt: /\? Compliance targets/, answer: (t) => t.keys('Enter') },
  { prompt: /\? Developer-portal metadata/, answer: (t) => t.keys('Enter') },
  { prompt: /\? Default branch \(main\)/, answer: (t) => t.keys('Enter') },
  { prompt: /\? SECURITY\.md: acknowledge a vulnerability report within/, answer: (t) => t.keys('Enter') },
  { prompt: /\? SECURITY\.md: fix or mitigate critical and high severity issues within/, answer: (t) => t.keys('Enter') },
];

describe('interactive first run in a terminal', () => {
  it('walks every question (repository URL, name defaulted from it, no artifacts question at level 1) and ends with the summary', async () => {
    const root = repo();
    const t = terminal(root);
    for (const stage of FRESH_STAGES) {
      await t.waitFor(stage.prompt);
      stage.answer(t);
    }
    expect(await t.exitCode()).toBe(0);
    const screen = t.screen();
    expectNoNoise(screen);
    // Compliance presets are offered by name, not only by id.
    expect(screen).toMatch(/Compliance targets/);
    expect(screen).not.toMatch(/Release artifacts/);
    expect(screen).toMatch(new RegExp(`Created \\d+ files in ${root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(screen).toMatch(/\.github\/workflows\/ \(5\)/);
    expect(screen).toContain('gh api --method PUT repos/acme/demo/private-vulnerability-reporting');
    expect(screen).toContain("security_and_analysis[secret_scanning_push_protection][status]=enabled");
    expect(screen).toContain('git push -u origin main');
    const files = tree(root);
    expect(Object.keys(files)).toContain('.github/workflows/codeql.yml');
    expect(JSON.parse(files['.secure-cncf.json'] as string).answers).toMatchObject({ projectName: 'demo', repository: { owner: 'acme', name: 'demo' }, languages: ['go'], policy: {} });
  }, 60_000);

  it('offers compliance presets by their names', async () => {
    const root = repo();
    const t = terminal(root, ['--repo', 'acme/demo', '--language', 'go', '--name', 'demo', '--level', '1']);
    const screen = await t.waitFor(/\? Compliance targets/);
    expect(screen).toMatch(/EU Cyber Resilience Act.*\(eu-cra\)/);
    t.keys('C-c');
    expect(await t.exitCode()).toBe(130);
  }, 60_000);

  it.each(FRESH_STAGES.map((stage, index) => [stage.prompt.source, index] as const))(
    'Ctrl-C at %s writes nothing, says so and exits 130',
    async (_name, index) => {
      const root = repo();
      const before = tree(root);
      const t = terminal(root);
      for (const stage of FRESH_STAGES.slice(0, index)) {
        await t.waitFor(stage.prompt);
        stage.answer(t);
      }
      await t.waitFor((FRESH_STAGES[index] as (typeof FRESH_STAGES)[number]).prompt);
      t.keys('C-c');
      expect(await t.exitCode()).toBe(130);
      const screen = t.screen();
      expect(screen).toContain('Cancelled: nothing was written.');
      expectNoNoise(screen);
      expect(tree(root)).toEqual(before);
    },
    60_000,
  );
});

describe('interactive run over existing files in a terminal', () => {
  const DEPENDABOT = 'version: 2\nupdates:\n  - package-ecosystem: gomod # ours\n    directory: "/"\n    schedule:\n      interval: daily\n';
  const existing = () => repo({ 'go.mod': 'module example.com/x\n', '.github/dependabot.yml': DEPENDABOT, 'SECURITY.md': '# Our policy\n' }, 'git@github.com:acme/widget.git');
  const FLAGS = ['--level', '1', '--compliance', 'none', '--no-portal', '--branch', 'main', '--name', 'widget'];

  async function toMergeQuestion(t: Terminal): Promise<string> {
    await t.waitFor(/\? GitHub repository.*\(acme\/widget\)/);
    t.keys('Enter');
    await t.waitFor(/\? Languages/);
    t.keys('Enter'); // Go is detected and already ticked
    return t.waitFor(/\? Merge these changes into \.github\/dependabot\.yml\?/);
  }

  it('shows the merge as a diff and asks before writing; Ctrl-C there writes nothing', async () => {
    const root = existing();
    const before = tree(root);
    const t = terminal(root, FLAGS);
    const screen = await toMergeQuestion(t);
    expect(screen).toContain('+++ b/.github/dependabot.yml');
    expect(screen).toContain('+  - package-ecosystem: github-actions');
    t.keys('C-c');
    expect(await t.exitCode()).toBe(130);
    expect(t.screen()).toContain('Cancelled: nothing was written.');
    expectNoNoise(t.screen());
    expect(tree(root)).toEqual(before);
  }, 60_000);

  it('answering no keeps the file, writes the rest, lists the kept file and exits 1', async () => {
    const root = existing();
    const t = terminal(root, FLAGS);
    await toMergeQuestion(t);
    t.type('n');
    t.keys('Enter');
    expect(await t.exitCode()).toBe(1);
    const screen = t.screen();
    expectNoNoise(screen);
    expect(screen).toMatch(/Kept \d+ existing files? unchanged/);
    expect(screen).toMatch(/\.github\/dependabot\.yml\s+you said no/);
    expect(screen).toMatch(/SECURITY\.md\s+kept as is/);
    expect(screen).toContain('Next steps');
    expect(readFileSync(path.join(root, '.github/dependabot.yml'), 'utf8')).toBe(DEPENDABOT);
    expect(readFileSync(path.join(root, 'SECURITY.md'), 'utf8')).toBe('# Our policy\n');
    expect(existsSync(path.join(root, '.github/workflows/codeql.yml'))).toBe(true);
  }, 60_000);

  it('answering yes merges (comments kept) and ends with the summary', async () => {
    const root = existing();
    const t = terminal(root, FLAGS);
    await toMergeQuestion(t);
    t.keys('Enter');
    const code = await t.exitCode();
    const screen = t.screen();
    expectNoNoise(screen);
    expect(screen).toMatch(/Wrote \d+ files \(.*1 merged.*\) in /);
    expect(code).toBe(0);
    const merged = readFileSync(path.join(root, '.github/dependabot.yml'), 'utf8');
    expect(merged.startsWith(DEPENDABOT)).toBe(true);
    expect(merged).toContain('package-ecosystem: github-actions');
  }, 60_000);
});

describe('interactive and --yes agree', () => {
  it('a script-injection finding is shown with its fix and the run exits 1, as with --yes', async () => {
    const root = repo(
      {
        'go.mod': 'module example.com/x\n',
        '.github/workflows/triage.yml':
          'name: triage\non: issues\npermissions:\n  contents: read\njobs:\n  t:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo "${{ github.event.issue.title }}"\n',
      },
      'https://github.com/acme/widget.git',
    );
    const t = terminal(root, ['--level', '1', '--compliance', 'none', '--no-portal', '--branch', 'main', '--name', 'widget', '--language', 'go', '--repo', 'acme/widget']);
    // Accept every proposed change to an existing file until the run ends.
    for (;;) {
      const screen = await t.waitFor(/(\? (Merge|Replace) [^\n]*\(Y\/n\)\s*$)|__EXIT=\d+/);
      if (/__EXIT=\d+/.test(screen)) break;
      t.keys('Enter');
      await t.waitFor(/✔ (Merge|Replace)/);
    }
    expect(await t.exitCode()).toBe(1);
    const screen = t.screen();
    expectNoNoise(screen);
    expect(screen).toMatch(/\.github\/workflows\/triage\.yml:9 .*github\.event\.issue\.title/);
    expect(screen).toMatch(/^ +fix: /m);
  }, 60_000);
});
