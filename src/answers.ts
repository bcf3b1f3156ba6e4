import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { Answers, Artifact, ChartPublishing, Language, Level, RepoFacts, Repository } from './model.js';
import { UsageError } from './errors.js';
import {
  parseArtifacts,
  parseChartPublishing,
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
  charts?: string | undefined;
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
  /** Earlier answer, else chart-releaser where the repository already publishes an index with it, else OCI. */
  chartPublishing: ChartPublishing;
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
  const projectName = stored?.projectName ?? facts.remote?.name ?? manifestName(facts.root) ?? path.basename(path.resolve(facts.root));
  const defaults: AnswerDefaults = {
    projectName,
    languages: stored?.languages ?? facts.languages,
    level: stored?.level ?? 1,
    compliance: stored?.compliance ?? [],
    artifacts: stored?.artifacts ?? facts.artifacts,
    defaultBranch: stored?.defaultBranch ?? facts.defaultBranch ?? 'main',
    chartPublishing: stored?.chartPublishing ?? (facts.chartReleaser ? 'chart-releaser' : 'oci'),
  };
  const repository = stored?.repository ?? facts.remote;
  if (repository) defaults.repository = repository;
  if (typeof stored?.portal === 'boolean') defaults.portal = stored.portal;
  return defaults;
}

/** Validate flags over the defaults. Every invalid value is a UsageError naming the valid choices. */
export function resolveAnswers(flags: AnswerFlags, defaults: AnswerDefaults): Answers {
  const projectName = validateProjectName(flags.name ?? defaults.projectName);
  const repository = flags.repo ? parseRepository(flags.repo) : defaults.repository;
  if (!repository) {
    throw new UsageError(
      `Cannot tell which GitHub repository this is (no "origin" remote on github.com). Pass --repo owner/name, e.g. --repo my-org/${slugify(projectName)}.`,
    );
  }
  const languages = flags.language?.length ? parseLanguages(flags.language) : defaults.languages;
  if (languages.length === 0) {
    throw new UsageError('No languages detected in this directory. Pass --language with one or more of: go, rust, python, javascript, java-maven, java-gradle, cpp.');
  }
  const level = flags.level ? parseLevel(flags.level) : defaults.level;
  const chartPublishing = flags.charts ? parseChartPublishing(flags.charts) : defaults.chartPublishing;
  const artifacts = flags.artifacts?.length ? parseArtifacts(flags.artifacts) : defaults.artifacts;
  return {
    projectName,
    repository,
    languages,
    level,
    compliance: flags.compliance?.length ? parseCompliance(flags.compliance, PRESET_IDS) : defaults.compliance,
    artifacts,
    defaultBranch: validateBranch(flags.branch ?? defaults.defaultBranch),
    portal: flags.portal ?? defaults.portal ?? level >= 2,
    // Recorded only for projects that release charts, so other answers files stay as they were.
    ...(artifacts.includes('helm-charts') ? { chartPublishing } : {}),
  };
}
