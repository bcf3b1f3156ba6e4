// Materialise a fixture tree and observe it twice: through the public functions of the evidence
// layer (observeRepository / observePractice over a RepoView and detection) and through
// `check --format json`'s `observed` section, so both roads are pinned by the same assertions.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main, type Io } from '../../src/cli/main.js';
import { detect } from '../../src/detect/index.js';
import { RepoView } from '../../src/evidence/repo-view.js';
import { observeRepository, type ObservedRepository } from '../../src/evidence/observe.js';
import { observePractice, type PracticeObservation } from '../../src/evidence/practices.js';
import type { PracticeId } from '../../src/evidence/tools.js';
import type { EvidenceLocation } from '../../src/evidence/types.js';
import type { Fixture } from './fixtures.js';

export interface Materialised {
  root: string;
  cleanup: () => void;
}

/** Write a fixture's files (and symlinks) into a fresh temporary directory; optionally commit it with git. */
export function materialise(fixture: Fixture): Materialised {
  const root = mkdtempSync(path.join(os.tmpdir(), 'secure-cncf-evidence-'));
  for (const [file, content] of Object.entries(fixture.files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  for (const [file, target] of Object.entries(fixture.symlinks ?? {})) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    symlinkSync(target, path.join(root, file));
  }
  if (fixture.git) {
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'init.defaultBranch=main', ...args], { cwd: root, stdio: 'ignore' });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'fixture');
  }
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** The observation through the public functions (the same selfSlug `check --repo` would use). */
export async function observeApi(root: string, slug: string | undefined): Promise<{ observed: ObservedRepository; repo: RepoView }> {
  const repo = new RepoView(root);
  return { observed: observeRepository(repo, await detect(root), slug), repo };
}

/** The `observed` section of `check --format json` (with --repo when the fixture names one). */
export async function observeCli(root: string, slug: string | undefined): Promise<ObservedRepository> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), stdinIsTTY: false, stdoutIsTTY: false };
  const code = await main(['check', root, '--format', 'json', ...(slug ? ['--repo', slug] : [])], io);
  if (code !== 0 && code !== 1) throw new Error(`check exited ${code}: ${err.join('\n')}`);
  const report = JSON.parse(out.join('\n')) as { observed?: ObservedRepository };
  if (!report.observed) throw new Error('check --format json has no observed section');
  return report.observed;
}

export interface Observed {
  /** [public functions, check --format json]: assert the same thing on both. */
  both: [ObservedRepository, ObservedRepository];
  api: ObservedRepository;
  repo: RepoView;
  practice: (id: PracticeId) => PracticeObservation;
}

/** Observe a fixture both ways; the temporary tree is removed by `cleanups`. */
export async function observe(fixture: Fixture, cleanups: Array<() => void>): Promise<Observed> {
  const made = materialise(fixture);
  cleanups.push(made.cleanup);
  const { observed, repo } = await observeApi(made.root, fixture.repo);
  const cli = await observeCli(made.root, fixture.repo);
  const options = fixture.repo ? { selfSlug: fixture.repo } : {};
  return { both: [observed, cli], api: observed, repo, practice: (id) => observePractice(repo, id, options) };
}

/** The location of the first line of a fixture file containing `needle` (fails loudly when absent). */
export function at(fixture: Fixture, file: string, needle: string): Required<EvidenceLocation> {
  const text = fixture.files[file];
  if (text === undefined) throw new Error(`fixture ${fixture.name} has no ${file}`);
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`fixture ${fixture.name}: ${file} has no line containing ${JSON.stringify(needle)}`);
  return { file, line: index + 1 };
}
