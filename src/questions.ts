// The generator's questions as data: the Yeoman front end asks them, and tests (and the
// Backstage template) check themselves against this single list.
import { ARTIFACTS, LANGUAGES, LANGUAGE_LABELS, LEVELS, LEVEL_NAMES, type Answers } from './model.js';
import { defaultProjectName, type AnswerDefaults, type AnswerFlags } from './answers.js';
import { PRESET_IDS, loadPresets, requiredControlIds } from './presets.js';
import { parseLevel, parseRepository, validateBranch, validateProjectName } from './validate.js';
import { CATALOG } from './catalog/index.js';

export type PromptAnswers = Record<string, unknown>;

export interface Question {
  type: 'input' | 'checkbox' | 'select' | 'confirm';
  name: keyof AnswerFlags;
  message: string;
  default?: unknown;
  choices?: Array<{ name: string; value: string | number; checked?: boolean }>;
  validate?: (value: unknown) => true | string;
  /** Asked only when this says so (given the answers so far). */
  when?: (answers: PromptAnswers) => boolean;
}

/** Controls that build or check release artifacts: the artifacts question matters only when one is selected. */
const RELEASE_CONTROLS = ['release-signing', 'container-scanning', 'admission-policy'];

/** Whether the chosen level or compliance presets include a control that uses the release artifacts. */
export function needsReleases(level: number, compliance: readonly string[]): boolean {
  if (CATALOG.some((c) => RELEASE_CONTROLS.includes(c.id) && c.level <= level)) return true;
  const ids = compliance.flatMap((c) => c.split(',')).map((c) => c.trim()).filter((c) => (PRESET_IDS as readonly string[]).includes(c));
  const required = requiredControlIds(ids, CATALOG);
  return RELEASE_CONTROLS.some((id) => required.has(id));
}

function presetLabel(id: string): string {
  const title = loadPresets().find((p) => p.id === id)?.title;
  return title ? `${title} (${id})` : id;
}

function check(fn: () => unknown): true | string {
  try {
    fn();
    return true;
  } catch (error) {
    return (error as Error).message;
  }
}

const LEVEL_HINTS: Record<number, string> = {
  1: 'OSPS Baseline level 1: CodeQL, Scorecard, dependency review, vulnerability and secret scans, Dependabot, SECURITY.md',
  2: 'OSPS Baseline level 2: adds signed releases with SBOMs and provenance, rulesets, Security Insights',
  3: 'OSPS Baseline level 3: adds SLSA L3 provenance, image scanning, fuzzing, threat model, admission policy',
};

/** The commitment questions: asked only when SECURITY.md will be written. */
export const POLICY_QUESTIONS: ReadonlyArray<keyof AnswerFlags> = ['ackDays', 'fixDays'];

/** Offered numbers of days; the first choice states none, and an earlier answer is always offered. */
function dayChoices(offered: number[], earlier: number | undefined, unit: string): NonNullable<Question['choices']> {
  const days = [...new Set([...offered, ...(earlier ? [earlier] : [])])].sort((a, b) => a - b);
  return [
    { name: 'No numbers: SECURITY.md says what happens after a report, without a deadline', value: 'none' },
    ...days.map((d) => ({ name: `${d} ${unit}`, value: d })),
  ];
}

export interface QuestionContext {
  /** Whether SECURITY.md will be written (a new project, or a retrofit that plans it); unknown: asked. */
  securityPolicy?: boolean | undefined;
}

