#!/usr/bin/env node
// Runs `retrofit` on copies of real repositories and keeps what it would propose, for reading
// hunk by hunk as each project's maintainers would.
//
//   npm run review -- --trees <dir> --out <dir> [--level 1|2] [--only owner/name,...]
//                     [--commit owner/name=<sha>,...]
//
// <dir>/<owner>+<name>/ holds one repository's files (e.g. `git archive HEAD | tar -x`). Two
// optional files next to them describe the tree and are not copied into the scratch repository:
//   .corpus-commit   the commit the files come from (recorded in summary.tsv; `--commit` wins)
//   .corpus-branch   the repository's default branch (the scratch repository's branch; else main)
//
// For each tree: copy it to a scratch directory under the OS temp dir, `git init`, commit
// everything with a fixed author and date (so the same tree gives the same commit), run
// `retrofit <copy> --yes --repo <owner>/<name> --level <L> --pr-body <out>/<owner>+<name>/pr.md`,
// then stage everything (also files a .gitignore matches) and keep the stat and the full diff (<out>/<owner>+<name>/diff.stat,
// diff.patch, stdout.txt, stderr.txt). The result is committed; `upgrade --yes` and a second
// `retrofit --yes` must then change no file (changed-after says which did). The scratch copy is
// removed afterwards.
//
// Writes <out>/summary.tsv and prints the same rows as a Markdown table. Opt-in: the trees and
// the outputs are not part of this repository.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'dist/bin.js');
const SIDE_FILES = new Set(['.corpus-commit', '.corpus-branch']);

function usage(message) {
  console.error(
    `retrofit-review: ${message}\nusage: npm run review -- --trees <dir> --out <dir> [--level 1|2] [--only owner/name,...] [--commit owner/name=<sha>,...]`,
  );
  process.exit(2);
}

const args = process.argv.slice(2);
const options = { trees: undefined, out: undefined, level: '2', only: undefined, commits: new Map() };
const value = (i, name) => {
  const v = args[i];
  if (v === undefined || v.startsWith('--')) usage(`${name} needs a value`);
  return v;
};
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--trees') options.trees = value(++i, a);
  else if (a === '--out') options.out = value(++i, a);
  else if (a === '--level') options.level = value(++i, a);
  else if (a === '--only') options.only = new Set(value(++i, a).split(',').map((s) => s.trim().toLowerCase()).filter(Boolean));
  else if (a === '--commit') {
    for (const pair of value(++i, a).split(',')) {
      const m = /^([^/=\s]+\/[^/=\s]+)=([0-9a-f]{7,40})$/i.exec(pair.trim());
      if (!m) usage(`--commit expects owner/name=<sha>, got ${pair}`);
      options.commits.set(m[1].toLowerCase(), m[2]);
    }
  } else if (a === '-h' || a === '--help') {
    console.log('usage: npm run review -- --trees <dir> --out <dir> [--level 1|2] [--only owner/name,...] [--commit owner/name=<sha>,...]');
    process.exit(0);
  } else usage(`unknown argument ${a}`);
}
if (!options.trees) usage('--trees <dir> is required');
if (!options.out) usage('--out <dir> is required');
if (!['1', '2'].includes(options.level)) usage(`--level must be 1 or 2, got ${options.level}`);
if (!existsSync(options.trees) || !statSync(options.trees).isDirectory()) usage(`${options.trees} is not a directory`);
if (!existsSync(bin)) execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });

const trees = readdirSync(options.trees)
  .filter((name) => /^[^+]+\+[^+]+$/.test(name) && statSync(path.join(options.trees, name)).isDirectory())
  .map((name) => ({ dir: name, repo: name.replace('+', '/') }))
  .filter((t) => !options.only || options.only.has(t.repo.toLowerCase()))
  .sort((a, b) => a.dir.toLowerCase().localeCompare(b.dir.toLowerCase()));
if (options.only) {
  const known = new Set(trees.map((t) => t.repo.toLowerCase()));
  const missing = [...options.only].filter((r) => !known.has(r));
  if (missing.length) usage(`no tree under ${options.trees} for ${missing.join(', ')}`);
}
if (trees.length === 0) usage(`no <owner>+<name> directories under ${options.trees}`);

// Fixed identity and date: the scratch commits, and so anything derived from them, do not vary.
const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Corpus Review',
  GIT_AUTHOR_EMAIL: 'review@example.invalid',
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_NAME: 'Corpus Review',
  GIT_COMMITTER_EMAIL: 'review@example.invalid',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: os.devNull,
};
const GIT_CONFIG = ['-c', 'core.autocrlf=false', '-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null', '-c', 'advice.detachedHead=false', '-c', 'gc.auto=0', '-c', 'maintenance.auto=false'];

function git(cwd, gitArgs, { input } = {}) {
  return execFileSync('git', [...GIT_CONFIG, ...gitArgs], { cwd, env: GIT_ENV, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, input, stdio: ['pipe', 'pipe', 'pipe'] });
}

