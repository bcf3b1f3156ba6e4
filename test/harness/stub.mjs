#!/usr/bin/env node
// Recording stand-ins for the tools a generated run: script calls that this machine does not have
// or must not run for real (network, signing, publishing). Every call is appended to $HARNESS_LOG
// as one JSON line; each stand-in behaves like the real tool as far as the scripts depend on it
// (files written, lines printed, failures). Tools the machine has (cargo, npm) pass through for
// everything but the subcommands that would reach the network or publish.
import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';

const [tool, ...args] = process.argv.slice(2);
const env = process.env;
const cwd = process.cwd();

function log(extra = {}) {
  const picked = Object.fromEntries(['GOTOOLCHAIN', 'HARNESS_GO_VERSION', 'NODE_AUTH_TOKEN'].filter((k) => env[k] !== undefined).map((k) => [k, k === 'NODE_AUTH_TOKEN' ? '<set>' : env[k]]));
  appendFileSync(env.HARNESS_LOG, `${JSON.stringify({ tool, args, cwd, env: picked, ...extra })}\n`);
}
function fail(message, code = 1) {
  process.stderr.write(`${message}\n`);
  log({ failed: message });
  process.exit(code);
}
/** The real binary of a tool, from PATH without the stand-ins' directory. */
function real(name) {
  for (const dir of (env.HARNESS_REAL_PATH ?? '').split(':')) {
    const candidate = path.join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}
function passthrough(name) {
  const binary = real(name);
  if (!binary) return false;
  log({ passthrough: true });
  const result = spawnSync(binary, args, { stdio: 'inherit', env: { ...env, PATH: env.HARNESS_REAL_PATH } });
  process.exit(result.status ?? 1);
}
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');
const versionLess = (a, b) => {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) < (pb[i] ?? 0);
  }
  return false;
};
const executable = (file, content = '#!/bin/sh\necho built\n') => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  chmodSync(file, 0o755);
};

// --- gh: releases with GitHub's immutable-release rule (a published release cannot change) ---
function gh() {
  const statePath = env.HARNESS_GH_STATE;
  const state = existsSync(statePath) ? JSON.parse(readFileSync(statePath, 'utf8')) : { releases: {} };
  const save = () => writeFileSync(statePath, JSON.stringify(state, null, 2));
  if (args[0] !== 'release') fail(`gh stand-in: unsupported command ${args.join(' ')}`);
  const [, sub, tag] = args;
  const files = args.slice(3).filter((a, i, all) => !a.startsWith('-') && !['--repo', '--title', '--json', '--jq', '-q', '--notes'].includes(all[i - 1]));
  const release = state.releases[tag];
  log();
  switch (sub) {
    case 'view':
      if (!release) fail('release not found');
      if (args.includes('--json')) process.stdout.write(`${release.draft}\n`);
      return;
    case 'create': {
      if (release) fail(`a release with the same tag name already exists: ${tag}`);
      for (const file of files) if (!existsSync(file) || statSync(file).size === 0) fail(`asset ${file} is missing or empty`);
      state.releases[tag] = { draft: args.includes('--draft'), prerelease: args.includes('--prerelease'), assets: files.map((f) => path.basename(f)) };
      save();
      return;
    }
    case 'upload': {
      if (!release) fail('release not found');
      if (!release.draft) fail(`HTTP 422: Cannot upload assets to an immutable release (${tag} is published)`);
      for (const file of files) {
        const name = path.basename(file);
        if (release.assets.includes(name) && !args.includes('--clobber')) fail(`asset ${name} already exists`);
        if (!release.assets.includes(name)) release.assets.push(name);
      }
      save();
      return;
    }
    case 'edit':
      if (!release) fail('release not found');
      if (!release.draft) fail(`HTTP 422: Cannot modify an immutable release (${tag} is published)`);
      if (args.includes('--draft=false')) release.draft = false;
      save();
      return;
    default:
      fail(`gh stand-in: unsupported release command ${sub}`);
  }
}

// --- go: the toolchain rule setup-go relies on (GOTOOLCHAIN=local cannot build newer modules) ---
function go() {
  const local = env.HARNESS_GO_VERSION ?? '1.26.0';
  log();
  switch (args[0]) {
    case 'install': {
      const target = args.find((a) => a.includes('@'));
      const requirements = JSON.parse(env.HARNESS_GO_REQUIREMENTS ?? '{}');
      const module = Object.keys(requirements).find((m) => target?.startsWith(m));
      if (!module) fail(`go stand-in: no go.mod requirement recorded for ${target}`);
      const needed = requirements[module];
      if (versionLess(local, needed) && (env.GOTOOLCHAIN ?? 'auto') === 'local') {
        fail(`go: ${target.replace(/\/cmd\/[^@]+/, '')} requires go >= ${needed} (running go ${local}; GOTOOLCHAIN=local)`);
      }
      return;
    }
    case 'build': {
      const out = flag('-o');
      const mod = existsSync('go.mod') ? /^module\s+(\S+)/m.exec(readFileSync('go.mod', 'utf8'))?.[1] : undefined;
      if (!mod) fail('go: go.mod file not found in current directory or any parent directory');
      if (out?.endsWith('/')) executable(path.join(out, path.basename(mod)));
      return;
    }
    case 'list': {
      const mod = /^module\s+(\S+)/m.exec(readFileSync('go.mod', 'utf8'))?.[1];
      process.stdout.write(`${mod} ${cwd}\n`);
      return;
    }
    default:
      return;
  }
}

