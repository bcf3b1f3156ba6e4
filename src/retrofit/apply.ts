// Choosing and writing retrofit changes: safe ones with --yes, every one with --force, or one by
// one after showing the diff. Writes go through the engine's preflight + atomic + rollback path.
import type { ApplyResult, FileChange } from '../apply.js';
import { applyChanges } from '../apply.js';
import { resolveInside } from '../guard.js';
import { unifiedDiff } from '../diff.js';
import type { ProposedChange } from './plan.js';

/** Asks whether to apply one change; gets the diff and an optional warning to show first. */
export type Confirm = (change: ProposedChange, diff: string, warning: string | undefined) => Promise<boolean>;

export interface Selection {
  chosen: ProposedChange[];
  skipped: Array<{ change: ProposedChange; why: string }>;
  warnings: string[];
}

export interface SelectOptions {
  force: boolean;
  /** Paths with uncommitted changes in git. */
  dirty: Set<string>;
  /** Interactive runs ask per change; without it, --yes rules apply. */
  confirm?: Confirm | undefined;
}

export async function selectChanges(changes: ProposedChange[], options: SelectOptions): Promise<Selection> {
  const selection: Selection = { chosen: [], skipped: [], warnings: [] };
  for (const change of changes) {
    const dirty = change.before !== undefined && options.dirty.has(change.path);
    const warning = dirty ? `${change.path} has uncommitted changes; commit or stash them first so this edit can be reviewed on its own` : undefined;
    if (warning) selection.warnings.push(warning);
    if (options.confirm) {
      const yes = await options.confirm(change, unifiedDiff(change.path, change.before, change.after), warning);
      if (yes) selection.chosen.push(change);
      else selection.skipped.push({ change, why: 'you said no' });
    } else if (dirty && !options.force) {
      selection.skipped.push({ change, why: 'has uncommitted changes (commit or stash them, or use --force)' });
    } else if (!change.safe && !options.force) {
      selection.skipped.push({ change, why: change.details[0] ?? 'needs --force' });
    } else selection.chosen.push(change);
  }
  return selection;
}

/** Write the chosen changes all-or-nothing (checked first, atomic per file, rolled back on failure). */
export function writeChanges(root: string, changes: ProposedChange[]): ApplyResult {
  const fileChanges: FileChange[] = changes.map((change) => {
    const fileChange: FileChange = {
      file: { path: change.path, content: change.after, controls: change.controls, reason: change.details.join('; ') },
      kind: change.before === undefined ? 'create' : 'update',
      absolutePath: resolveInside(root, change.path),
    };
    if (change.before !== undefined) fileChange.current = change.before;
    return fileChange;
  });
  return applyChanges(fileChanges, 'overwrite');
}
