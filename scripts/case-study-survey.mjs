#!/usr/bin/env node
// Runs `secure-cncf survey` over the four case-study projects and regenerates
// docs/case-studies/survey.json and the outcome tables of the case-study pages.
//
// One command (needs network access to github.com and git on the PATH):
//
//   npm run docs:case-studies      (= npm run build && node scripts/case-study-survey.mjs)
//
// By default each project is audited at the commit already recorded in survey.json, so a rerun
// after the tool's detection changes compares like with like and the hand-checked prose of the
// pages stays true. Options:
//
//   --latest                  audit each project's newest default-branch commit instead (then
//                             re-check the pages' prose and their "Checked at" lines)
//   --git-dir <owner/name>=<path>
//                             read that project from an existing git directory (a clone or a bare
//                             mirror) instead of fetching it from GitHub; repeatable
//   --pages                   fetch nothing: rewrite the pages from survey.json and
//                             survey-notes.json (after editing a note)
//   --check                   fetch nothing: fail when the pages differ from survey.json and
//                             survey-notes.json, or when a gap has no note
//
// What it does: exports each project's tree at the commit into a temporary directory (blobs a
// partial mirror lacks are skipped and listed in survey.json), runs `dist/bin.js survey --level 3
// --format csv` over the four trees for the outcome of every control, and `dist/bin.js check
// --level 3 --format json` on each for the tool's one-line finding, writes survey.json, then
// rewrites the generated block of each page. The verdicts (real gap or blind spot of the tool)
// are hand-written in docs/case-studies/survey-notes.json; the script lists gaps that lack one.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATA_FILE, NOTES_FILE, noteProblems, readJson, renderPages, root } from './case-study-pages.mjs';

/** The four projects: GitHub repository and the page that reports on it. */
const PROJECTS = [
  { repository: 'prometheus/prometheus', page: 'prometheus.md' },
  { repository: 'etcd-io/etcd', page: 'etcd.md' },
  { repository: 'fluxcd/flux2', page: 'flux.md' },
  { repository: 'falcosecurity/falco', page: 'falco.md' },
];
const LEVEL = 3; // all four are CNCF graduated projects

function parseArgs(argv) {
  const options = { latest: false, check: false, pages: false, gitDirs: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--latest') options.latest = true;
    else if (arg === '--check') options.check = true;
    else if (arg === '--pages') options.pages = true;
    else if (arg === '--git-dir') {
      const value = argv[++i] ?? '';
      const eq = value.indexOf('=');
      const repository = value.slice(0, eq);
      if (eq < 1 || !PROJECTS.some((p) => p.repository === repository)) {
        fail(`--git-dir expects <owner/name>=<path> with one of: ${PROJECTS.map((p) => p.repository).join(', ')}`);
      }
      options.gitDirs.set(repository, path.resolve(value.slice(eq + 1)));
    } else fail(`unknown argument ${arg}; valid: --latest, --git-dir <owner/name>=<path>, --pages, --check`);
  }
  return options;
}

function fail(message) {
  console.error(`case-study-survey: ${message}`);
  process.exit(2);
}

const git = (gitDir, args, input) => execFileSync('git', [`--git-dir=${gitDir}`, ...args], { input, maxBuffer: 1 << 30 });

/** A git directory holding `commit` (or the default branch's head when commit is undefined) of the project. */
function obtain(project, commit, options, scratch) {
  const local = options.gitDirs.get(project.repository);
  if (local) return { gitDir: local, ref: commit ?? 'HEAD' };
  const gitDir = path.join(scratch, `${project.repository.replace('/', '+')}.git`);
  execFileSync('git', ['init', '--bare', '--quiet', gitDir]);
  const url = `https://github.com/${project.repository}.git`;
  execFileSync('git', [`--git-dir=${gitDir}`, 'fetch', '--quiet', '--depth', '1', url, commit ?? 'HEAD'], { stdio: 'inherit' });
  return { gitDir, ref: 'FETCH_HEAD' };
}

/** Writes the tree of `ref` into `dir`; returns the paths whose blobs the git directory lacks. */
function exportTree(gitDir, ref, dir) {
  const listing = git(gitDir, ['ls-tree', '-r', '-z', '--full-tree', ref]).toString('utf8').split('\0').filter(Boolean);
  const entries = listing.map((line) => {
    const [meta, file] = line.split('\t');
    const [mode, type, sha] = meta.split(' ');
    return { mode, type, sha, file };
  }).filter((e) => e.type === 'blob');
  const batch = git(gitDir, ['cat-file', '--batch'], entries.map((e) => e.sha).join('\n') + '\n');
  const missing = [];
  let offset = 0;
  for (const entry of entries) {
    const headerEnd = batch.indexOf(10, offset);
    const header = batch.subarray(offset, headerEnd).toString('utf8');
    offset = headerEnd + 1;
    if (header.endsWith(' missing')) {
      missing.push(entry.file);
      continue;
    }
    const size = Number(header.split(' ')[2]);
    const content = batch.subarray(offset, offset + size);
    offset += size + 1;
    const target = path.join(dir, entry.file);
    mkdirSync(path.dirname(target), { recursive: true });
    if (entry.mode === '120000') {
      // A symbolic link is kept only when it stays inside the tree.
      const resolved = path.resolve(path.dirname(target), content.toString('utf8'));
      if (resolved.startsWith(dir + path.sep)) symlinkSync(content.toString('utf8'), target);
    } else writeFileSync(target, content);
  }
  return missing.sort();
}

