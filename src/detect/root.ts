// GitHub runs only the workflows at the root of a repository, so the generator must write there.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';

/** The git work tree holding `directory` (it may not exist yet): the nearest ancestor with `.git`. */
export function repositoryRoot(directory: string): string | undefined {
  let current = path.resolve(directory);
  for (;;) {
    if (existsSync(path.join(current, '.git'))) return current;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/**
 * The directory to generate into. Without a directory argument, the root of the repository the
 * current directory is in. A directory argument inside a repository but not its root is refused:
 * workflows written there would never run.
 */
export function targetDirectory(given: string | undefined, cwd: string = process.cwd()): string {
  const directory = path.resolve(cwd, given ?? '.');
  const root = repositoryRoot(directory);
  if (root === undefined || root === directory) return directory;
  if (given === undefined) return root;
  const inside = path.relative(root, directory);
  throw new UsageError(
    `${directory} is inside the git repository ${root} (at ${inside}/), and GitHub runs only the workflows at a repository's root. ` +
      `Nothing was written. Run it on the root: secure-cncf ${JSON.stringify(path.relative(cwd, root) || '.')}` +
      `${existsSync(directory) ? '' : `, or make ${inside} its own repository first (git init ${JSON.stringify(path.relative(cwd, directory))})`}.`,
  );
}
