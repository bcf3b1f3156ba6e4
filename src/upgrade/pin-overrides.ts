// Pins refreshed by `secure-cncf pins --update` that are newer than the package's table. They are
// kept in the repository so that `upgrade` and `retrofit` do not move generated workflows back
// to the older pins the package shipped with; a newer package wins again once it catches up.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PinTable } from '../pins.js';
import { InputError } from '../errors.js';
import { compareVersions } from './semver.js';
import { repinWorkflow } from './repin.js';

export const PIN_OVERRIDES_FILE = '.github/secure-cncf-pins.json';

export interface PinOverrides {
  resolvedOn: string;
  actions: Record<string, { tag: string; sha: string }>;
}

export function readPinOverrides(root: string): PinOverrides | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(root, PIN_OVERRIDES_FILE), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as PinOverrides;
    if (typeof parsed.actions !== 'object' || parsed.actions === null) throw new Error('no "actions" object');
    return parsed;
  } catch (error) {
    throw new InputError(`${PIN_OVERRIDES_FILE} cannot be read (${(error as Error).message}); fix or delete it (secure-cncf pins --update writes it again).`);
  }
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
