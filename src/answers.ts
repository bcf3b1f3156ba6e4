import path from 'node:path';
import type { Answers, Artifact, ChartPublishing, Language, Level, RepoFacts, Repository, SecurityCommitments } from './model.js';
import { UsageError } from './errors.js';
import {
  parseArtifacts,
  parseChartPublishing,
  parseCompliance,
  parseLanguages,
  parseLevel,
  slugify,
} from './validate.js';
import { ANSWER_FIELDS, validateFrom, type AnswerField } from './answers-schema.js';
import { readRegularFile } from './read-file.js';
import { PRESET_IDS } from './presets.js';

/** Values given on the command line, unvalidated. */
export interface AnswerFlags {
  name?: string | undefined;
  repo?: string | undefined;
  language?: string[] | undefined;
  level?: string | undefined;
  compliance?: string[] | undefined;
  artifacts?: string[] | undefined;
  branch?: string | undefined;
  portal?: boolean | undefined;
  charts?: string | undefined;
  /** Working days to acknowledge a report, or "none" (SECURITY.md states no number). */
  ackDays?: string | number | undefined;
  /** Days to fix critical and high severity issues, or "none". */
  fixDays?: string | number | undefined;
}

/** Defaults for every question: earlier answers first, then what detection found, then fallbacks. */
export interface AnswerDefaults {
  projectName: string;
  /** Where projectName came from: a repository given by flag or prompt names the project unless an earlier answer or package.json did. */
  projectNameFrom?: 'stored' | 'remote' | 'manifest' | 'directory';
  repository?: Repository;
  languages: Language[];
  level: Level;
  compliance: string[];
  artifacts: Artifact[];
  defaultBranch: string;
  /**
   * Undefined: decided by the level (portal metadata by default from level 2). False for an
   * existing repository without earlier answers: there the portal files are opt-in.
   */
  portal?: boolean;
  /**
   * Where each default came from when it was not validated yet (detection: the origin remote,
   * package.json, HEAD). resolveAnswers checks these with the flag's validator and names the source.
   */
  sources?: Partial<Record<AnswerField, string>>;
  /** Earlier answer, else chart-releaser where the repository already publishes an index with it, else OCI. */
  chartPublishing: ChartPublishing;
  /**
   * The commitments SECURITY.md states: earlier answers, else none (no number nobody chose).
   * Undefined only for answers stored before the question existed: they keep their wording.
   */
  policy?: SecurityCommitments;
}

function manifestName(root: string): string | undefined {
  try {
    const text = readRegularFile(path.join(root, 'package.json'), 1024 * 1024);
    const pkg = text === undefined ? undefined : (JSON.parse(text) as { name?: unknown });
    return typeof pkg?.name === 'string' && pkg.name ? pkg.name : undefined;
  } catch {
    return undefined;
  }
}

/** Stored answers are validated when the state file is read (src/state.ts); detected values are not yet. */
export function answerDefaults(facts: RepoFacts): AnswerDefaults {
  const stored = facts.stored?.answers;
  const sources: Partial<Record<AnswerField, string>> = {};
  let projectName = stored?.projectName;
  let projectNameFrom: NonNullable<AnswerDefaults['projectNameFrom']> = 'stored';
  if (projectName === undefined && facts.remote) {
    [projectName, sources.projectName, projectNameFrom] = [facts.remote.name, 'the "origin" remote', 'remote'];
  }
  if (projectName === undefined) {
    const fromManifest = manifestName(facts.root);
    if (fromManifest !== undefined) [projectName, sources.projectName, projectNameFrom] = [fromManifest, 'package.json ("name")', 'manifest'];
  }
  if (projectName === undefined) [projectName, sources.projectName, projectNameFrom] = [path.basename(path.resolve(facts.root)), 'the directory name', 'directory'];
  let defaultBranch = stored?.defaultBranch;
  if (defaultBranch === undefined && facts.defaultBranch !== undefined) [defaultBranch, sources.defaultBranch] = [facts.defaultBranch, "git (origin's HEAD, else the current branch)"];
  const defaults: AnswerDefaults = {
    projectName,
    projectNameFrom,
    languages: stored?.languages ?? facts.languages,
    level: stored?.level ?? 1,
    compliance: stored?.compliance ?? [],
    artifacts: stored?.artifacts ?? facts.artifacts,
    defaultBranch: defaultBranch ?? 'main',
    sources,
    chartPublishing: stored?.chartPublishing ?? (facts.chartReleaser ? 'chart-releaser' : 'oci'),
  };
  const repository = stored?.repository ?? facts.remote;
  if (!stored?.repository && facts.remote) sources.repository = `the "origin" remote (${facts.remoteUrl ?? `${facts.remote.owner}/${facts.remote.name}`})`;
  if (repository) defaults.repository = repository;
  if (typeof stored?.portal === 'boolean') defaults.portal = stored.portal;
  // An existing repository gets developer-portal files only when asked (--portal, a yes at the
  // prompt, an earlier answer): most projects run no Backstage, and a catalog entry or a TechDocs
  // site they do not use is a change maintainers reject. New projects keep the level's default
  // (so does `create` in a directory without commit history: src/retrofit/context.ts).
  else if (!stored && !facts.isEmpty) defaults.portal = false;
  const policy = stored ? stored.policy : {};
  if (policy) defaults.policy = policy;
  return defaults;
}

