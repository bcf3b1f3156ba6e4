// The shape both listings of a repository build (git's and the directory walk's), and the helpers
// they share.
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';

export interface DirEntryIndex {
  /** Repository-relative directory ("" for the root) -> file names in it. */
  files: Map<string, string[]>;
  /**
   * Present when git listed the files: the listed paths that are symlinks (to files inside the
   * tree), and those git does not track. `git grep` of tracked files sees a link's target path,
   * not its file, and no untracked file: callers read these few themselves.
   */
  git?: { links: ReadonlySet<string>; untracked: ReadonlySet<string> };
}

/** A symlink that resolves to a regular file inside the repository (a Dockerfile linked to docker/app). */
export function linkInside(root: string, file: string): boolean {
  try {
    const real = realpathSync(path.join(root, file));
    const top = realpathSync(root);
    return (real === top || real.startsWith(`${top}${path.sep}`)) && statSync(real).isFile();
  } catch {
    return false;
  }
}

/** Adds a directory and its missing parents to the index; returns the directory's (new or existing) list. */
export function dirList(files: Map<string, string[]>, dir: string): string[] {
  let list = files.get(dir);
  if (list) return list;
  files.set(dir, (list = []));
  for (let parent = dir; parent !== ''; ) {
    const up = parent.lastIndexOf('/');
    parent = up < 0 ? '' : parent.slice(0, up);
    if (!files.has(parent)) files.set(parent, []);
    else break;
  }
  return list;
}

/**
 * Each directory's file names joined by line breaks (a name has none: the listings leave such
 * paths out), with the directory and its names at the same position. One regular expression run
 * over a directory's joined names tells whether any of them could match: large trees have tens of
 * thousands of names and few directories with anything to find. Built once per index and shared by
 * detection and the evidence view; parallel arrays, since this is read in V8's interpreter (see
 * bin.ts), where destructuring an entry per directory costs more than the regular expression.
 */
export interface JoinedNames {
  readonly dirs: readonly string[];
  readonly joined: readonly string[];
  readonly names: readonly (readonly string[])[];
}

const joinedByIndex = new WeakMap<DirEntryIndex, JoinedNames>();

export function joinedNames(index: DirEntryIndex): JoinedNames {
  let found = joinedByIndex.get(index);
  if (!found) {
    const dirs: string[] = [];
    const joined: string[] = [];
    const names: (readonly string[])[] = [];
    for (const [dir, list] of index.files) {
      if (list.length === 0) continue;
      dirs.push(dir);
      joined.push(list.join('\n'));
      names.push(list);
    }
    found = { dirs, joined, names };
    joinedByIndex.set(index, found);
  }
  return found;
}

/**
 * The test of one name turned into a test of a directory's joined names: multiline, and no negated
 * character class crosses the line break between two names. Without that, `[^/]+\.sh$` would run
 * from each line to the end of the directory and back, so one look at a directory of n names
 * would cost n^2 steps (43 ms for 2,000 names). A name has no line break, so a name that passes
 * `test` still passes this one on its own line. (`.` under the s flag, `\s`, `\D`, `\W`, `\S` can
 * still cross lines: correct, only slower.)
 */
export function anyNamePattern(test: RegExp): RegExp {
  const flags = `${test.flags.replace(/[gmy]/g, '')}m`;
  return new RegExp(test.flags.includes('v') ? test.source : negatedClassesWithinLines(test.source), flags);
}

/** `[^…]` -> `[^\n…]` outside escapes and other classes (the u and plain syntaxes; not v's nested classes). */
function negatedClassesWithinLines(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c === '\\') {
      out += source.slice(i, i + 2);
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      inClass = true;
      if (source[i + 1] === '^') {
        out += '[^\\n';
        i++;
      } else out += c;
    } else out += c;
  }
  return out;
}
