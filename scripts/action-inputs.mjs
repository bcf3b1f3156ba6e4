#!/usr/bin/env node
// Refreshes the declared part of data/action-inputs.json: the inputs each entry of
// data/action-pins.json declares AT ITS PINNED COMMIT (action.yml / action.yaml for actions,
// `on.workflow_call.inputs` for reusable workflows), with the file read and its runs.using. The
// facts read from each action's source by hand (fixedArguments, permissions, cache, exportsEnv)
// are kept; --check reports entries whose declared part or commit no longer matches the pins, so
// those hand-read facts get re-read at the new commit.
//
//   node scripts/action-inputs.mjs                  fetch each pinned commit from GitHub (git, network)
//   node scripts/action-inputs.mjs --git-dirs <dir> read from local git directories instead: <dir>
//                                                   holds one per repository, named <owner>+<name>
//                                                   (a bare clone, or a directory with a `repo` git dir)
//   node scripts/action-inputs.mjs --check          fail when the committed file differs from a fresh read
//
// The file is test data (not shipped): it lets tests compare the `with:` keys the templates write
// with what the pinned action really accepts.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PINS = path.join(root, 'data/action-pins.json');
const OUT = path.join(root, 'data/action-inputs.json');

function fail(message) {
  console.error(`action-inputs: ${message}`);
  process.exit(2);
}

function parseArgs(argv) {
  const options = { gitDirs: undefined, check: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--git-dirs') options.gitDirs = path.resolve(argv[++i] ?? fail('--git-dirs needs a directory'));
    else if (argv[i] === '--check') options.check = true;
    else fail(`unknown argument ${argv[i]}; valid: --git-dirs <dir>, --check`);
  }
  return options;
}

/** owner/repo and the path inside it, for a pin-table key such as github/codeql-action/init. */
function split(name) {
  const [owner, repo, ...rest] = name.split('/');
  return { repository: `${owner}/${repo}`, subpath: rest.join('/') };
}

function gitDirFor(repository, options, scratch) {
  if (options.gitDirs) {
    // GitHub names are case-insensitive (the pin table writes azure/setup-helm for Azure/setup-helm).
    const wanted = repository.replace('/', '+').toLowerCase();
    const entry = readdirSync(options.gitDirs).find((name) => name.toLowerCase() === wanted);
    const base = path.join(options.gitDirs, entry ?? wanted);
    const candidates = [path.join(base, 'repo'), base];
    const found = candidates.find((dir) => existsSync(path.join(dir, 'HEAD')));
    if (!found) fail(`no git directory for ${repository} under ${options.gitDirs}`);
    return found;
  }
  const dir = path.join(scratch, repository.replace('/', '+'));
  if (!existsSync(dir)) execFileSync('git', ['init', '--bare', '--quiet', dir]);
  return dir;
}

function show(gitDir, sha, file) {
  try {
    return execFileSync('git', [`--git-dir=${gitDir}`, 'show', `${sha}:${file}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

function ensureCommit(gitDir, repository, sha, options) {
  try {
    execFileSync('git', [`--git-dir=${gitDir}`, 'cat-file', '-e', `${sha}^{commit}`], { stdio: 'ignore' });
    return;
  } catch {
    if (options.gitDirs) fail(`${repository}: commit ${sha} is not in the local git directory`);
  }
  execFileSync('git', [`--git-dir=${gitDir}`, 'fetch', '--quiet', '--depth', '1', `https://github.com/${repository}.git`, sha], { stdio: 'inherit' });
}

/** Inputs of one declared input map, normalised to { required, default, deprecated? }. */
function normalise(inputs) {
  const out = {};
  for (const [name, spec] of Object.entries(inputs ?? {})) {
    const s = spec ?? {};
    out[name] = { required: s.required === true || s.required === 'true', default: s.default === undefined ? null : String(s.default) };
    if (s.deprecationMessage) out[name].deprecated = String(s.deprecationMessage);
  }
  return out;
}

function read(name, pin, options, scratch) {
  const { repository, subpath } = split(name);
  const gitDir = gitDirFor(repository, options, scratch);
  ensureCommit(gitDir, repository, pin.sha, options);
  if (pin.kind === 'reusable-workflow') {
    const text = show(gitDir, pin.sha, subpath);
    if (text === undefined) fail(`${name}: ${subpath} does not exist at ${pin.sha}`);
    const on = parse(text)?.on ?? {};
    const call = on.workflow_call ?? {};
    return { commit: pin.sha, file: subpath, runsUsing: null, inputs: normalise(call.inputs), secrets: Object.keys(call.secrets ?? {}) };
  }
  for (const file of ['action.yml', 'action.yaml']) {
    const rel = subpath ? `${subpath}/${file}` : file;
    const text = show(gitDir, pin.sha, rel);
    if (text === undefined) continue;
    const action = parse(text) ?? {};
    return { commit: pin.sha, file: rel, runsUsing: action.runs?.using ?? null, inputs: normalise(action.inputs) };
  }
  fail(`${name}: no action.yml or action.yaml at ${pin.sha}`);
}

function render(options) {
  const pins = JSON.parse(readFileSync(PINS, 'utf8'));
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'action-inputs-'));
  try {
    const existing = existsSync(OUT) ? JSON.parse(readFileSync(OUT, 'utf8')) : { actions: {} };
    const actions = {};
    for (const [name, pin] of Object.entries(pins.actions)) {
      const declared = read(name, pin, options, scratch);
      const previous = existing.actions?.[name] ?? {};
      // The hand-read facts stay with the entry; the declared part is what the commit says now.
      actions[name] = { ...previous, ...declared, ref: pin.tag ?? pin.branch ?? previous.ref, kind: pin.kind };
    }
    return `${JSON.stringify({ ...existing, actions }, null, 2)}\n`;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const options = parseArgs(process.argv.slice(2));
const text = render(options);
if (options.check) {
  if (!existsSync(OUT) || readFileSync(OUT, 'utf8') !== text) {
    console.error('data/action-inputs.json differs from the pinned commits: refresh it with node scripts/action-inputs.mjs, then re-read the hand-read facts of the changed entries');
    process.exit(1);
  }
} else {
  writeFileSync(OUT, text);
  console.error(`wrote ${path.relative(root, OUT)} (${Object.keys(JSON.parse(text).actions).length} entries)`);
}
