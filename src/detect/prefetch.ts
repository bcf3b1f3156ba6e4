// What bin.ts starts before the CLI's modules load, for the commands that open a repository: the
// listing of the tree (see git-listing.ts), so git lists it on another core meanwhile. Only when
// the directory is certain from the arguments alone: named right after the command, or no
// arguments after the command at all. Anything else waits for the command's own parsing.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startGitListing } from './git-listing.js';

const OPENS_A_REPOSITORY = new Set(['check', 'retrofit', 'upgrade']);

/** The directory a command line will open, when the arguments alone make it certain. */
export function directoryOf(argv: readonly string[]): string | undefined {
  const [command, first] = argv;
  if (!command || !OPENS_A_REPOSITORY.has(command)) return undefined;
  if (first === undefined) return '.';
  if (!first.startsWith('-')) return first;
  return undefined;
}

/** Starts listing the repository the command line names (nothing outside a git work tree). */
export function prefetchRepository(argv: readonly string[]): void {
  const directory = directoryOf(argv);
  if (directory === undefined) return;
  const root = path.resolve(directory);
  if (!existsSync(path.join(root, '.git'))) return;
  startGitListing(root);
}
