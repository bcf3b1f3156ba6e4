// A read-only view of a repository for `secure-cncf check`: one directory walk, file contents read
// lazily and cached, GitHub workflows and composite actions parsed once with line numbers.
// Evidence functions only ever see this view, never the file system.
import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { anyNamePattern, joinedNames } from '../detect/tree-index.js';
import { indexTree, type DirEntryIndex } from '../detect/walk.js';
import { readRegularFile } from '../read-file.js';
import type { EarlyWorkflows } from './early-workflows.js';
import { gitGrepFiles } from './git-grep.js';
import { parseWorkflow, parseActionFile, type ParsedWorkflow, type UsesRef } from './workflow.js';
import { RemoteFiles } from './remote.js';

/** Files larger than this are not read for evidence (generated bundles, data, binaries). */
const MAX_READ_BYTES = 2 * 1024 * 1024;
/** From this many files on, a content search asks `git grep` instead of reading each file. */
const GREP_FROM_FILES = 200;
/**
 * Even then, the first files are read directly: callers put the likeliest files first and stop at
 * the first that passes, and one that does so among these never waits for git grep over the rest
 * (kyverno: a pass at the 56th of 6,649 YAML files, and 166 ms of git grep over 20 MB spared).
 */
const READ_BEFORE_GREP = 64;

export interface LineMatch {
  line: number;
  text: string;
}

const MAX_FIND_DEPTH = 2;
/** Slashes in a path, without allocating (this runs for every file of large trees). */
function depth(file: string): number {
  let count = 0;
  for (let i = file.indexOf('/'); i >= 0; i = file.indexOf('/', i + 1)) count++;
  return count;
}

export class RepoView {
  readonly root: string;
  /** `files`, once built. */
  private allFiles: string[] | undefined;
  /** Names per directory as sets, built for the directories look-ups ask about (a few, not all). */
  private readonly nameSets = new Map<string, Set<string>>();
  private lowerIndex: Map<string, string[]> | undefined;
  private readonly extensionLists = new Map<string, string[]>();
  private readonly byDir: ReadonlyMap<string, readonly string[]>;
  private readonly contents = new Map<string, string | undefined>();
  private parsedWorkflows: ParsedWorkflow[] | undefined;
  private parsedActions: ParsedWorkflow[] | undefined;
  private readonly memos = new Map<string, unknown>();
  /** Other repositories' files read by `check --online` (empty offline). */
  readonly remote = new RemoteFiles();

  /**
   * `index`: an existing walk of the same root (detection and the view then share one walk).
   * `early`: workflows parsed while the tree was being listed (see early-workflows.ts).
   */
  constructor(
    root: string,
    private readonly index: DirEntryIndex = indexTree(path.resolve(root)),
    private readonly early?: EarlyWorkflows,
  ) {
    this.root = path.resolve(root);
    this.byDir = index.files;
  }

  /**
   * Every file (repository-relative, forward slashes, sorted): what git lists, or the walked tree
   * outside git. Built on first use: most probes look by name or directory instead.
   */
  get files(): readonly string[] {
    if (!this.allFiles) {
      const files: string[] = [];
      for (const [dir, names] of this.byDir) for (const name of names) files.push(dir ? `${dir}/${name}` : name);
      this.allFiles = files.sort();
    }
    return this.allFiles;
  }

  /**
   * Lower-cased path -> files, for case-insensitive look-ups of well-known files. Those live near
   * the top (SECURITY.md, .github/…, docs/…), so only files at most three levels deep are indexed.
   */
  private get lower(): Map<string, string[]> {
    if (!this.lowerIndex) {
      this.lowerIndex = new Map();
      // Directory by directory: only shallow directories' files are visited, not the whole tree.
      const shallow = [...this.byDir.keys()].filter((dir) => dir === '' || depth(dir) < MAX_FIND_DEPTH).sort();
      for (const dir of shallow) {
        for (const file of this.filesIn(dir)) {
          const key = file.toLowerCase();
          const list = this.lowerIndex.get(key);
          if (list) list.push(file);
          else this.lowerIndex.set(key, [file]);
        }
      }
    }
    return this.lowerIndex;
  }

  has(file: string): boolean {
    const slash = file.lastIndexOf('/');
    const dir = slash < 0 ? '' : file.slice(0, slash);
    let names = this.nameSets.get(dir);
    if (!names) {
      names = new Set(this.byDir.get(dir));
      this.nameSets.set(dir, names);
    }
    return names.has(file.slice(slash + 1));
  }