function cli(args) {
  const result = spawnSync(process.execPath, [path.join(root, 'dist/bin.js'), ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status === 2 || result.error) fail(`secure-cncf ${args.join(' ')} failed: ${result.stderr || result.error}`);
  return result.stdout;
}

/** Rows of the survey's CSV, keyed by the header. */
function parseCsv(text) {
  const rows = text.trim().split(/\r?\n/).map((line) => line.split(','));
  const [header, ...body] = rows;
  return body.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
}

function writePages(data, notes) {
  for (const [file, text] of renderPages(data, notes)) writeFileSync(file, text);
  const problems = noteProblems(data, notes);
  if (problems.length) console.error(`Explain these in docs/case-studies/survey-notes.json:\n  ${problems.join('\n  ')}`);
}

function checkPages() {
  const data = readJson(DATA_FILE);
  const notes = readJson(NOTES_FILE);
  const stale = [...renderPages(data, notes)].filter(([file, text]) => text !== readFileSync(file, 'utf8'));
  const problems = [...stale.map(([file]) => `${path.relative(root, file)} differs from survey.json / survey-notes.json`), ...noteProblems(data, notes)];
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.check) return checkPages();
  if (options.pages) return writePages(readJson(DATA_FILE), readJson(NOTES_FILE));
  if (!existsSync(path.join(root, 'dist/bin.js'))) fail('dist/bin.js is missing; run `npm run build` first');
  const previous = existsSync(DATA_FILE) ? readJson(DATA_FILE) : { projects: [] };
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'case-study-survey-'));
  try {
    const trees = [];
    for (const project of PROJECTS) {
      const recorded = options.latest ? undefined : previous.projects.find((p) => p.repository === project.repository)?.commit;
      const { gitDir, ref } = obtain(project, recorded, options, scratch);
      const commit = git(gitDir, ['rev-parse', `${ref}^{commit}`]).toString().trim();
      const commitDate = git(gitDir, ['show', '-s', '--format=%cI', commit]).toString().trim();
      const dir = path.join(scratch, 'trees', project.repository.split('/')[1]);
      mkdirSync(dir, { recursive: true });
      const filesNotAudited = exportTree(gitDir, commit, dir);
      trees.push({ ...project, commit, commitDate, dir, filesNotAudited });
      console.error(`${project.repository}@${commit.slice(0, 7)} (${commitDate}) exported`);
    }
    const survey = parseCsv(cli(['survey', ...trees.map((t) => t.dir), '--level', String(LEVEL), '--format', 'csv']));
    const projects = trees.map((tree) => {
      const row = survey.find((r) => r.path === tree.dir);
      if (!row || row.error) fail(`survey could not audit ${tree.repository}: ${row?.error ?? 'no row'}`);
      const report = JSON.parse(cli(['check', tree.dir, '--level', String(LEVEL), '--format', 'json']));
      const controls = report.controls.map((c) => {
        if (row[c.id] !== c.status) fail(`${tree.repository}: survey says ${c.id} ${row[c.id]}, check says ${c.status}`);
        return { id: c.id, title: c.title, level: c.level, required: c.required, status: c.status, summary: c.summary };
      });
      return {
        repository: tree.repository,
        page: tree.page,
        commit: tree.commit,
        commitDate: tree.commitDate,
        achievedLevel: Number(row.achieved_level),
        gaps: Number(row.gaps),
        counts: report.counts,
        controls,
        filesNotAudited: tree.filesNotAudited,
      };
    });
    const data = {
      $comment: 'Generated by scripts/case-study-survey.mjs (see its header); do not edit. Verdicts on the gaps: survey-notes.json.',
      tool: toolIdentity(),
      level: LEVEL,
      generatedOn: new Date().toISOString().slice(0, 10),
      projects,
    };
    writeFileSync(DATA_FILE, `${JSON.stringify(data, null, 2)}\n`);
    writePages(data, readJson(NOTES_FILE));
    console.error(`wrote ${path.relative(root, DATA_FILE)} and the case-study pages`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Name and version of the CLI that produced the figures. */
function toolIdentity() {
  const version = cli(['--version']).trim().split(/\s+/).pop();
  return { name: 'create-secure-cncf', version };
}

main();
