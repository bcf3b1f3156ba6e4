// What each action of the generated workflows does to the job, as far as later steps can tell:
// files it writes, outputs, exported variables, artifacts. Facts come from data/action-inputs.json
// where they are recorded there (exported variables); an action without an emulator fails the run,
// so the harness never silently skips one.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { actionFacts } from '../helpers/action-facts.js';
import { goreleaser } from './goreleaser.js';

export interface ActionContext {
  workspace: string;
  repo: string;
  ref: string;
  store: string;
  temp: string;
  job: string;
  events: Array<{ kind: string; [key: string]: unknown }>;
  exportEnv: (key: string, value: string) => void;
  runTool: (tool: string, args: string[]) => { ok: boolean; output: string };
}

export interface Emitted {
  ok: boolean;
  outputs: Record<string, string>;
  message?: string;
}

const ok = (outputs: Record<string, string> = {}): Emitted => ({ ok: true, outputs });
const failed = (message: string): Emitted => ({ ok: false, outputs: {}, message });

/** Files under a directory, relative to it. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true }).map(String).filter((f) => statSync(path.join(dir, f)).isFile());
}

/** A path input relative to the workspace; `dist/*` style globs match one directory level. */
function expand(workspace: string, pattern: string): string[] {
  const full = path.join(workspace, pattern);
  if (!pattern.includes('*')) return existsSync(full) ? [full] : [];
  const dir = path.dirname(full);
  const re = new RegExp(`^${path.basename(full).replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return existsSync(dir) ? readdirSync(dir).filter((f) => re.test(f)).map((f) => path.join(dir, f)) : [];
}

function checkout(w: Record<string, string>, c: ActionContext): Emitted {
  const depth = w['fetch-depth'] ?? '1';
  const args = ['clone', '-q', '--no-local', ...(depth === '0' ? [] : ['--depth', depth]), `file://${c.repo}`, c.workspace];
  rmrf(c.workspace);
  const ran = spawnSync('git', args, { encoding: 'utf8' });
  if (ran.status !== 0) return failed(ran.stderr);
  if (c.ref.startsWith('refs/tags/')) spawnSync('git', ['-c', 'advice.detachedHead=false', 'checkout', '-q', c.ref.slice('refs/tags/'.length)], { cwd: c.workspace });
  return ok();
}

function rmrf(dir: string): void {
  spawnSync('rm', ['-rf', dir]);
  mkdirSync(dir, { recursive: true });
}

function setupGo(w: Record<string, string>, c: ActionContext): Emitted {
  for (const [key, value] of Object.entries(actionFacts()['actions/setup-go']?.exportsEnv ?? {})) {
    if (key !== 'source') c.exportEnv(key, value);
  }
  let version = w['go-version'] === 'stable' ? '1.26.0' : (w['go-version'] ?? '');
  if (w['go-version-file']) {
    const file = path.join(c.workspace, w['go-version-file']);
    if (!existsSync(file)) return failed(`The specified go version file at: ${file} does not exist`);
    version = /^go (\d+(\.\d+)*)/m.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
  }
  if (!version) return failed('setup-go: no version');
  c.exportEnv('HARNESS_GO_VERSION', version);
  return ok({ 'go-version': version });
}

function uploadArtifact(w: Record<string, string>, c: ActionContext): Emitted {
  const name = w['name'] ?? 'artifact';
  const target = path.join(c.store, name);
  // upload-artifact v4 and later: an artifact name can be used once per workflow run.
  if (existsSync(target)) return failed(`Failed to CreateArtifact: an artifact with this name already exists on the workflow run: ${name}`);
  // Each line is a path or a one-level glob (dist/*.tar.gz).
  const sources = (w['path'] ?? '').split('\n').map((p) => p.trim()).filter(Boolean).flatMap((p) => (p.includes('*') ? expand(c.workspace, p).map((f) => path.relative(c.workspace, f)) : [p]));
  let count = 0;
  for (const source of sources) {
    const full = path.join(c.workspace, source);
    if (!existsSync(full)) continue;
    mkdirSync(target, { recursive: true });
    if (statSync(full).isDirectory()) {
      cpSync(full, target, { recursive: true });
      count += filesUnder(full).length;
    } else {
      cpSync(full, path.join(target, path.basename(full)));
      count += 1;
    }
  }
  c.events.push({ kind: 'upload-artifact', job: c.job, name, count });
  if (count === 0 && (w['if-no-files-found'] ?? 'warn') === 'error') return failed(`No files were found with the provided path: ${w['path']}`);
  return ok();
}

function downloadArtifact(w: Record<string, string>, c: ActionContext): Emitted {
  const dest = path.join(c.workspace, w['path'] ?? '.');
  const names = existsSync(c.store) ? readdirSync(c.store) : [];
  const pattern = w['pattern'];
  const selected = w['name'] ? names.filter((n) => n === w['name']) : pattern ? names.filter((n) => new RegExp(`^${pattern.replace(/\*/g, '.*')}$`).test(n)) : names;
  if (w['name'] && selected.length === 0) return failed(`Artifact not found: ${w['name']}`);
  const merge = w['name'] !== undefined || w['merge-multiple'] === 'true';
  for (const name of selected) {
    const into = merge ? dest : path.join(dest, name);
    for (const file of filesUnder(path.join(c.store, name))) {
      const target = path.join(into, file);
      if (existsSync(target)) c.events.push({ kind: 'artifact-overwrite', job: c.job, artifact: name, file });
      mkdirSync(path.dirname(target), { recursive: true });
      cpSync(path.join(c.store, name, file), target);
    }
  }
  return ok();
}

function sbom(w: Record<string, string>, c: ActionContext): Emitted {
  if (!w['path'] && !w['image'] && !w['file']) return failed('sbom-action: nothing to catalogue');
  const out = w['output-file'];
  if (out) {
    mkdirSync(path.dirname(path.join(c.workspace, out)), { recursive: true });
    writeFileSync(path.join(c.workspace, out), JSON.stringify({ format: w['format'], subject: w['path'] ?? w['image'] }));
  }
  c.events.push({ kind: 'sbom', job: c.job, ...w });
  return ok();
}

function attest(w: Record<string, string>, c: ActionContext): Emitted {
  if (w['subject-checksums']) {
    // One subject per line of a sha256sum-style file.
    const file = path.join(c.workspace, w['subject-checksums']);
    if (!existsSync(file)) return failed(`Could not find subject checksums file ${w['subject-checksums']}`);
    const subjects = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => l.split(/\s+/)[1] ?? '');
    if (subjects.length === 0) return failed('No subjects in the checksums file');
    c.events.push({ kind: 'attest', job: c.job, subjects });
  } else if (w['subject-path']) {
    const subjects = expand(c.workspace, w['subject-path']);
    if (subjects.length === 0) return failed(`Could not find subject at path ${w['subject-path']}`);
    c.events.push({ kind: 'attest', job: c.job, subjects: subjects.map((s) => path.basename(s)) });
  } else {
    c.events.push({ kind: 'attest', job: c.job, subject: `${w['subject-name']}@${w['subject-digest']}`, pushToRegistry: w['push-to-registry'] });
  }
  return ok({ 'bundle-path': path.join(c.temp, 'attestation.json') });
}

