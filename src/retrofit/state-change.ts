// The state file after a retrofit or upgrade: hashes of what this tool wrote (or found identical),
// the stored hash kept for generated files the user edited, nothing for files that are the user's.
import { isDeepStrictEqual } from 'node:util';
import type { Answers, StoredState } from '../model.js';
import { STATE_FILE, serializeState } from '../state.js';
import { generatorInfo } from '../version.js';
import type { ProposedChange } from './plan.js';

export interface HashRecord {
  path: string;
  next: string;
  stored: string | undefined;
}

/**
 * The state file change, or undefined when the stored answers and hashes are already right (a
 * newer generator version alone is not a reason to touch the file).
 */
export function stateChange(
  answers: Answers,
  stored: StoredState | undefined,
  storedText: string | undefined,
  records: HashRecord[],
  nowGenerated: Set<string>,
  generatedOn?: string,
  merged: Record<string, string> = {},
): ProposedChange | undefined {
  const files: Record<string, string> = { ...(stored?.files ?? {}) };
  for (const record of records) {
    if (nowGenerated.has(record.path)) files[record.path] = record.next;
    else if (record.stored === undefined) delete files[record.path];
  }
  const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
  const date = stored?.generatedOn ?? generatedOn;
  const aliases = { ...(stored?.merged ?? {}), ...merged };
  if (stored && isDeepStrictEqual(stored.answers, answers) && isDeepStrictEqual(stored.files, sorted) && stored.generatedOn === date && isDeepStrictEqual(stored.merged ?? {}, aliases)) return undefined;
  const after = serializeState(generatorInfo(), answers, sorted, date, aliases);
  if (after === storedText) return undefined;
  return {
    path: STATE_FILE,
    before: storedText,
    after,
    action: storedText === undefined ? 'create' : 'refresh',
    details: ['your answers and the hashes of the generated files'],
    controls: [],
    safe: true,
  };
}
