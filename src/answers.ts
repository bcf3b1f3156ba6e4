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
  if (projectName === undefined && facts.remote) [projectName, sources.projectName] = [facts.remote.name, 'the "origin" remote'];
  if (projectName === undefined) {
    const fromManifest = manifestName(facts.root);
    if (fromManifest !== undefined) [projectName, sources.projectName] = [fromManifest, 'package.json ("name")'];
  }
  if (projectName === undefined) [projectName, sources.projectName] = [path.basename(path.resolve(facts.root)), 'the directory name'];
  let defaultBranch = stored?.defaultBranch;
  if (defaultBranch === undefined && facts.defaultBranch !== undefined) [defaultBranch, sources.defaultBranch] = [facts.defaultBranch, "git (origin's HEAD, else the current branch)"];
  const defaults: AnswerDefaults = {
    projectName,
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

/** Validate flags over the defaults. Every invalid value is a UsageError naming the valid choices. */
export function resolveAnswers(flags: AnswerFlags, defaults: AnswerDefaults): Answers {
  const projectName = resolveField('projectName', flags.name, defaults.projectName, defaults) as string;
  const repository = resolveField('repository', flags.repo, defaults.repository, defaults);
  if (!repository) {
    throw new UsageError(
      `Cannot tell which GitHub repository this is (no "origin" remote on github.com). Pass --repo owner/name, e.g. --repo my-org/${slugify(projectName)}.`,
    );
  }
  const languages = flags.language !== undefined ? parseLanguages(flags.language) : defaults.languages;
  if (languages.length === 0) {
    throw new UsageError('No languages detected in this directory. Pass --language with one or more of: go, rust, python, javascript, java-maven, java-gradle, cpp.');
  }
  const level = flags.level !== undefined ? parseLevel(flags.level) : defaults.level;
  return {
    projectName,
    repository,
    languages,
    level,
    compliance: flags.compliance !== undefined ? parseCompliance(flags.compliance, PRESET_IDS) : defaults.compliance,
    artifacts: flags.artifacts !== undefined ? parseArtifacts(flags.artifacts) : defaults.artifacts,
    defaultBranch: resolveField('defaultBranch', flags.branch, defaults.defaultBranch, defaults) as string,
    portal: flags.portal ?? defaults.portal ?? level >= 2,
  };
}
