// Every `fix` that `check` prints works: for each failing state a fixture produces, each control's
// printed command is run on a fresh copy and the control must then pass (or be not applicable);
// a fix that is not a command must name the manual step. No advice that loops.
import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tempRepo } from '../helpers/generate.js';
import { cli } from './helpers.js';
import { runCheck } from '../../src/check/run.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

const lines = (...l: string[]) => `${l.join('\n')}\n`;
const LEVEL = '3';

/** Failing states a maintainer's repository is in before a retrofit. */
const STATES: Record<string, Record<string, string>> = {
  'bare Go service with an unhardened workflow (write-all, unpinned)': {
    'go.mod': 'module example.com/widget\n',
    'main.go': 'package main\n',
    'main_test.go': 'package main\n',
    'Dockerfile': 'FROM scratch\n',
    '.github/workflows/ci.yml': lines('name: ci', 'on: [push, pull_request]', 'permissions: write-all', 'jobs:', '  test:', '    runs-on: ubuntu-24.04', '    steps:', '      - uses: actions/checkout@v4', '      - run: go test ./...'),
  },
  'partial: CodeQL only after the merge, Dependabot without github-actions, its own release pipeline': {
    'go.mod': 'module example.com/widget\n',
    'main.go': 'package main\n',
    '.github/dependabot.yaml': lines('version: 2', 'updates:', '  - package-ecosystem: gomod', '    directory: /', '    schedule:', '      interval: weekly'),
    '.github/workflows/codeql.yml': lines(
      'name: codeql',
      'on:',
      '  push:',
      '    branches: [main]',
      'permissions:',
      '  contents: read',
      'jobs:',
      '  analyze:',
      '    runs-on: ubuntu-24.04',
      '    permissions:',
      '      security-events: write',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '        with:',
      '          persist-credentials: false',
      '      - uses: github/codeql-action/init@v3',
      '      - uses: github/codeql-action/analyze@v3',
    ),
    '.goreleaser.yaml': lines('version: 2', 'builds:', '  - main: .'),
    '.github/workflows/release.yml': lines(
      'name: release',
      'on:',
      '  push:',
      '    tags: ["v*"]',
      'permissions:',
      '  contents: read',
      'jobs:',
      '  release:',
      '    runs-on: ubuntu-24.04',
      '    permissions:',
      '      contents: write',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - uses: goreleaser/goreleaser-action@v6',
      '        with:',
      '          args: release --clean',
    ),
  },
  'hardened CI workflow running a composite action that is not (unpinned steps, checkout keeps credentials)': {
    'go.mod': 'module example.com/widget\n',
    'main.go': 'package main\n',
    '.github/workflows/ci.yml': lines(
      'name: ci',
      'on: [pull_request]',
      'permissions:',
      '  contents: read',
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-24.04',
      '    timeout-minutes: 30',
      '    steps:',
      '      - uses: ./.github/actions/setup',
      '      - run: go test ./...',
    ),
    '.github/actions/setup/action.yml': lines(
      'name: setup',
      'description: Check out the code and install Go',
      'runs:',
      '  using: composite',
      '  steps:',
      '    - uses: actions/checkout@v7',
      '    - uses: actions/setup-go@v7',
      '      with:',
      '        go-version-file: go.mod',
    ),
  },
};

const met = (status: string | undefined) => status === 'pass' || status === 'not-applicable';

async function failing(root: string): Promise<Array<{ id: string; status: string; fix: string }>> {
  const { report } = await runCheck({ directory: root, repo: 'acme/widget', level: LEVEL });
  return report.controls.filter((c) => c.required && !met(c.status)).map((c) => ({ id: c.id, status: c.status, fix: c.fix ?? '' }));
}

