// Report files (`check -o`, `survey -o`): the path is checked before any work is done (a survey
// of many repositories should not fail at the very end), and written atomically.
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors.js';
import { writeAllOrNothing } from './safe-write.js';

function code(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

/** The absolute output path, or a UsageError saying why the report could not be written there. */
export function checkOutputPath(file: string, flag = '--output'): string {
  if (file.trim() === '') throw new UsageError(`${flag} is empty; give a file name.`);
  const absolute = path.resolve(file);
  let existing;
  try {
    existing = statSync(absolute);
  } catch {
    existing = undefined;
  }
  if (existing?.isDirectory()) throw new UsageError(`${flag} ${file} is a directory; give a file name (e.g. ${path.join(file, 'report.txt')}).`);
  if (existing && !existing.isFile()) throw new UsageError(`${flag} ${file} is not a regular file; give a file name.`);
  const dir = path.dirname(absolute);
  let dirStat;
  try {
    dirStat = statSync(dir);
  } catch {
    throw new UsageError(`${flag} ${file}: the directory ${dir} does not exist; create it first.`);
  }
  if (!dirStat.isDirectory()) throw new UsageError(`${flag} ${file}: ${dir} is not a directory.`);
  try {
    accessSync(dir, constants.W_OK);
    if (existing) accessSync(absolute, constants.W_OK);
  } catch (error) {
    throw new UsageError(`${flag} ${file} cannot be written (${code(error) === 'EROFS' ? 'read-only file system' : 'permission denied'}, ${code(error)}).`);
  }
  return absolute;
}

/** Write a report to a checked path, all-or-nothing. */
export function writeOutputFile(absolute: string, text: string, label: string): void {
  writeAllOrNothing([{ absolutePath: absolute, content: text, label }]);
}