  /** The first existing file among candidates, compared case-insensitively, in candidate order. */
  findFirst(candidates: readonly string[]): string | undefined {
    for (const candidate of candidates) {
      if (this.has(candidate)) return candidate;
      const found = depth(candidate) > MAX_FIND_DEPTH ? this.files.filter((f) => f.toLowerCase() === candidate.toLowerCase()) : this.lower.get(candidate.toLowerCase());
      if (found?.length) return found[0];
    }
    return undefined;
  }

  /** Files whose repository-relative path matches. */
  filter(test: (file: string) => boolean): string[] {
    return this.files.filter(test);
  }

  /**
   * Files whose name (the last path segment) passes `test`, in path order. `test` is a pattern
   * for one name (`^` and `$` are its start and end): it runs first once per directory, over the
   * directory's names joined by line breaks with the `m` flag, which finds every directory where
   * some name matches (and perhaps a few more); only those directories' names are then tested
   * one by one. Large trees have tens of thousands of files and few names worth a look, so
   * probes ask this instead of testing every path. (No look-behind or look-ahead past the name's
   * ends: in the joined text they would see the neighbouring names.)
   */
  filesNamed(test: RegExp): string[] {
    const { dirs, joined, names } = joinedNames(this.index);
    const single = test.global || test.sticky ? new RegExp(test.source, test.flags.replace(/[gy]/g, '')) : test;
    const any = anyNamePattern(single);
    const found: string[] = [];
    for (let i = 0; i < dirs.length; i++) {
      if (!any.test(joined[i] as string)) continue;
      const dir = dirs[i] as string;
      const list = names[i] as readonly string[];
      for (let j = 0; j < list.length; j++) {
        const name = list[j] as string;
        if (single.test(name)) found.push(dir ? `${dir}/${name}` : name);
      }
    }
    return found.sort();
  }

  /**
   * Files whose name ends in one of these extensions (lower case, without the dot), in path
   * order: the text after the name's last dot, lower-cased, is one of them.
   */
  withExtensions(...extensions: string[]): string[] {
    const lists = extensions.map((extension) => {
      let list = this.extensionLists.get(extension);
      if (!list) {
        // Any name that lower-cases to "….<extension>" ends in these characters, in either case
        // (the Kelvin sign lower-cases to k); the exact test follows, name by name.
        const letters = [...extension].map((c) => {
          const upper = c.toUpperCase();
          const variants = c === 'k' ? 'kK\u212A' : upper !== c ? `${c}${upper}` : c;
          return variants.length > 1 ? `[${variants.replace(/[\]\\^-]/g, '\\$&')}]` : c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
        });
        const candidates = this.filesNamed(new RegExp(`\\.${letters.join('')}$`));
        list = candidates.filter((file) => {
          const dot = file.lastIndexOf('.');
          return dot >= 0 && file.indexOf('/', dot) < 0 && file.slice(dot + 1).toLowerCase() === extension;
        });
        this.extensionLists.set(extension, list);
      }
      return list;
    });
    return lists.length === 1 ? [...lists[0]!] : lists.flat().sort();
  }

  /** Whether any file lies in `dir` or below it (a look at directories, not at every file). */
  hasFilesUnder(dir: string): boolean {
    if (dir === '') return [...this.byDir.values()].some((names) => names.length > 0);
    const prefix = `${dir}/`;
    for (const [name, files] of this.byDir) if (files.length > 0 && (name === dir || name.startsWith(prefix))) return true;
    return false;
  }

  /**
   * The files among `files` whose text (as `read` gives it) contains one of `needles`, exact and
   * case-sensitive, in the order given, found as they are asked for (a caller that stops at the
   * first reads no further). `globs` are git pathspecs covering every file of `files` (such as
   * `:(icase)*.yaml`). Probes that look for a pattern in many files (every YAML file, every Go
   * test) narrow them with this first: in a git work tree, from a few hundred files on, `git grep`
   * finds the candidates among tracked files (after the first READ_BEFORE_GREP) without Node
   * reading each file, and only those are read. Symlinks and untracked files are read in any
   * case: git grep sees a link's target path rather than its file, and searches tracked files only.
   */
  *filesContaining(files: readonly string[], needles: readonly string[], globs: readonly string[]): Generator<string> {
    const contains = (file: string) => {
      const text = this.read(file);
      return text !== undefined && needles.some((needle) => text.includes(needle));
    };
    const git = this.index.git;
    const grep = git !== undefined && files.length >= GREP_FROM_FILES;
    const head = grep ? READ_BEFORE_GREP : files.length;
    for (let i = 0; i < head; i++) if (contains(files[i] as string)) yield files[i] as string;
    if (!grep) return;
    const found = gitGrepFiles(this.root, needles, globs);
    for (let i = head; i < files.length; i++) {
      const file = files[i] as string;
      if (found && !found.has(file) && !git.links.has(file) && !git.untracked.has(file)) continue;
      if (contains(file)) yield file;
    }
  }

