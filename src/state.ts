import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Answers, StoredState } from './model.js';
import { InputError, UsageError } from './errors.js';
import { readEditableText } from './read-file.js';
import { ANSWER_FIELDS, type AnswerField } from './answers-schema.js';

export const STATE_FILE = '.secure-cncf.json';

export function sha256(content: string): string {
  return createHash('sha256').update(content).digest('hex');
}

function invalid(field: string, problem: string): InputError {
  return new InputError(`${STATE_FILE}: ${field} ${problem} Fix it (or delete ${STATE_FILE} to answer again) and run again; nothing was written.`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const STORED_TYPES: Partial<Record<AnswerField, { name: string; test: (value: unknown) => boolean }>> = {
  languages: { name: 'a list', test: Array.isArray },
  compliance: { name: 'a list', test: Array.isArray },
  artifacts: { name: 'a list', test: Array.isArray },
  level: { name: 'a number (1, 2 or 3)', test: (value) => typeof value === 'number' },
};

/**
 * The state file's content checked field by field: every answer with the validator of the flag it
 * stands for (src/answers-schema.ts), the file hashes as repository-relative paths with SHA-256
 * values. Unknown answer keys are refused too: a file this tool did not write is not trusted.
 */
export function validateState(parsed: unknown): StoredState {
  if (!isObject(parsed)) throw invalid('the top level', `is ${parsed === null ? 'null' : Array.isArray(parsed) ? 'a list' : typeof parsed}, expected an object with schemaVersion 1.`);
  if (parsed['schemaVersion'] !== 1) throw invalid('schemaVersion', `is ${JSON.stringify(parsed['schemaVersion'])}; this version reads schemaVersion 1.`);
  const rawAnswers = parsed['answers'];
  if (!isObject(rawAnswers)) throw invalid('answers', 'is missing or not an object.');
  const answers: Partial<Answers> = {};
  for (const key of Object.keys(rawAnswers)) {
    if (!(key in ANSWER_FIELDS)) throw invalid(`answers.${key}`, `is not an answer this tool stores (valid: ${Object.keys(ANSWER_FIELDS).join(', ')}).`);
  }
  for (const field of Object.keys(ANSWER_FIELDS) as AnswerField[]) {
    const value = rawAnswers[field];
    if (value === undefined) continue; // an answer not stored is asked or detected again
    // This tool stores lists as JSON arrays and the level as a number; another type was not written by it.
    const storedType = STORED_TYPES[field];
    if (storedType && !storedType.test(value)) {
      throw invalid(`answers.${field}`, `is invalid: expected ${storedType.name}, got ${Array.isArray(value) ? 'a list' : value === null ? 'null' : typeof value} ${JSON.stringify(value)}.`);
    }
    try {
      (answers as Record<string, unknown>)[field] = ANSWER_FIELDS[field].parse(value);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      throw invalid(`answers.${field}`, `is invalid (what ${ANSWER_FIELDS[field].flag} would refuse): ${error.message}`);
    }
  }
  const files = parsed['files'] ?? {};
  if (!isObject(files)) throw invalid('files', 'is not an object of path -> sha256.');
  for (const [file, hash] of Object.entries(files)) {
    const unsafe = file === '' || path.isAbsolute(file) || file.split(/[\\/]/).includes('..') || file.includes('\0');
    if (unsafe) throw invalid(`files[${JSON.stringify(file)}]`, 'is not a repository-relative path.');
    if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) throw invalid(`files[${JSON.stringify(file)}]`, 'is not a SHA-256 hex digest.');
  }
  const generatedOn = parsed['generatedOn'];
  if (generatedOn !== undefined && (typeof generatedOn !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(generatedOn) || Number.isNaN(Date.parse(generatedOn)))) {
    throw invalid('generatedOn', `is ${JSON.stringify(generatedOn)}, expected a date as YYYY-MM-DD.`);
  }
  const generator = parsed['generator'];
  if (generator !== undefined && !(isObject(generator) && typeof generator['name'] === 'string' && typeof generator['version'] === 'string')) {
    throw invalid('generator', 'is not { "name": string, "version": string }.');
  }
  const state: StoredState = {
    schemaVersion: 1,
    generator: (generator as StoredState['generator'] | undefined) ?? { name: 'unknown', version: 'unknown' },
    answers: answers as Answers,
    files: files as Record<string, string>,
  };
  if (generatedOn !== undefined) state.generatedOn = generatedOn as string;
  return state;
}

/** The answers and file hashes of an earlier run, or undefined when there is none. */
export function readState(root: string): StoredState | undefined {
  const text = readEditableText(path.join(root, STATE_FILE), STATE_FILE);
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${STATE_FILE} is not valid JSON (${(error as Error).message}). Fix or delete it and run again.`);
  }
  return validateState(parsed);
}

export function serializeState(generator: StoredState['generator'], answers: Answers, files: Record<string, string>, generatedOn?: string, merged?: Record<string, string>): string {
  const state: StoredState = { schemaVersion: 1, generator, answers, ...(generatedOn ? { generatedOn } : {}), files, ...(merged && Object.keys(merged).length ? { merged } : {}) };
  return `${JSON.stringify(state, null, 2)}\n`;
}
