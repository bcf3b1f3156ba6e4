import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir } from './paths.js';

export interface ActionPin {
  tag: string | null;
  sha: string;
  kind: 'action' | 'reusable-workflow';
  pinBy: 'sha' | 'tag';
  runsUsing: string | null;
  /** Set where tag is null: the branch whose head is sha (an action that publishes no release tags). */
  branch?: string;
  staleSnapshot?: boolean;
  notes?: string;
}

export interface PinTable {
  resolvedOn: string;
  actions: Record<string, ActionPin>;
}

let cached: PinTable | undefined;

export function loadPins(file = path.join(dataDir, 'action-pins.json')): PinTable {
  if (cached && file === path.join(dataDir, 'action-pins.json')) return cached;
  const table = JSON.parse(readFileSync(file, 'utf8')) as PinTable;
  if (file === path.join(dataDir, 'action-pins.json')) cached = table;
  return table;
}

/** Whether the table has a pin for `name` that templates may use (present and not marked stale). */
export function pinUsable(name: string, table: PinTable = loadPins()): boolean {
  const pin = table.actions[name];
  return Boolean(pin && !pin.staleSnapshot);
}

/**
 * The `uses:` value for an action or reusable workflow, exactly as the pin table says it must be
 * referenced: `owner/repo@<sha> # vX.Y.Z` (Dependabot and Renovate update both together), or the
 * full tag for actions that must be referenced by tag (the SLSA generator's verifier checks it).
 */
export function usesRef(name: string, table: PinTable = loadPins()): string {
  const pin = table.actions[name];
  if (!pin) throw new Error(`No pin for "${name}" in the pin table; add it to data/action-pins.json first.`);
  if (pin.staleSnapshot) throw new Error(`The pin for "${name}" is marked stale; refresh it before use.`);
  if (pin.pinBy === 'tag') {
    if (!pin.tag) throw new Error(`"${name}" must be referenced by tag but has none in the pin table.`);
    return `${name}@${pin.tag}`;
  }
  if (!/^[0-9a-f]{40}$/.test(pin.sha)) throw new Error(`The pin for "${name}" is not a full commit SHA.`);
  // The comment names what the SHA was resolved from, so readers and update bots can follow it.
  const ref = pin.tag ?? pin.branch;
  if (!ref) throw new Error(`The pin for "${name}" names neither a tag nor a branch.`);
  return `${name}@${pin.sha} # ${ref}`;
}