/** `npx create-secure-cncf retrofit --level 3 (note)` -> ['retrofit', '--level', '3']; undefined when the fix is not a command. */
function command(fix: string): string[] | undefined {
  const match = /^npx create-secure-cncf\s+([^(]*)/.exec(fix);
  if (!match) return undefined;
  return match[1]!.trim().split(/\s+/).filter(Boolean);
}

describe('every fix that check prints works', () => {
  for (const [name, files] of Object.entries(STATES)) {
    it(name, async () => {
      const made = tempRepo(files);
      cleanups.push(made.cleanup);
      const gaps = await failing(made.root);
      expect(gaps.length, 'the fixture produces failing controls').toBeGreaterThan(0);
      const byCommand = new Map<string, typeof gaps>();
      const problems: string[] = [];
      for (const gap of gaps) {
        const args = command(gap.fix);
        if (!args) {
          // Not a command: it must say what to do by hand.
          if (!/^by hand\b/.test(gap.fix)) problems.push(`${gap.id}: fix is neither a command nor a manual step: ${gap.fix}`);
          continue;
        }
        if (args.some((a) => a.includes('<'))) {
          problems.push(`${gap.id}: fix needs a value filled in: ${gap.fix}`);
          continue;
        }
        const key = args.join(' ');
        byCommand.set(key, [...(byCommand.get(key) ?? []), gap]);
      }
      expect(byCommand.size, 'at least one printed command is exercised').toBeGreaterThan(0);
      for (const [key, controls] of byCommand) {
        // Each command runs on a fresh copy of the failing state, as the user would run it.
        const copy = mkdtempSync(path.join(os.tmpdir(), 'fix-'));
        cleanups.push(() => rmSync(copy, { recursive: true, force: true }));
        cpSync(made.root, copy, { recursive: true });
        const [sub, ...rest] = key.split(' ');
        const run = await cli([sub!, copy, ...rest, '--yes', '--repo', 'acme/widget']);
        expect([0, 1], `${key}: ${run.out}${run.err}`).toContain(run.code);
        expect(run.out, `${key} did something`).not.toMatch(/Nothing to do/);
        const after = await failing(copy);
        for (const control of controls) {
          const still = after.find((a) => a.id === control.id);
          // "<command> (edits …), then by hand: <step>": the command does its part, the step is what is left.
          const rest = /\), then by hand: (.*)$/.exec(control.fix)?.[1];
          if (still && rest && /^by hand\b/.test(still.fix) && still.fix.includes(rest)) continue;
          if (still) problems.push(`${control.id}: "${control.fix}" ran but it is still ${still.status}; now: ${still.fix}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('a control the repository does itself gets a manual step, not a command that adds a second copy', async () => {
    const made = tempRepo(STATES['partial: CodeQL only after the merge, Dependabot without github-actions, its own release pipeline']!);
    cleanups.push(made.cleanup);
    const gaps = await failing(made.root);
    // Its GoReleaser does not sign: retrofit edits its configuration and release job; provenance stays a manual step.
    const release = gaps.find((g) => g.id === 'release-signing');
    expect(release?.fix).toMatch(/^npx create-secure-cncf retrofit --level 3 \(edits \.goreleaser\.yaml, \.github\/workflows\/release\.yml\), then by hand: Build provenance: after GoReleaser in \.github\/workflows\/release\.yml \(job "release"\)/);
    expect(release?.fix).not.toMatch(/release\.yml.*second/);
    // Once it signs, nothing is left for a command: the fix is the manual step alone.
    const signing = tempRepo({ ...STATES['partial: CodeQL only after the merge, Dependabot without github-actions, its own release pipeline']!, '.goreleaser.yaml': lines('version: 2', 'builds:', '  - main: .', 'signs:', '  - cmd: cosign', '    artifacts: checksum') });
    cleanups.push(signing.cleanup);
    const signed = (await failing(signing.root)).find((g) => g.id === 'release-signing');
    expect(signed?.fix).toMatch(/^by hand \(secure-cncf adds no second copy\): Build provenance: after GoReleaser/);
    expect(gaps.find((g) => g.id === 'sast')?.fix).toBe(`npx create-secure-cncf retrofit --level ${LEVEL}`);
  });
});