function buildPush(w: Record<string, string>, c: ActionContext): Emitted {
  const context = path.join(c.workspace, w['context'] ?? '.');
  if (!existsSync(path.join(context, w['file'] ?? 'Dockerfile'))) return failed(`ERROR: failed to read dockerfile: open Dockerfile: no such file or directory`);
  const digest = `sha256:${createHash('sha256').update(`${w['tags']}`).digest('hex')}`;
  c.events.push({ kind: 'image', job: c.job, push: w['push'], tags: w['tags'] });
  return ok({ digest, imageid: digest });
}

/** SLSA generic generator: signs provenance for the subjects, keeps it as an artifact, and can upload it to the release. */
function slsaGeneric(w: Record<string, string>, c: ActionContext): Emitted {
  const subjects = Buffer.from(w['base64-subjects'] ?? '', 'base64').toString('utf8').trim();
  if (!subjects) return failed('slsa generator: no subjects');
  const name = w['provenance-name'] || (subjects.split('\n').length > 1 ? 'multiple.intoto.jsonl' : `${subjects.split(/\s+/)[1]}.intoto.jsonl`);
  const dir = path.join(c.store, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, name), JSON.stringify({ subjects: subjects.split('\n') }));
  c.events.push({ kind: 'slsa', job: c.job, name, uploadAssets: w['upload-assets'] });
  if (w['upload-assets'] === 'true') {
    // Its upload-assets job attaches the provenance to the tag's release (softprops/action-gh-release).
    const file = path.join(c.temp, name);
    writeFileSync(file, JSON.stringify({ subjects }));
    const tag = c.ref.replace(/^refs\/tags\//, '');
    const ran = c.runTool('gh', ['release', 'upload', tag, file, '--repo', 'acme/widget', '--clobber']);
    if (!ran.ok) return failed(ran.output);
  }
  return ok({ 'provenance-name': name });
}

