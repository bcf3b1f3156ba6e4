// Pins refreshed by `secure-cncf pins --update` that are newer than the package's table. They are
// kept in the repository so that `upgrade` and `retrofit` do not move generated workflows back
// to the older pins the package shipped with; a newer package wins again once it catches up.
import path from 'node:path';
import type { PinTable } from '../pins.js';
import { InputError } from '../errors.js';
import { compareVersions, parseVersion } from './semver.js';
import { readEditableText } from '../read-file.js';
import { repinWorkflow } from './repin.js';

export const PIN_OVERRIDES_FILE = '.github/secure-cncf-pins.json';

export interface PinOverrides {
  resolvedOn: string;
  actions: Record<string, { tag: string; sha: string }>;
}

function invalid(problem: string): InputError {
  return new InputError(`${PIN_OVERRIDES_FILE}: ${problem}; fix or delete it (secure-cncf pins --update writes it again). Nothing was written.`);
}

/** The repository's refreshed pins, checked entry by entry (a hand-edited file is not trusted). */
export function readPinOverrides(root: string): PinOverrides | undefined {
  const text = readEditableText(path.join(root, PIN_OVERRIDES_FILE), PIN_OVERRIDES_FILE);
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw invalid(`not valid JSON (${(error as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalid('the top level is not an object');
  const { resolvedOn, actions } = parsed as Record<string, unknown>;
  if (typeof actions !== 'object' || actions === null || Array.isArray(actions)) throw invalid('no "actions" object');
  if (resolvedOn !== undefined && typeof resolvedOn !== 'string') throw invalid('"resolvedOn" is not a string');
  for (const [name, pin] of Object.entries(actions)) {
    const field = `actions[${JSON.stringify(name)}]`;
    if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(\/[A-Za-z0-9_./-]+)?$/.test(name)) throw invalid(`${field} is not an action name (owner/repo[/path])`);
    if (typeof pin !== 'object' || pin === null) throw invalid(`${field} is not { "tag": "vX.Y.Z", "sha": "<40 hex>" }`);
    const { tag, sha } = pin as Record<string, unknown>;
    if (typeof tag !== 'string' || !parseVersion(tag)) throw invalid(`${field}.tag is ${JSON.stringify(tag)}, expected a version tag such as "v4.2.1"`);
    if (typeof sha !== 'string' || !/^[0-9a-f]{40}$/.test(sha)) throw invalid(`${field}.sha is ${JSON.stringify(sha)}, expected a full 40-character commit SHA`);
  }
  return { resolvedOn: typeof resolvedOn === 'string' ? resolvedOn : '', actions: actions as PinOverrides['actions'] };
}

export function serializeOverrides(overrides: PinOverrides): string {
  const actions = Object.fromEntries(Object.entries(overrides.actions).sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify({ resolvedOn: overrides.resolvedOn, actions }, null, 2)}\n`;
}

/** The package's table with every strictly newer override of the same major applied. */
export function effectiveTable(base: PinTable, overrides: PinOverrides | undefined): PinTable {
  if (!overrides) return base;
  const actions = { ...base.actions };
  for (const [name, pin] of Object.entries(overrides.actions)) {
    const current = actions[name];
    if (!current?.tag || !/^[0-9a-f]{40}$/.test(pin.sha)) continue;
    if (compareVersions(pin.tag, current.tag) > 0 && pin.tag.split('.')[0] === current.tag.split('.')[0]) {
      actions[name] = { ...current, tag: pin.tag, sha: pin.sha };
    }
  }
  return { ...base, actions };
}

/** Move references written from `base` to the pins of `table` (used on freshly rendered workflows). */
export function applyTable(file: string, text: string, base: PinTable, table: PinTable): string {
  if (table === base) return text;
  return repinWorkflow(file, text, (site) => {
    const before = base.actions[site.name];
    const after = table.actions[site.name];
    if (!before || !after || after === before || site.ref !== (before.pinBy === 'tag' ? before.tag : before.sha)) return undefined;
    return after.pinBy === 'tag' ? { value: `${site.name}@${after.tag}` } : { value: `${site.name}@${after.sha}`, comment: after.tag ?? undefined };
  }).after;
}