function cli(cliArgs) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, ...cliArgs], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', CI: '1' },
  });
  return { code: r.status ?? (r.signal ? `signal ${r.signal}` : 'error'), stdout: r.stdout ?? '', stderr: (r.stderr ?? '') + (r.error ? `\n${r.error}` : ''), seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

const readSide = (tree, name) => {
  const file = path.join(tree, name);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
};

/** Files and +/- lines of the staged diff (binary files count as files with no lines). */
function numstat(cwd) {
  let files = 0;
  let plus = 0;
  let minus = 0;
  for (const line of git(cwd, ['diff', '--cached', '--numstat', '-z']).split('\0')) {
    const m = /^(\d+|-)\t(\d+|-)\t/.exec(line);
    if (!m) continue;
    files++;
    if (m[1] !== '-') plus += Number(m[1]);
    if (m[2] !== '-') minus += Number(m[2]);
  }
  return { files, plus, minus };
}

const changedFiles = (cwd) =>
  git(cwd, ['status', '--porcelain', '--untracked-files=all', '--ignored=matching'])
    .split('\n')
    .filter(Boolean)
    .map((l) => l.slice(3));

mkdirSync(options.out, { recursive: true });
const rows = [];
for (const { dir, repo } of trees) {
  const tree = path.join(options.trees, dir);
  const out = path.join(options.out, dir);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const commit = options.commits.get(repo.toLowerCase()) ?? readSide(tree, '.corpus-commit') ?? '';
  const branch = readSide(tree, '.corpus-branch') || 'main';
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'retrofit-review-'));
  const copy = path.join(scratch, dir.split('+')[1]);
  const row = { repo, commit, files: 0, plus: 0, minus: 0, seconds: 0, exit: '', changedAfter: '' };
  try {
    cpSync(tree, copy, { recursive: true, verbatimSymlinks: true, filter: (src) => !(path.dirname(src) === tree && SIDE_FILES.has(path.basename(src))) });
    git(copy, ['init', '-q', '-b', branch]);
    git(copy, ['add', '-A', '--force']);
    git(copy, ['commit', '-q', '--no-verify', '-m', `${repo} ${commit || '(commit unknown)'}`]);

    const first = cli(['retrofit', copy, '--yes', '--repo', repo, '--level', options.level, '--pr-body', path.join(out, 'pr.md')]);
    writeFileSync(path.join(out, 'stdout.txt'), first.stdout);
    writeFileSync(path.join(out, 'stderr.txt'), first.stderr);
    row.exit = String(first.code);
    row.seconds = first.seconds;

    git(copy, ['add', '-A', '--force']);
    writeFileSync(path.join(out, 'diff.stat'), git(copy, ['diff', '--cached', '--stat=200']));
    writeFileSync(path.join(out, 'diff.patch'), git(copy, ['diff', '--cached', '--no-color', '--no-ext-diff']));
    Object.assign(row, numstat(copy));
    git(copy, ['commit', '-q', '--no-verify', '--allow-empty', '-m', 'retrofit']);

    const after = [];
    const upgrade = cli(['upgrade', copy, '--yes']);
    writeFileSync(path.join(out, 'upgrade.txt'), `exit ${upgrade.code}\n--- stdout\n${upgrade.stdout}\n--- stderr\n${upgrade.stderr}`);
    const byUpgrade = changedFiles(copy);
    if (byUpgrade.length) after.push(`upgrade: ${byUpgrade.join(' ')}`);
    git(copy, ['add', '-A', '--force']);
    if (byUpgrade.length) writeFileSync(path.join(out, 'upgrade.patch'), git(copy, ['diff', '--cached', '--no-color']));
    git(copy, ['commit', '-q', '--no-verify', '--allow-empty', '-m', 'upgrade']);

    const again = cli(['retrofit', copy, '--yes', '--repo', repo, '--level', options.level]);
    writeFileSync(path.join(out, 'retrofit-again.txt'), `exit ${again.code}\n--- stdout\n${again.stdout}\n--- stderr\n${again.stderr}`);
    const byAgain = changedFiles(copy);
    if (byAgain.length) {
      after.push(`retrofit: ${byAgain.join(' ')}`);
      git(copy, ['add', '-A', '--force']);
      writeFileSync(path.join(out, 'retrofit-again.patch'), git(copy, ['diff', '--cached', '--no-color']));
    }
    row.changedAfter = after.length ? after.join('; ') : 'no';
    if (upgrade.code !== 0 && upgrade.code !== 1) row.changedAfter += ` (upgrade exit ${upgrade.code})`;
    if (again.code !== 0 && again.code !== 1) row.changedAfter += ` (second retrofit exit ${again.code})`;
  } catch (error) {
    row.exit = row.exit || 'script error';
    row.changedAfter = `script error: ${String(error.message ?? error).split('\n')[0]}`;
    writeFileSync(path.join(out, 'script-error.txt'), `${error.stack ?? error}\n${error.stderr ?? ''}`);
  } finally {
    try {
      rmSync(scratch, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch (error) {
      console.error(`could not remove ${scratch}: ${error.message}`);
    }
  }
  rows.push(row);
  console.error(`${repo}: ${row.files} files +${row.plus} -${row.minus}, exit ${row.exit}, ${row.seconds.toFixed(1)} s, changed after: ${row.changedAfter}`);
}

const header = ['repo', 'commit', 'files', '+lines', '-lines', 'seconds', 'exit', 'changed-after'];
const cells = (r) => [r.repo, r.commit, r.files, r.plus, r.minus, r.seconds.toFixed(1), r.exit, r.changedAfter].map(String);
writeFileSync(path.join(options.out, 'summary.tsv'), [header, ...rows.map(cells)].map((c) => c.join('\t')).join('\n') + '\n');
const md = (c) => `| ${c.map((x) => x.replace(/\|/g, '\\|')).join(' | ')} |`;
console.log([md(header), md(header.map(() => '---')), ...rows.map((r) => md(cells(r).map((x, i) => (i === 1 ? x.slice(0, 12) : x))))].join('\n'));
