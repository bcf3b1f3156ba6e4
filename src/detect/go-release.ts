// What GoReleaser needs to know about a Go repository: the main packages of each production
// module (one GoReleaser build each) and an existing GoReleaser configuration, which the release
// control then edits instead of writing a second one.
import { openSync, readSync, closeSync } from 'node:fs';
import path from 'node:path';
import type { DirEntryIndex } from './walk.js';
import { isProductionDir } from './production.js';

/** GoReleaser's own lookup order for its configuration file at the repository root. */
export const GORELEASER_CONFIGS = ['.config/goreleaser.yml', '.config/goreleaser.yaml', '.goreleaser.yml', '.goreleaser.yaml', 'goreleaser.yml', 'goreleaser.yaml'];

/** The existing GoReleaser configuration at the root, if any. */
export function findGoreleaserConfig(index: DirEntryIndex): string | undefined {
  return GORELEASER_CONFIGS.find((config) => {
    const slash = config.lastIndexOf('/');
    return index.files.get(slash < 0 ? '' : config.slice(0, slash))?.includes(config.slice(slash + 1)) ?? false;
  });
}

/** One read buffer for every Go file: a fresh 8 KiB buffer per directory showed up in large trees. */
const HEAD = Buffer.allocUnsafe(8192);

/** The package clause of a Go file, read from its first 8 KiB (comments and build tags come first). */
function packageName(file: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buffer = HEAD;
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, read).toString('utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    return /^package\s+([A-Za-z_]\w*)/m.exec(text)?.[1];
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Main packages per Go module, as paths relative to the module ("." or "cmd/widget"), keyed by
 * the module's Dependabot directory ("/" or "/svc/api"). Test, example and tool directories are
 * left out, and so are directories that belong to a nested module.
 */
export function findGoMains(root: string, index: DirEntryIndex, moduleDirs: string[]): Record<string, string[]> {
  const modules = moduleDirs.map((d) => (d === '/' ? '' : d.replace(/^\//, '')));
  // The innermost module holding the directory.
  const owner = (dir: string) => {
    let found: string | undefined;
    for (const m of modules) if ((m === '' || dir === m || dir.startsWith(`${m}/`)) && (found === undefined || m.length > found.length)) found = m;
    return found;
  };
  const mains: Record<string, string[]> = {};
  for (const [dir, names] of index.files) {
    // The cheap test first: most directories of a large tree hold no Go file, or belong to a package.
    const source = names.find((n) => n.endsWith('.go') && !n.endsWith('_test.go'));
    if (!source) continue;
    const module = owner(dir);
    if (module === undefined) continue;
    const relative = module === '' ? dir : dir.slice(module.length).replace(/^\//, '');
    if (relative && !isProductionDir(`/${relative}`, 'gomod')) continue;
    if (relative.split('/').some((segment) => segment.startsWith('.') || segment.startsWith('_'))) continue;
    if (packageName(path.join(root, dir, source)) !== 'main') continue;
    (mains[module === '' ? '/' : `/${module}`] ??= []).push(relative || '.');
  }
  for (const list of Object.values(mains)) list.sort();
  return mains;
}
