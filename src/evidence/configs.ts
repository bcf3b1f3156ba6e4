// Configuration files that decide what a tool a workflow runs really does: golangci-lint runs gosec
// only when its config enables it, GoReleaser signs and writes SBOMs only with `signs:` and
// `sboms:`, chart-releaser signs with GPG only with `sign: true`.
import path from 'node:path';
import { parse } from 'yaml';
import type { EvidenceLocation } from './types.js';
import type { RepoView } from './repo-view.js';
import type { Unit } from './reach.js';

function yamlFile(repo: RepoView, file: string): Record<string, unknown> | undefined {
  return repo.memo(`yaml:${file}`, () => {
    try {
      const value = parse(repo.read(file) ?? '', { uniqueKeys: false }) as unknown;
      return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  });
}

function lineOf(repo: RepoView, file: string, pattern: RegExp): EvidenceLocation {
  const match = repo.grep(file, pattern)[0];
  return match ? { file, line: match.line } : { file };
}

/** The directory a unit runs in (the step's working-directory, else the repository root). */
function unitDir(unit: Unit): string {
  const input = unit.uses ? unit.step?.with['working-directory'] : undefined;
  const dir = (typeof input === 'string' && input) || unit.step?.workingDirectory || unit.job.workingDirectory || '.';
  return path.posix.normalize(dir).replace(/^\.\/?$/, '');
}

/** A `--config` / `-c` / `-f` value given to the tool in the unit's command or action inputs. */
function configArgument(unit: Unit, flags: string[]): string | undefined {
  const texts = [unit.text ?? '', String(unit.step?.with['args'] ?? ''), String(unit.step?.with['config'] ?? '')];
  for (const text of texts) {
    for (const flag of flags) {
      const match = new RegExp(`(?:^|\\s)${flag.replace(/-/g, '\\-')}(?:=|\\s+)([^\\s'"]+)`).exec(text);
      if (match) return match[1];
    }
  }
  const config = unit.step?.with['config'];
  return typeof config === 'string' && config.trim() ? config.trim() : undefined;
}

function firstExisting(repo: RepoView, dir: string, names: string[]): string | undefined {
  for (const name of names) {
    const file = dir ? `${dir}/${name}` : name;
    if (repo.has(file)) return file;
  }
  return dir ? firstExisting(repo, '', names) : undefined;
}

const GOLANGCI = ['.golangci.yml', '.golangci.yaml', '.golangci.toml', '.golangci.json'];

/** Where golangci-lint's config turns gosec on, for a unit that runs golangci-lint. */
export function golangciGosec(repo: RepoView, unit: Unit): EvidenceLocation | undefined {
  // A config path that cannot be resolved here (built from make variables) falls back to the default names.
  const explicit = configArgument(unit, ['--config', '-c']);
  const named = explicit && !explicit.includes('$') ? path.posix.normalize(path.posix.join(unitDir(unit), explicit)) : undefined;
  const file = named && repo.has(named) ? named : firstExisting(repo, unitDir(unit), GOLANGCI);
  if (!file || !repo.has(file)) return undefined;
  const text = repo.read(file) ?? '';
  if (file.endsWith('.toml')) {
    // TOML: enable = ["gosec", ...] or default = "all" / enable-all = true without gosec disabled.
    const disabled = /disable\s*=\s*\[[^\]]*["']gosec["']/.test(text);
    if (/enable\s*=\s*\[[^\]]*["']gosec["']/.test(text)) return lineOf(repo, file, /gosec/);
    if (!disabled && /(enable-all\s*=\s*true|default\s*=\s*["']all["'])/.test(text)) return lineOf(repo, file, /enable-all|default/);
    return undefined;
  }
  const config = yamlFile(repo, file) ?? (() => {
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  })();
  const linters = (config?.['linters'] ?? {}) as Record<string, unknown>;
  const list = (key: string) => (Array.isArray(linters[key]) ? (linters[key] as unknown[]).map(String) : []);
  if (list('disable').includes('gosec')) return undefined;
  if (list('enable').includes('gosec')) return lineOf(repo, file, /\bgosec\b/);
  if (linters['enable-all'] === true) return lineOf(repo, file, /enable-all/);
  if (linters['default'] === 'all') return lineOf(repo, file, /default:\s*all/);
  return undefined;
}

export const GORELEASER_FILES = ['.goreleaser.yml', '.goreleaser.yaml', 'goreleaser.yml', 'goreleaser.yaml'];

export interface GoreleaserSections {
  file: string;
  signs?: EvidenceLocation;
  sboms?: EvidenceLocation;
  /** Sign with cosign (a `cmd: cosign`), else GPG or another command. */
  signTool?: string;
}

/** GoReleaser's config file in a directory (or the root) and its signing and SBOM sections. */
export function goreleaserConfig(repo: RepoView, dir = '', explicit?: string): GoreleaserSections | undefined {
  const file = explicit ? path.posix.normalize(path.posix.join(dir, explicit)) : firstExisting(repo, dir, GORELEASER_FILES);
  if (!file || !repo.has(file)) return undefined;
  const doc = yamlFile(repo, file) ?? {};
  const result: GoreleaserSections = { file };
  const nonEmpty = (key: string) => Array.isArray(doc[key]) && (doc[key] as unknown[]).length > 0;
  if (nonEmpty('sboms')) result.sboms = lineOf(repo, file, /^sboms\s*:/);
  const signKey = ['signs', 'docker_signs', 'binary_signs'].find(nonEmpty);
  if (signKey) {
    result.signs = lineOf(repo, file, new RegExp(`^${signKey}\\s*:`));
    const commands = (doc[signKey] as Array<Record<string, unknown>>).map((entry) => String(entry?.['cmd'] ?? (signKey === 'docker_signs' ? 'cosign' : 'gpg')));
    result.signTool = commands.some((cmd) => /cosign/.test(cmd)) ? 'cosign' : commands.some((cmd) => /gpg/.test(cmd)) ? 'GPG' : commands[0];
  }
  return result;
}

/** For a unit that runs GoReleaser for a release (not a snapshot or a config check). */
export function goreleaserOfUnit(repo: RepoView, unit: Unit): GoreleaserSections | undefined {
  // A real release: the action without snapshot arguments, or a command line `goreleaser release` that is not a snapshot.
  const releases = (args: string) => !/--snapshot\b/.test(args) && !(/\b(check|build|healthcheck)\b/.test(args) && !/\brelease\b/.test(args));
  const ok = unit.uses
    ? releases(String(unit.step?.with['args'] ?? ''))
    : (unit.text ?? '').split('\n').some((line) => /goreleaser/i.test(line) && /\brelease\b|goreleaser\S*\s*$/.test(line) && releases(line));
  if (!ok) return undefined;
  const workdir = String(unit.step?.with['workdir'] ?? '') || unitDir(unit);
  return goreleaserConfig(repo, path.posix.normalize(workdir).replace(/^\.\/?$/, ''), configArgument(unit, ['--config', '-f']));
}

/** chart-releaser's config with `sign: true` (GPG), for a unit that runs it. */
export function chartReleaserSigns(repo: RepoView, unit: Unit): EvidenceLocation | undefined {
  if (unit.text && /\bcr\s+(package|upload)\b[^\n]*--sign\b/.test(unit.text)) return undefined; // the command itself shows it
  const explicit = typeof unit.step?.with['config'] === 'string' ? String(unit.step.with['config']) : undefined;
  const file = explicit ? path.posix.normalize(explicit) : firstExisting(repo, '', ['cr.yaml', '.cr.yaml', '.github/cr.yaml', 'cr.yml']);
  if (!file || !repo.has(file)) return undefined;
  const doc = yamlFile(repo, file);
  return doc?.['sign'] === true ? lineOf(repo, file, /^sign\s*:/) : undefined;
}

const PRE_COMMIT_SECRET_HOOKS = /\bid:\s*(gitleaks|detect-secrets|trufflehog|ggshield|detect-private-key|detect-aws-credentials)\b/;

/** A pre-commit config with a secret-scanning hook, for a unit that runs pre-commit in CI. */
export function preCommitSecretHook(repo: RepoView): EvidenceLocation | undefined {
  const file = repo.findFirst(['.pre-commit-config.yaml', '.pre-commit-config.yml']);
  if (!file || !PRE_COMMIT_SECRET_HOOKS.test(repo.read(file) ?? '')) return undefined;
  return lineOf(repo, file, PRE_COMMIT_SECRET_HOOKS);
}

/** Build scripts that sign published artifacts: Gradle's `signing` plugin, Maven's gpg plugin. */
export function buildSigning(repo: RepoView, unit: Unit): EvidenceLocation | undefined {
  return repo.memo(`build-signing:${/\bmvnw?\b/.test(unit.text ?? '') ? 'maven' : 'gradle'}`, () => {
    const maven = /\bmvnw?\b/.test(unit.text ?? '');
    const candidates = maven ? repo.withExtensions('xml').filter((file) => /(^|\/)pom\.xml$/.test(file)) : repo.withExtensions('gradle', 'kts').filter((file) => /\.gradle(\.kts)?$/.test(file));
    const pattern = maven ? /maven-gpg-plugin|sign-maven-plugin/ : /\bid\s*\(?\s*["']signing["']|apply\s+plugin:\s*['"]signing['"]|^\s*signing\s*\{|\bsigning\s*\{/m;
    for (const file of candidates.slice(0, 400)) {
      if (pattern.test(repo.read(file) ?? '')) return lineOf(repo, file, pattern);
    }
    return undefined;
  });
}

/** JQF fuzz tests (`@RunWith(JQF.class)` / `@Fuzz`) that the normal test run executes. */
export function jqfTests(repo: RepoView): EvidenceLocation | undefined {
  return repo.memo('jqf-tests', () => {
    // Tests of the root module (src/test/...) as well as of sub-modules (core/src/test/...).
    const candidates = repo.withExtensions('java', 'kt').filter((file) => /(^|\/)src\/test\/.+Fuzz[^/]*\.(java|kt)$/i.test(file));
    for (const file of candidates.slice(0, 200)) {
      if (/edu\.berkeley\.cs\.jqf|JQF\.class/.test(repo.read(file) ?? '')) return lineOf(repo, file, /JQF|@Fuzz/);
    }
    return undefined;
  });
}

/** npm publishing with provenance turned on in configuration (package.json publishConfig, .npmrc). */
export function npmProvenanceConfig(repo: RepoView, unit: Unit): EvidenceLocation | undefined {
  const dir = unitDir(unit);
  for (const file of [dir ? `${dir}/.npmrc` : '.npmrc', '.npmrc']) {
    if (repo.has(file) && /^\s*provenance\s*=\s*true\b/m.test(repo.read(file) ?? '')) return lineOf(repo, file, /provenance/);
  }
  const manifest = dir ? `${dir}/package.json` : 'package.json';
  if (repo.has(manifest) && /"publishConfig"\s*:\s*\{[^}]*"provenance"\s*:\s*true/.test(repo.read(manifest) ?? '')) return lineOf(repo, manifest, /"provenance"/);
  return undefined;
}