// --- cargo: real for build, metadata and package; install and fuzz would reach crates.io ---
function cargo() {
  if (args[0] === 'install' || args[0] === 'fuzz' || args[0]?.startsWith('+')) {
    log();
    return;
  }
  passthrough('cargo');
  fail('cargo is not installed here');
}

// --- npm: real for ci and pack; publish is recorded with what it would upload ---
function npm() {
  if (args[0] === 'publish') {
    const file = args[1];
    if (!file || !existsSync(file)) fail(`npm publish: ${file} does not exist`);
    const listing = spawnSync('tar', ['-tzf', file], { encoding: 'utf8' });
    const isNpmTarball = listing.status === 0 && listing.stdout.split('\n').includes('package/package.json');
    log({ npmTarball: isNpmTarball, sha256: sha256(file) });
    if (!isNpmTarball) fail(`npm error Invalid package, must have a package.json: ${file}`);
    return;
  }
  passthrough('npm');
  fail('npm is not installed here');
}

// --- pipx: `run build` writes an sdist and a wheel; `run ... pip-audit` audits what exists ---
function pipx() {
  const pipAudit = args.includes('pip-audit');
  if (pipAudit) {
    const requirements = args.filter((a, i) => args[i - 1] === '-r');
    log({ requirements });
    for (const file of requirements) if (!existsSync(file)) fail(`pip-audit: error: ${file} does not exist`);
    const project = args[args.length - 1];
    if (requirements.length === 0 && !env.PIPAPI_PYTHON_LOCATION && !existsSync(path.join(project, 'pyproject.toml'))) {
      fail(`pip-audit: couldn't find a supported project file in ${project}`);
    }
    return;
  }
  if (args[0] === 'run' && args[1] === 'build') {
    const out = flag('--outdir');
    const text = readFileSync('pyproject.toml', 'utf8');
    const name = /^name\s*=\s*"([^"]+)"/m.exec(text)?.[1]?.replace(/-/g, '_');
    const version = /^version\s*=\s*"([^"]+)"/m.exec(text)?.[1];
    mkdirSync(out, { recursive: true });
    const sdist = spawnSync('tar', ['-czf', path.join(out, `${name}-${version}.tar.gz`), 'pyproject.toml']);
    if (sdist.status !== 0) fail('build: could not write the sdist');
    writeFileSync(path.join(out, `${name}-${version}-py3-none-any.whl`), 'wheel');
    log();
    return;
  }
  log();
}

// --- helm: package from Chart.yaml, push prints the reference and digest as helm does ---
function helm() {
  log();
  if (args[0] === 'package') {
    const dir = args[1];
    const chart = readFileSync(path.join(dir, 'Chart.yaml'), 'utf8');
    const name = /^name:\s*(\S+)/m.exec(chart)?.[1];
    const version = /^version:\s*(\S+)/m.exec(chart)?.[1];
    const dest = flag('--destination') ?? '.';
    mkdirSync(dest, { recursive: true });
    const tar = spawnSync('tar', ['-czf', path.join(dest, `${name}-${version}.tgz`), '-C', path.dirname(dir), path.basename(dir)]);
    if (tar.status !== 0) fail('helm package failed');
    return;
  }
  if (args[0] === 'registry') {
    readFileSync(0);
    return;
  }
  if (args[0] === 'push') {
    const [, file, remote] = args;
    const base = path.basename(file, '.tgz');
    const match = /^(.*)-(\d[^-]*)$/.exec(base);
    process.stdout.write(`Pushed: ${remote.replace(/^oci:\/\//, '')}/${match[1]}:${match[2]}\nDigest: sha256:${sha256(file)}\n`);
  }
}

// --- mvn: package writes the module's jar under target/ ---
function mvn() {
  log();
  if (args.includes('package')) {
    const pom = readFileSync('pom.xml', 'utf8');
    const id = /<artifactId>([^<]+)<\/artifactId>/.exec(pom)?.[1];
    const version = /<version>([^<]+)<\/version>/.exec(pom)?.[1];
    mkdirSync('target', { recursive: true });
    writeFileSync(path.join('target', `${id}-${version}.jar`), 'jar');
  }
}

// --- cosign: a bundle next to each signed blob ---
function cosign() {
  log();
  if (args[0] === 'sign-blob') {
    // --bundle FILE or --bundle=FILE; the blob is the last argument that is not a flag.
    const bundle = flag('--bundle') ?? args.find((a) => a.startsWith('--bundle='))?.slice('--bundle='.length);
    const file = [...args].reverse().find((a) => !a.startsWith('-'));
    if (!bundle) fail('cosign sign-blob: no --bundle');
    if (!existsSync(file)) fail(`cosign: ${file} does not exist`);
    writeFileSync(bundle, JSON.stringify({ signed: path.basename(file), sha256: sha256(file) }));
  }
}

const handlers = { gh, go, cargo, npm, pipx, helm, mvn, cosign };
if (handlers[tool]) handlers[tool]();
else log();