  /** Files directly inside `dir` ("" for the root). */
  filesIn(dir: string): string[] {
    const names = this.byDir.get(dir) ?? [];
    return names.map((name) => (dir ? `${dir}/${name}` : name)).sort();
  }

  /** Text of a file, or undefined when it is missing, too large or unreadable. Cached. */
  read(file: string): string | undefined {
    if (this.contents.has(file)) return this.contents.get(file);
    let text: string | undefined;
    // Only indexed files are read (symlinks in the index stay inside the repository), only regular
    // files (never a FIFO or a device), never past the size limit.
    if (this.has(file) && this.staysInside(file)) text = readRegularFile(path.join(this.root, file), MAX_READ_BYTES);
    this.contents.set(file, text);
    return text;
  }

  /**
   * The same repository with the text of some of its files replaced: the edits a retrofit is about
   * to make, so the files that describe the repository describe it as it will be. Files that are
   * not in the repository are ignored (the listing stays the same).
   */
  withTexts(texts: ReadonlyMap<string, string>): RepoView {
    const view = new RepoView(this.root, this.index);
    for (const [file, text] of texts) if (this.has(file)) view.contents.set(file, text);
    return view;
  }

  /** A listed path that is a symlink must resolve inside the repository to be read. */
  private staysInside(file: string): boolean {
    const absolute = path.join(this.root, file);
    try {
      if (!lstatSync(absolute).isSymbolicLink()) return true;
      const real = realpathSync(absolute);
      const top = realpathSync(this.root);
      return real.startsWith(`${top}${path.sep}`);
    } catch {
      return false;
    }
  }

  /** Lines of a file that match, 1-based. */
  grep(file: string, pattern: RegExp): LineMatch[] {
    const text = this.read(file);
    if (text === undefined) return [];
    const flags = pattern.flags.replace('g', '');
    const re = new RegExp(pattern.source, flags);
    const matches: LineMatch[] = [];
    text.split(/\r?\n/).forEach((line, i) => {
      if (re.test(line)) matches.push({ line: i + 1, text: line });
    });
    return matches;
  }

  /** Workflows in .github/workflows (*.yml, *.yaml), parsed; a file that does not parse has `error`. */
  workflows(): ParsedWorkflow[] {
    this.parsedWorkflows ??= this.filesIn('.github/workflows')
      .filter((file) => /\.ya?ml$/i.test(file))
      .map((file) => {
        const text = this.read(file) ?? '';
        const early = this.early?.get(file);
        return early && early.text === text ? early.workflow : parseWorkflow(file, text);
      });
    return this.parsedWorkflows;
  }

  /** Composite actions defined in this repository (action.yml / action.yaml anywhere in the tree). */
  localActions(): ParsedWorkflow[] {
    this.parsedActions ??= this.filesNamed(/^action\.ya?ml$/)
      .filter((file) => /(^|\/)action\.ya?ml$/.test(file))
      .map((file) => parseActionFile(file, this.read(file) ?? ''));
    return this.parsedActions;
  }

  /** A probe's result, computed once per view (probes are pure functions of the repository). */
  memo<T>(key: string, compute: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = compute();
    this.memos.set(key, value);
    return value;
  }

  /** A composite action of this repository by the directory `uses: ./dir` names (undefined when missing). */
  localAction(dir: string): ParsedWorkflow | undefined {
    const clean = dir.replace(/^\.\//, '').replace(/\/$/, '');
    const file = this.has(`${clean}/action.yml`) ? `${clean}/action.yml` : this.has(`${clean}/action.yaml`) ? `${clean}/action.yaml` : undefined;
    return file ? this.localActions().find((action) => action.file === file) : undefined;
  }

  /** A workflow of this repository by path (for `uses: ./.github/workflows/x.yml`). */
  workflow(file: string): ParsedWorkflow | undefined {
    const clean = file.replace(/^\.\//, '');
    return this.workflows().find((workflow) => workflow.file === clean);
  }

  /** Every `uses:` in workflows and local composite actions. */
  allUses(): UsesRef[] {
    return [...this.workflows(), ...this.localActions()].flatMap((workflow) => workflow.uses);
  }
}

export function openRepo(root: string): RepoView {
  return new RepoView(root);
}
