import { accessSync, constants, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { PlannedFile } from './model.js';
import { InputError } from './errors.js';
import { resolveInside } from './guard.js';
import { readEditableText } from './read-file.js';
import { writeAllOrNothing } from './safe-write.js';

export type ConflictPolicy = 'skip' | 'overwrite' | 'fail';

export type ChangeKind = 'create' | 'update' | 'unchanged';

export interface FileChange {
  file: PlannedFile;
  kind: ChangeKind;
  /** Current content on disk, when the file exists. */
  current?: string;
  absolutePath: string;
}

export interface ApplyResult {
  written: FileChange[];
  unchanged: FileChange[];
  /** Existing files that differ and were kept (conflict policy "skip"). */
  kept: FileChange[];
}

/** Compare the plan with the disk: what would be created, changed, or is already identical. */
export function diffAgainstDisk(root: string, files: PlannedFile[]): FileChange[] {
  return files.map((file) => {
    const absolutePath = resolveInside(root, file.path);
    const current = readEditableText(absolutePath, file.path);
    if (current === undefined) return { file, kind: 'create', absolutePath };
    return { file, kind: current === file.content ? 'unchanged' : 'update', current, absolutePath };
  });
}

function nearestExistingDir(dir: string): string {
  let current = dir;
  while (!existsSync(current)) {
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return current;
}

/** Find every write that would fail before writing anything, so a run never stops half-way. */
export function preflight(changes: FileChange[]): void {
  const problems: string[] = [];
  for (const change of changes) {
    try {
      if (change.kind === 'update') accessSync(change.absolutePath, constants.W_OK);
      const existingDir = nearestExistingDir(path.dirname(change.absolutePath));
      if (!statSync(existingDir).isDirectory()) {
        problems.push(`${change.file.path}: ${existingDir} is a file, not a directory`);
        continue;
      }
      accessSync(existingDir, constants.W_OK);
    } catch (error) {
      problems.push(`${change.file.path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
  if (problems.length > 0) {
    throw new InputError(`Nothing was written: these files cannot be written (check permissions):\n  ${problems.join('\n  ')}`);
  }
}

/**
 * Write the changes: all checked first, then each file atomically, and everything restored byte for
 * byte if a write still fails part-way (src/safe-write.ts).
 */
export function applyChanges(changes: FileChange[], policy: ConflictPolicy, decide?: (change: FileChange) => boolean): ApplyResult {
  const result: ApplyResult = { written: [], unchanged: [], kept: [] };
  const toWrite: FileChange[] = [];
  for (const change of changes) {
    if (change.kind === 'unchanged') result.unchanged.push(change);
    else if (change.kind === 'create' || change.file.toolOwned || policy === 'overwrite' || decide?.(change)) toWrite.push(change);
    else if (policy === 'fail') {
      throw new InputError(`Nothing was written: ${change.file.path} already exists with different content (use --force to overwrite, or --conflict skip to keep it).`);
    } else result.kept.push(change);
  }
  preflight(toWrite);
  writeAllOrNothing(toWrite.map((change) => ({ absolutePath: change.absolutePath, content: change.file.content, label: change.file.path })));
  const done = toWrite;
  result.written = done;
  return result;
}
