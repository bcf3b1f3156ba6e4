// One schema for answers. Every answer, wherever it comes from (a flag, a prompt, the state file
// .secure-cncf.json, or detection: the origin remote, package.json, HEAD), goes through the same
// validator, so no source can carry a value a flag would refuse (a phishing URL as an owner, a
// level 7, a path as a compliance preset). A failure names the field, where the value came from
// and the flag that overrides it.
import { ARTIFACTS, LANGUAGES, type Answers, type Repository } from './model.js';
import { UsageError } from './errors.js';
import { parseArtifacts, parseChartPublishing, parseCompliance, parseLanguages, parseLevel, parseRepository, validateBranch, validateProjectName } from './validate.js';
import { PRESET_IDS } from './presets.js';

export type AnswerField = keyof Answers;

interface FieldSpec<K extends AnswerField> {
  /** The flag that sets this answer (named in every message about it). */
  flag: string;
  /** Validate a value of any JSON type; throws UsageError with the flag's message. */
  parse: (value: unknown) => Answers[K];
}

/** A short, printable rendering of a rejected value (never the whole of a 300-character name). */
export function shown(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : value === undefined ? 'undefined' : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function typeError(expected: string, value: unknown): UsageError {
  const kind = value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value;
  return new UsageError(`expected ${expected}, got ${kind} ${shown(value)}.`);
}

function stringList(value: unknown, expected: string): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw typeError(expected, value);
}

function repository(value: unknown): Repository {
  if (typeof value === 'string') return parseRepository(value);
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const { owner, name, ...rest } = value as Record<string, unknown>;
    if (typeof owner === 'string' && typeof name === 'string' && Object.keys(rest).length === 0) {
      const parsed = parseRepository(`${owner}/${name}`);
      if (parsed.name !== name) throw new UsageError(`"${owner}/${name}" is not a GitHub repository slug (the name ends in .git).`);
      return parsed;
    }
  }
  throw typeError('{ "owner": string, "name": string }', value);
}

export const ANSWER_FIELDS: { [K in AnswerField]: FieldSpec<K> } = {
  projectName: {
    flag: '--name',
    parse: (v) => {
      if (typeof v !== 'string') throw typeError('a string', v);
      return validateProjectName(v);
    },
  },
  repository: { flag: '--repo', parse: repository },
  languages: {
    flag: '--language',
    parse: (v) => parseLanguages(stringList(v, `a list of: ${LANGUAGES.join(', ')}`)),
  },
  level: {
    flag: '--level',
    parse: (v) => {
      if (typeof v !== 'number' && typeof v !== 'string') throw typeError('1, 2 or 3', v);
      return parseLevel(String(v));
    },
  },
  compliance: {
    flag: '--compliance',
    // An empty list is a valid answer ("none"); a list naming an unknown preset is not.
    parse: (v) => {
      const list = stringList(v, `a list of: ${PRESET_IDS.join(', ')}`);
      return list.length === 0 ? [] : parseCompliance(list, PRESET_IDS);
    },
  },
  artifacts: {
    flag: '--artifacts',
    parse: (v) => {
      const list = stringList(v, `a list of: ${ARTIFACTS.join(', ')}`);
      return list.length === 0 ? [] : parseArtifacts(list);
    },
  },
  defaultBranch: {
    flag: '--branch',
    parse: (v) => {
      if (typeof v !== 'string') throw typeError('a string', v);
      return validateBranch(v);
    },
  },
  chartPublishing: {
    flag: '--charts',
    parse: (v) => {
      if (typeof v !== 'string') throw typeError('a string', v);
      return parseChartPublishing(v);
    },
  },
  policy: {
    flag: '--ack-days / --fix-days',
    parse: (v) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw typeError('{ "acknowledgeDays"?: number, "fixDays"?: number }', v);
      const result: { acknowledgeDays?: number; fixDays?: number } = {};
      for (const [key, value] of Object.entries(v as Record<string, unknown>)) {
        if (key !== 'acknowledgeDays' && key !== 'fixDays') throw new UsageError(`policy.${key} is not a commitment this tool stores (valid: acknowledgeDays, fixDays).`);
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 365) throw new UsageError(`policy.${key} must be a whole number of days from 1 to 365, got ${JSON.stringify(value)}.`);
        result[key] = value;
      }
      return result;
    },
  },
  portal: {
    flag: '--portal / --no-portal',
    parse: (v) => {
      if (typeof v !== 'boolean') throw typeError('true or false', v);
      return v;
    },
  },
};

export const ANSWER_LABELS: Record<AnswerField, string> = {
  projectName: 'project name',
  repository: 'GitHub repository',
  languages: 'languages',
  level: 'level',
  compliance: 'compliance presets',
  chartPublishing: 'chart publishing',
  policy: 'security policy commitments',
  artifacts: 'release artifacts',
  defaultBranch: 'default branch',
  portal: 'portal setting',
};

/**
 * Validate a value that did not come from its flag. `source` says where it came from ("the
 * "origin" remote", "package.json", ".secure-cncf.json"); the error names it and the flag.
 */
export function validateFrom<K extends AnswerField>(field: K, value: unknown, source: string): Answers[K] {
  const spec = ANSWER_FIELDS[field];
  try {
    return spec.parse(value);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    throw new UsageError(`The ${ANSWER_LABELS[field]} ${shown(value)} from ${source} cannot be used: ${error.message} Pass ${spec.flag} to set it.`);
  }
}