/** The questions still open after the flags; each has the detected or stored default. */
export function questions(defaults: AnswerDefaults, flags: AnswerFlags, context: QuestionContext = {}): Question[] {
  const writesPolicy = () => context.securityPolicy ?? true;
  const givenRepository = (answers: PromptAnswers) => {
    const repo = (answers['repo'] as string | undefined) ?? flags.repo;
    if (repo === undefined) return undefined;
    try {
      return parseRepository(repo);
    } catch {
      return undefined;
    }
  };
  const level = (answers: PromptAnswers) => {
    const value = answers['level'] ?? flags.level;
    try {
      return value === undefined ? defaults.level : parseLevel(String(value));
    } catch {
      return defaults.level;
    }
  };
  const all: Question[] = [
    {
      type: 'input',
      name: 'repo',
      message: 'GitHub repository (owner/name or its URL)',
      default: defaults.repository ? `${defaults.repository.owner}/${defaults.repository.name}` : undefined,
      validate: (v) => check(() => parseRepository(String(v))),
    },
    {
      type: 'input',
      name: 'name',
      message: 'Project name',
      default: (answers: PromptAnswers) => defaultProjectName(defaults, givenRepository(answers)),
      validate: (v) => check(() => validateProjectName(String(v))),
    },
    {
      type: 'checkbox',
      name: 'language',
      message: 'Languages',
      choices: LANGUAGES.map((l) => ({ name: LANGUAGE_LABELS[l], value: l, checked: defaults.languages.includes(l) })),
      validate: (v) => (Array.isArray(v) && v.length > 0 ? true : 'Choose at least one language.'),
    },
    {
      type: 'select',
      name: 'level',
      message: 'Maturity level',
      default: defaults.level,
      choices: LEVELS.map((l) => ({ name: `${LEVEL_NAMES[l]} (${LEVEL_HINTS[l]})`, value: l })),
    },
    {
      type: 'checkbox',
      name: 'compliance',
      message: 'Compliance targets (optional)',
      choices: PRESET_IDS.map((id) => ({ name: presetLabel(id), value: id, checked: defaults.compliance.includes(id) })),
    },
    {
      type: 'checkbox',
      name: 'artifacts',
      message: 'Release artifacts (signed, with SBOMs and provenance)',
      choices: ARTIFACTS.map((a) => ({ name: a, value: a, checked: defaults.artifacts.includes(a) })),
      when: (answers) => needsReleases(level(answers), (answers['compliance'] as string[] | undefined) ?? flags.compliance ?? defaults.compliance),
    },
    {
      type: 'select',
      name: 'charts',
      message: 'Publish Helm charts',
      default: defaults.chartPublishing,
      choices: [
        { name: 'OCI artifacts in GHCR, signed with cosign', value: 'oci' },
        { name: 'chart-releaser (GitHub Pages index.yaml)', value: 'chart-releaser' },
      ],
      when: (answers) => ((answers['artifacts'] as string[] | undefined) ?? defaults.artifacts).includes('helm-charts'),
    },
    {
      type: 'confirm',
      name: 'portal',
      message: 'Developer-portal metadata (Backstage catalog-info.yaml, TechDocs)?',
      default: defaults.portal ?? ((answers: PromptAnswers) => level(answers) >= 2),
    },
    { type: 'input', name: 'branch', message: 'Default branch', default: defaults.defaultBranch, validate: (v) => check(() => validateBranch(String(v))) },
    {
      type: 'select',
      name: 'ackDays',
      message: 'SECURITY.md: acknowledge a vulnerability report within',
      default: defaults.policy?.acknowledgeDays ?? 'none',
      choices: dayChoices([2, 3, 5, 10], defaults.policy?.acknowledgeDays, 'working days'),
      when: writesPolicy,
    },
    {
      type: 'select',
      name: 'fixDays',
      message: 'SECURITY.md: fix or mitigate critical and high severity issues within',
      default: defaults.policy?.fixDays ?? 'none',
      choices: dayChoices([14, 30, 60, 90], defaults.policy?.fixDays, 'days'),
      when: writesPolicy,
    },
  ];
  return all.filter((q) => flags[q.name] === undefined);
}

/** Turn prompt answers into flag-shaped values so one validator handles both. */
export function promptAnswersToFlags(raw: Record<string, unknown>, flags: AnswerFlags): AnswerFlags {
  const list = (value: unknown): string[] | undefined => (Array.isArray(value) ? (value.length ? value.map(String) : ['none']) : undefined);
  const result: AnswerFlags = { ...flags };
  if (raw['name'] !== undefined) result.name = String(raw['name']);
  if (raw['repo'] !== undefined) result.repo = String(raw['repo']);
  if (raw['language'] !== undefined) result.language = (raw['language'] as unknown[]).map(String);
  if (raw['level'] !== undefined) result.level = String(raw['level']);
  if (raw['compliance'] !== undefined) result.compliance = list(raw['compliance']);
  if (raw['artifacts'] !== undefined) result.artifacts = list(raw['artifacts']);
  if (raw['branch'] !== undefined) result.branch = String(raw['branch']);
  if (typeof raw['portal'] === 'boolean') result.portal = raw['portal'];
  if (typeof raw['charts'] === 'string') result.charts = raw['charts'];
  for (const key of ['ackDays', 'fixDays'] as const) {
    const value = raw[key];
    if (typeof value === 'number' || typeof value === 'string') result[key] = value;
  }
  return result;
}

export type { Answers };
