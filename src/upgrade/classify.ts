// The upgrade decision for one generated file, from three versions of it: what is on disk, what
// this tool wrote last time (its stored hash) and what the current templates and pins produce.
import { sha256 } from '../state.js';
import { canCarryMarker, hasMarker } from '../retrofit/markers.js';

export type UpgradeAction =
  /** Nothing to do: the file already is the new content. */
  | 'same'
  /** Not on disk and never generated: create it. */
  | 'create'
  /** The template changed and the user did not edit the file: refresh it. */
  | 'refresh'
  /** The user edited the file and the template did not change: keep the user's version. */
  | 'keep-edited'
  /** Both changed (or no record of what was generated): show the diff, write only with consent. */
  | 'conflict'
  /** Generated before but deleted since: the deletion is respected. */
  | 'deleted'
  /** Exists and was not written by this tool: not ours to upgrade. */
  | 'not-ours';

export interface Versions {
  path: string;
  disk: string | undefined;
  stored: string | undefined;
  next: string;
}

export function classify({ path, disk, stored, next }: Versions): UpgradeAction {
  if (disk === undefined) return stored === undefined ? 'create' : 'deleted';
  if (disk === next) return 'same';
  const diskHash = sha256(disk);
  if (stored === undefined) return hasMarker(disk) ? 'conflict' : 'not-ours';
  if (diskHash === stored) return 'refresh';
  if (canCarryMarker(path) && !hasMarker(disk)) return 'not-ours';
  return sha256(next) === stored ? 'keep-edited' : 'conflict';
}

/** Whether an action writes without asking (the safe ones). */
export function isSafe(action: UpgradeAction): boolean {
  return action === 'create' || action === 'refresh';
}