const recordOnly = (w: Record<string, string>, c: ActionContext, uses: string): Emitted => {
  c.events.push({ kind: 'action', job: c.job, uses, with: w });
  return ok();
};

const EMULATORS: Record<string, (w: Record<string, string>, c: ActionContext, uses: string) => Emitted> = {
  'actions/checkout': checkout,
  'actions/setup-go': setupGo,
  'actions/upload-artifact': uploadArtifact,
  'actions/download-artifact': downloadArtifact,
  'anchore/sbom-action': sbom,
  'actions/attest-build-provenance': attest,
  'docker/build-push-action': buildPush,
  'docker/metadata-action': (w) => ok({ tags: `${w['images']}:1.2.3`, labels: '' }),
  'slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml': slsaGeneric,
  'goreleaser/goreleaser-action': goreleaser,
  // Set up a tool the stand-ins or the machine already provide, or act outside this job's files.
  'actions/setup-node': recordOnly,
  'actions/setup-python': recordOnly,
  'actions/setup-java': recordOnly,
  'dtolnay/rust-toolchain': recordOnly,
  'sigstore/cosign-installer': recordOnly,
  'anchore/sbom-action/download-syft': recordOnly,
  'helm/chart-releaser-action': recordOnly,
  'step-security/harden-runner': recordOnly,
  'docker/setup-qemu-action': recordOnly,
  'docker/setup-buildx-action': recordOnly,
  'docker/login-action': recordOnly,
  'github/codeql-action/init': recordOnly,
  'github/codeql-action/analyze': recordOnly,
  'github/codeql-action/upload-sarif': recordOnly,
  'actions/dependency-review-action': recordOnly,
  'ossf/scorecard-action': recordOnly,
  'anchore/scan-action': recordOnly,
  'EmbarkStudios/cargo-deny-action': cargoDeny,
  'google/osv-scanner-action/.github/workflows/osv-scanner-reusable.yml': recordOnly,
  'google/osv-scanner-action/.github/workflows/osv-scanner-reusable-pr.yml': recordOnly,
};

/**
 * cargo-deny-action is a Docker action: its command line is runs.args of its action.yml at the
 * pinned commit (--log-level, --manifest-path, then `arguments`, `command`, `command-arguments`),
 * word-split by its entrypoint (`cargo-deny $*`). Recorded as a call of cargo-deny.
 */
function cargoDeny(w: Record<string, string>, c: ActionContext): Emitted {
  const inputs = actionFacts()['EmbarkStudios/cargo-deny-action']!.inputs;
  const value = (key: string) => w[key] ?? inputs[key]?.default ?? '';
  const argv = ['--log-level', value('log-level'), '--manifest-path', value('manifest-path'), value('arguments'), value('command'), value('command-arguments')].join(' ').split(/\s+/).filter(Boolean);
  c.events.push({ kind: 'call', job: c.job, tool: 'cargo-deny', args: argv });
  const manifest = path.join(c.workspace, value('manifest-path'));
  if (!existsSync(manifest)) return failed(`cargo-deny: ${manifest} does not exist`);
  if (argv.filter((a) => a === '--manifest-path').length > 1) return failed("error: the argument '--manifest-path <PATH>' cannot be used multiple times");
  return ok();
}

export function emulate(uses: string, withValues: Record<string, string>, context: ActionContext): Emitted {
  const name = uses.replace(/@.*$/, '');
  const emulator = EMULATORS[name];
  if (!emulator) return failed(`No emulator for ${name}: add one to test/harness/emulators.ts`);
  return emulator(withValues, context, name);
}
