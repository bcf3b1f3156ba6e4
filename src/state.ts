import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Answers, StoredState } from './model.js';
import { InputError } from './errors.js';

export const STATE_FILE = '.secure-cncf.json';

export function sha256(content: string): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The answers and file hashes of an earlier run, or undefined when there is none. */
export function readState(root: string): StoredState | undefined {
  const file = path.join(root, STATE_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${STATE_FILE} is not valid JSON (${(error as Error).message}). Fix or delete it and run again.`);
  }
  const state = parsed as Partial<StoredState>;
  if (state.schemaVersion !== 1 || typeof state.answers !== 'object' || state.answers === null) {
    throw new InputError(`${STATE_FILE} has an unknown format (expected schemaVersion 1 with "answers"). Fix or delete it and run again.`);
  }
  return { files: {}, ...state } as StoredState;
}

export function serializeState(generator: StoredState['generator'], answers: Answers, files: Record<string, string>, generatedOn?: string, merged?: Record<string, string>): string {
  const state: StoredState = { schemaVersion: 1, generator, answers, ...(generatedOn ? { generatedOn } : {}), files, ...(merged && Object.keys(merged).length ? { merged } : {}) };
  return `${JSON.stringify(state, null, 2)}\n`;
}