/** A repository given by flag or prompt names the project when only the remote or the directory did. */
function repositoryNamesProject(defaults: AnswerDefaults): boolean {
  return defaults.projectNameFrom === 'remote' || defaults.projectNameFrom === 'directory';
}

/** The project name to offer: an earlier answer, else the name of the repository given, else the detected one. */
export function defaultProjectName(defaults: AnswerDefaults, given?: Repository): string {
  return given && repositoryNamesProject(defaults) ? given.name : defaults.projectName;
}

/**
 * One answer: the flag when it was given (even as an empty string: `--repo ''` is an error, not
 * "use the default"), else the default, validated with the same rules and naming its source.
 */
export function resolveField<K extends AnswerField>(field: K, flag: unknown, fallback: Answers[K] | undefined, defaults: Pick<AnswerDefaults, 'sources'>): Answers[K] | undefined {
  if (flag !== undefined) return ANSWER_FIELDS[field].parse(flag);
  const source = defaults.sources?.[field];
  if (fallback === undefined || source === undefined) return fallback;
  return validateFrom(field, field === 'repository' ? `${(fallback as Repository).owner}/${(fallback as Repository).name}` : fallback, source);
}

/**
 * Validate flags over the defaults with the same rules as stored answers. Every invalid or missing
 * value is reported at once, in one UsageError naming the valid choices, so a first run learns
 * everything it needs in one go.
 */
export function resolveAnswers(flags: AnswerFlags, defaults: AnswerDefaults): Answers {
  const problems: string[] = [];
  const attempt = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      problems.push(error.message);
      return undefined;
    }
  };
  const repository = attempt(() => resolveField('repository', flags.repo, defaults.repository, defaults));
  // A repository named by flag names the project too, unless an earlier answer or package.json named it.
  const nameFromRepo = flags.name === undefined && flags.repo !== undefined && repository && repositoryNamesProject(defaults) ? repository.name : undefined;
  const projectName = attempt(() => resolveField('projectName', flags.name ?? nameFromRepo, defaults.projectName, defaults));
  if (!repository && flags.repo === undefined) {
    problems.push(
      `Cannot tell which GitHub repository this is (no "origin" remote on github.com). Pass --repo owner/name, e.g. --repo my-org/${slugify(projectName ?? defaults.projectName)}.`,
    );
  }
  const languages = flags.language !== undefined ? attempt(() => parseLanguages(flags.language as string[])) : defaults.languages;
  if (languages?.length === 0) {
    problems.push('No languages detected in this directory. Pass --language with one or more of: go, rust, python, javascript, java-maven, java-gradle, cpp.');
  }
  const level = flags.level !== undefined ? attempt(() => parseLevel(flags.level as string)) : defaults.level;
  const compliance = flags.compliance !== undefined ? attempt(() => parseCompliance(flags.compliance as string[], PRESET_IDS)) : defaults.compliance;
  const artifacts = flags.artifacts !== undefined ? attempt(() => parseArtifacts(flags.artifacts as string[])) : defaults.artifacts;
  const chartPublishing = flags.charts !== undefined ? attempt(() => parseChartPublishing(flags.charts as string)) : defaults.chartPublishing;
  const defaultBranch = attempt(() => resolveField('defaultBranch', flags.branch, defaults.defaultBranch, defaults));
  const policy = attempt(() => resolvePolicy(flags, defaults.policy));
  if (problems.length === 1) throw new UsageError(problems[0]);
  if (problems.length > 1) throw new UsageError(`${problems.length} answers are missing or invalid:\n  - ${problems.join('\n  - ')}`);
  return {
    projectName: projectName as string,
    repository: repository as Repository,
    languages: languages as Language[],
    level: level as Level,
    compliance: compliance as string[],
    artifacts: artifacts as Artifact[],
    defaultBranch: defaultBranch as string,
    portal: flags.portal ?? defaults.portal ?? (level as Level) >= 2,
    // Recorded only for projects that release charts, so other answers files stay as they were.
    ...(artifacts?.includes('helm-charts') ? { chartPublishing: chartPublishing as ChartPublishing } : {}),
    ...(policy ? { policy } : {}),
  };
}

/** Days from a flag or prompt: a whole number from 1 to 365, or "none" (undefined: state no number). */
export function parseCommitmentDays(flag: string, value: string | number): number | undefined {
  if (typeof value === 'string' && value.trim().toLowerCase() === 'none') return undefined;
  const n = typeof value === 'number' ? value : /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > 365) throw new UsageError(`${flag} must be a whole number of days from 1 to 365, or none, got "${String(value)}".`);
  return n;
}

/** The earlier commitments with each one given by flag or prompt replaced ("none" removes it). */
function resolvePolicy(flags: AnswerFlags, earlier: SecurityCommitments | undefined): SecurityCommitments | undefined {
  if (flags.ackDays === undefined && flags.fixDays === undefined) return earlier;
  const policy: SecurityCommitments = { ...earlier };
  const given: Array<[keyof SecurityCommitments, string, string | number | undefined]> = [
    ['acknowledgeDays', '--ack-days', flags.ackDays],
    ['fixDays', '--fix-days', flags.fixDays],
  ];
  for (const [key, flag, value] of given) {
    if (value === undefined) continue;
    const days = parseCommitmentDays(flag, value);
    if (days === undefined) delete policy[key];
    else policy[key] = days;
  }
  return policy;
}
