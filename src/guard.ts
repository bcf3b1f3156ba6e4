import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { InputError } from './errors.js';

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Resolve a repository-relative path for writing, refusing anything that would land outside the
 * repository: absolute paths, `..` segments, a symlink as the file itself, or a symlinked
 * directory on the way that points out of the tree.
 */
export function resolveInside(root: string, relativePath: string): string {
  if (path.isAbsolute(relativePath) || relativePath.split(/[\\/]/).includes('..')) {
    throw new InputError(`Refusing to write ${relativePath}: the path leaves the repository root.`);
  }
  const realRoot = safeRealpath(root) ?? path.resolve(root);
  const target = path.resolve(root, relativePath);
  const segments = path.relative(path.resolve(root), target).split(path.sep);
  let current = path.resolve(root);
  for (let i = 0; i < segments.length; i++) {
    current = path.join(current, segments[i] as string);
    let stat;
    try {
      stat = lstatSync(current);
    } catch {
      break; // does not exist yet: nothing below it can be a link
    }
    if (stat.isSymbolicLink()) {
      const isLast = i === segments.length - 1;
      const real = safeRealpath(current);
      const broken = real ? undefined : linkProblem(current);
      if (isLast) {
        throw new InputError(`Refusing to write ${relativePath}: it is a symbolic link${broken ? ` (${broken})` : ''}; replace it with a regular file or remove it.`);
      }
      if (broken) throw new InputError(`Refusing to write ${relativePath}: ${path.relative(root, current)} is a symbolic link that ${broken}.`);
      if (!real || !isInside(realRoot, real)) {
        throw new InputError(
          `Refusing to write ${relativePath}: ${path.relative(root, current)} is a symbolic link that points outside the repository${real ? ` (${real})` : ''}.`,
        );
      }
    }
  }
  return target;
}

/** Why a symlink cannot be resolved, in words: a loop and a dangling link are not "outside". */
function linkProblem(link: string): string {
  try {
    realpathSync(link);
    return 'cannot be resolved';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return 'is part of a symbolic link loop (ELOOP)';
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'points to nothing (a dangling link)';
    return `cannot be resolved (${code ?? (error as Error).message})`;
  }
}

function safeRealpath(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}
