// What bin.ts starts before the CLI's modules load, for the commands that open a repository: the
// git queries of detection and the listing of the tree (see git-run.ts). Only when the directory
// is certain from the arguments alone: named right after the command, or none named at all and
// no option given a value. Anything else waits for the command's own parsing, as before.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startGit } from './git-run.js';
import { GIT_INFO_OPTIONS, GIT_INFO_QUERIES } from './git.js';
import { LIST_FILES, LIST_FILES_OPTIONS } from './walk.js';

const OPENS_A_REPOSITORY = new Set(['check', 'retrofit', 'upgrade']);

/** The directory a command line will open, when the arguments alone make it certain. */
export function directoryOf(argv: readonly string[]): string | undefined {
  const [command, first] = argv;
  if (!command || !OPENS_A_REPOSITORY.has(command)) return undefined;
  if (first === undefined) return '.';
  if (!first.startsWith('-')) return first;
  return undefined;
}

/** Starts the git queries for the repository the command line names (nothing outside a git work tree). */
export function prefetchRepository(argv: readonly string[]): void {
  const directory = directoryOf(argv);
  if (directory === undefined) return;
  const root = path.resolve(directory);
  if (!existsSync(path.join(root, '.git'))) return;
  startGit(root, LIST_FILES, LIST_FILES_OPTIONS);
  for (const query of GIT_INFO_QUERIES) startGit(root, query, GIT_INFO_OPTIONS);
}
