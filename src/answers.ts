import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { Answers, Artifact, Language, Level, RepoFacts, Repository } from './model.js';
import { UsageError } from './errors.js';
import {
  parseArtifacts,
  parseCompliance,
  parseLanguages,
  parseLevel,
  parseRepository,
  slugify,
  validateBranch,
  validateProjectName,
} from './validate.js';
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
}

function manifestName(root: string): string | undefined {
  try {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name?: unknown };
    return typeof pkg.name === 'string' && pkg.name ? pkg.name : undefined;
  } catch {
    return undefined;
  }
}

export function answerDefaults(facts: RepoFacts): AnswerDefaults {
  const stored = facts.stored?.answers;
  const manifest = manifestName(facts.root);
  const [projectName, projectNameFrom] = stored?.projectName
    ? ([stored.projectName, 'stored'] as const)
    : facts.remote?.name
      ? ([facts.remote.name, 'remote'] as const)
      : manifest
        ? ([manifest, 'manifest'] as const)
        : ([path.basename(path.resolve(facts.root)), 'directory'] as const);
  const defaults: AnswerDefaults = {
    projectName,
    projectNameFrom,
    languages: stored?.languages ?? facts.languages,
    level: stored?.level ?? 1,
    compliance: stored?.compliance ?? [],
    artifacts: stored?.artifacts ?? facts.artifacts,
    defaultBranch: stored?.defaultBranch ?? facts.defaultBranch ?? 'main',
  };
  const repository = stored?.repository ?? facts.remote;
  if (repository) defaults.repository = repository;
  if (typeof stored?.portal === 'boolean') defaults.portal = stored.portal;
  return defaults;
}

/** The project name to offer: an earlier answer, else the name of the repository given, else the detected one. */
export function defaultProjectName(defaults: AnswerDefaults, given?: Repository): string {
  return given && defaults.projectNameFrom !== 'stored' ? given.name : defaults.projectName;
}

/**
 * Validate flags over the defaults. Every invalid or missing value is reported at once, in one
 * UsageError naming the valid choices, so a first run learns everything it needs in one go.
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
  const repository = flags.repo ? attempt(() => parseRepository(flags.repo as string)) : defaults.repository;
  const projectName = attempt(() => validateProjectName(flags.name ?? defaultProjectName(defaults, flags.repo ? repository : undefined)));
  if (!repository && !flags.repo) {
    problems.push(
      `Cannot tell which GitHub repository this is (no "origin" remote on github.com). Pass --repo owner/name, e.g. --repo my-org/${slugify(projectName ?? defaults.projectName)}.`,
    );
  }
  const languages = flags.language?.length ? attempt(() => parseLanguages(flags.language as string[])) : defaults.languages;
  if (languages?.length === 0) {
    problems.push('No languages detected in this directory. Pass --language with one or more of: go, rust, python, javascript, java-maven, java-gradle, cpp.');
  }
  const level = flags.level ? attempt(() => parseLevel(flags.level as string)) : defaults.level;
  const compliance = flags.compliance?.length ? attempt(() => parseCompliance(flags.compliance as string[], PRESET_IDS)) : defaults.compliance;
  const artifacts = flags.artifacts?.length ? attempt(() => parseArtifacts(flags.artifacts as string[])) : defaults.artifacts;
  const defaultBranch = attempt(() => validateBranch(flags.branch ?? defaults.defaultBranch));
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
