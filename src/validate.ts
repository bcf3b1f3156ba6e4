import { ARTIFACTS, LANGUAGES, LEVELS, LEVEL_NAMES, type Artifact, type Language, type Level } from './model.js';
import { UsageError } from './errors.js';
import { parseGitHubRemote } from './detect/git.js';

const LANGUAGE_ALIASES: Record<string, Language> = {
  go: 'go',
  golang: 'go',
  rust: 'rust',
  python: 'python',
  py: 'python',
  javascript: 'javascript',
  typescript: 'javascript',
  js: 'javascript',
  ts: 'javascript',
  node: 'javascript',
  'java-maven': 'java-maven',
  maven: 'java-maven',
  'java-gradle': 'java-gradle',
  gradle: 'java-gradle',
  kotlin: 'java-gradle',
  cpp: 'cpp',
  'c++': 'cpp',
  c: 'cpp',
  'c-cpp': 'cpp',
};

const ARTIFACT_ALIASES: Record<string, Artifact> = {
  binaries: 'binaries',
  binary: 'binaries',
  'container-images': 'container-images',
  containers: 'container-images',
  images: 'container-images',
  container: 'container-images',
  'helm-charts': 'helm-charts',
  helm: 'helm-charts',
  charts: 'helm-charts',
  libraries: 'libraries',
  library: 'libraries',
};

function splitList(value: string | string[]): string[] {
  const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(','));
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

export function parseLanguages(value: string | string[]): Language[] {
  const result = splitList(value).map((raw) => {
    const found = LANGUAGE_ALIASES[raw.toLowerCase()];
    if (!found) {
      throw new UsageError(`Unknown language "${raw}". Valid languages: ${LANGUAGES.join(', ')}.`);
    }
    return found;
  });
  if (result.length === 0) throw new UsageError(`--language needs at least one of: ${LANGUAGES.join(', ')}.`);
  return unique(result);
}

/** "none" alone means an empty list; with other values it is a mistake, and so is a list of empty strings. */
function noneOrList(raw: string[], value: string | string[], flag: string, choices: readonly string[]): boolean {
  const given = Array.isArray(value) ? value.length > 0 : true;
  if (raw.length === 0 && given) throw new UsageError(`${flag} is empty. Give one or more of: ${choices.join(', ')}, or "none".`);
  const none = raw.filter((item) => item.toLowerCase() === 'none');
  if (none.length > 0 && raw.length > none.length) {
    throw new UsageError(`${flag} combines "none" with ${raw.filter((item) => item.toLowerCase() !== 'none').join(', ')}; give either "none" or a list of: ${choices.join(', ')}.`);
  }
  return none.length > 0;
}

export function parseArtifacts(value: string | string[]): Artifact[] {
  const raw = splitList(value);
  if (noneOrList(raw, value, '--artifacts', ARTIFACTS)) return [];
  return unique(
    raw.map((item) => {
      const found = ARTIFACT_ALIASES[item.toLowerCase()];
      if (!found) {
        throw new UsageError(`Unknown release artifact "${item}". Valid artifacts: ${ARTIFACTS.join(', ')} (or "none").`);
      }
      return found;
    }),
  );
}

export function parseLevel(value: string): Level {
  const raw = value.trim().toLowerCase();
  for (const level of LEVELS) {
    if (raw === String(level) || raw === LEVEL_NAMES[level]) return level;
  }
  const choices = LEVELS.map((l) => `${l} (${LEVEL_NAMES[l]})`).join(', ');
  throw new UsageError(`Unknown level "${value}". Valid levels: ${choices}.`);
}

export function parseCompliance(value: string | string[], known: readonly string[]): string[] {
  const raw = splitList(value);
  if (noneOrList(raw, value, '--compliance', known)) return [];
  return unique(
    raw.map((item) => {
      const id = item.toLowerCase();
      if (!known.includes(id)) {
        throw new UsageError(`Unknown compliance preset "${item}". Valid presets: ${known.join(', ')} (or "none").`);
      }
      return id;
    }),
  );
}

// Control characters (including newlines) would break every format the name lands in, and
// no real project uses them; everything else is allowed and escaped per format.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export function validateProjectName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw new UsageError('The project name is empty. Give a name with --name.');
  if (trimmed.length > 100) throw new UsageError(`The project name is ${trimmed.length} characters long; the limit is 100.`);
  if (CONTROL_CHARS.test(trimmed)) {
    throw new UsageError('The project name contains control characters (such as a newline or tab); use printable characters only.');
  }
  return trimmed;
}

// GitHub's own rules: owners are 1-39 alphanumerics or single hyphens; repository names use
// letters, digits, '.', '-' and '_' and cannot be "." or "..".
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const REPO = /^[A-Za-z0-9._-]{1,100}$/;

export function parseRepository(value: string): { owner: string; name: string } {
  // A URL copied from the browser or from `git remote -v` names the same repository.
  const url = /^(?:https?:|ssh:|git:|git@)/i.test(value.trim()) ? parseGitHubRemote(value) : undefined;
  if (url) return parseRepository(`${url.owner}/${url.name}`);
  const match = /^([^/]+)\/([^/]+)$/.exec(value.trim());
  const owner = match?.[1] ?? '';
  const name = (match?.[2] ?? '').replace(/\.git$/, '');
  if (!match || !OWNER.test(owner) || !REPO.test(name) || name === '.' || name === '..') {
    throw new UsageError(
      `"${value}" is not a GitHub repository slug. Use owner/name, e.g. my-org/my-project, or its github.com URL (owner: letters, digits and single hyphens; name: letters, digits, '.', '-' and '_').`,
    );
  }
  return { owner, name };
}

/** A conservative subset of git's ref-name rules, enough to keep the value safe in YAML and shell-free contexts. */
export function validateBranch(value: string): string {
  const branch = value.trim();
  const valid =
    /^[A-Za-z0-9._/-]+$/.test(branch) &&
    !branch.startsWith('-') &&
    !branch.startsWith('/') &&
    !branch.endsWith('/') &&
    !branch.endsWith('.lock') &&
    !branch.includes('..') &&
    !branch.includes('//');
  if (!valid) {
    throw new UsageError(
      `"${value}" is not a valid branch name. Use letters, digits, '.', '_', '-' and '/', e.g. main.`,
    );
  }
  return branch;
}

/** Names that only make sense as a directory default: lower-case, safe characters. */
export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return slug.length > 0 ? slug.slice(0, 100) : 'project';
}
