import path from 'node:path';
import type { Answers, Artifact, Language, Level, RepoFacts, Repository } from './model.js';
import { UsageError } from './errors.js';
import {
  parseArtifacts,
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
}

/** Defaults for every question: earlier answers first, then what detection found, then fallbacks. */
export interface AnswerDefaults {
  projectName: string;
  /** Where projectName came from: a repository given by flag or prompt names the project unless an earlier answer did. */
  projectNameFrom?: 'stored' | 'remote' | 'manifest' | 'directory';
  repository?: Repository;
  languages: Language[];
  level: Level;
  compliance: string[];
  artifacts: Artifact[];
  defaultBranch: string;
  /** Undefined: decided by the level (portal metadata by default from level 2). */
  portal?: boolean;
  /**
   * Where each default came from when it was not validated yet (detection: the origin remote,
   * package.json, HEAD). resolveAnswers checks these with the flag's validator and names the source.
   */
  sources?: Partial<Record<AnswerField, string>>;
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
  };
  const repository = stored?.repository ?? facts.remote;
  if (!stored?.repository && facts.remote) sources.repository = `the "origin" remote (${facts.remoteUrl ?? `${facts.remote.owner}/${facts.remote.name}`})`;
  if (repository) defaults.repository = repository;
  if (typeof stored?.portal === 'boolean') defaults.portal = stored.portal;
  return defaults;
}

/** The project name to offer: an earlier answer, else the name of the repository given, else the detected one. */
export function defaultProjectName(defaults: AnswerDefaults, given?: Repository): string {
  return given && defaults.projectNameFrom !== 'stored' ? given.name : defaults.projectName;
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
  // A repository named by flag names the project too, unless an earlier answer named it.
  const nameFromRepo = flags.name === undefined && flags.repo !== undefined && repository && defaults.projectNameFrom !== 'stored' ? repository.name : undefined;
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
  const defaultBranch = attempt(() => resolveField('defaultBranch', flags.branch, defaults.defaultBranch, defaults));
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
  };
}
