// The files of a git work tree as `git ls-files` lists them: tracked files plus untracked files git
// does not ignore, in one call. bin.ts starts the listing before the CLI's modules load (see
// prefetch.ts), so git lists the tree while Node loads; the first session to open the tree takes it.
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, fstatSync, lstatSync, openSync, readSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dirList, linkInside, type DirEntryIndex } from './tree-index.js';

/**
 * `-t` tags each entry ("? " untracked, "H " and the other letters for tracked entries); `--stage`
 * gives tracked entries their mode: "<tag> <mode> <object> <stage>\t<path>". `-z` ends each entry
 * with a NUL and leaves paths unquoted. (`--abbrev` would shorten the output by a third, but git
 * then spends more finding unique prefixes than Node saves reading them.)
 */
export const LIST_FILES = ['-c', 'core.quotepath=off', 'ls-files', '--cached', '--others', '--exclude-standard', '--stage', '-t', '-z'] as const;
const TIMEOUT_MS = 30_000;
/** Larger listings are not read (the walk takes over). */
const MAX_LISTING_BYTES = 256 * 1024 * 1024;

const NUL = '\0';
const UNTRACKED_TAG = 63; // "?"
const UNMERGED_TAG = 77; // "M"

/**
 * The index of a LIST_FILES listing, fed piece by piece. Submodules (mode 160000) are left out;
 * symlinks (mode 120000, or an untracked link) count only when they resolve to a file inside the
 * tree, as in the walk; a path with a line break is left out.
 *
 * This runs once per path of large trees, in V8's interpreter (see bin.ts): it reads the output
 * in place (no array of entries, no regular expression per entry) and indexes directories as it
 * goes, since git lists a directory's files together.
 */
export class ListingParser {
  private readonly files = new Map<string, string[]>([['', []]]);
  private readonly links = new Set<string>();
  private readonly untracked = new Set<string>();
  /** Untracked paths are listed before the tracked ones: then each directory's names are sorted at the end. */
  private sorted = true;
  /** The last path with merge-conflict stages ("M" entries): git lists such a path once per stage, in a row. */
  private lastUnmerged = '';
  // The directory of the previous path, with its trailing slash ("" at the root), and its names.
  private dirPrefix = '';
  private names: string[];
  /** The start of an entry whose end has not arrived yet. */
  private pending = '';

  constructor(private readonly root: string) {
    this.names = this.files.get('') as string[];
  }

  /** Indexes the complete entries of a piece of output; a trailing partial entry waits for the next piece. */
  push(text: string): void {
    const listed = this.pending + text;
    const lastEnd = listed.lastIndexOf(NUL);
    if (lastEnd < 0) {
      this.pending = listed;
      return;
    }
    this.read(listed, lastEnd);
    this.pending = listed.slice(lastEnd + 1);
  }

  /**
   * The index, once git has written everything. No list of every path is kept: most probes look
   * by name or directory, and a large tree's paths would only burden the garbage collector.
   */
  finish(): DirEntryIndex {
    if (this.pending) this.push(NUL);
    if (!this.sorted) for (const names of this.files.values()) names.sort();
    return { files: this.files, git: { links: this.links, untracked: this.untracked } };
  }

  /** Reads the entries of `listed` up to the NUL at `lastEnd`. */
  private read(listed: string, lastEnd: number): void {
    const { root, files, links, untracked } = this;
    const newlines = listed.includes('\n');
    let { sorted, lastUnmerged, dirPrefix, names } = this;
    for (let start = 0, end = listed.indexOf(NUL); end >= 0 && end <= lastEnd; start = end + 1, end = listed.indexOf(NUL, start)) {
      if (end - start < 3) continue; // empty, or too short for "<tag> <path>"
      const tag = listed.charCodeAt(start);
      let from: number;
      if (tag === UNTRACKED_TAG) {
        from = start + 2;
        const file = listed.slice(from, end);
        const kind = untrackedKind(root, file);
        if (kind === undefined) continue;
        if (kind === 'link') links.add(file);
        untracked.add(file);
        sorted = false;
      } else {
        from = listed.indexOf('\t', start) + 1;
        if (from === 0 || from >= end) continue;
        // "<tag> 1x…": regular files are 100644/100755, submodules 160000, symlinks 120000.
        const kind = listed.charCodeAt(start + 3);
        if (kind === 54 /* 6 */ && listed.startsWith('160000', start + 2)) continue;
        if (kind === 50 /* 2 */ && listed.startsWith('120000', start + 2)) {
          const file = listed.slice(from, end);
          if (!linkInside(root, file)) continue;
          links.add(file);
        }
        if (tag === UNMERGED_TAG) {
          const file = listed.slice(from, end);
          if (file === lastUnmerged) continue;
          lastUnmerged = file;
        }
      }
      if (newlines) {
        const newline = listed.indexOf('\n', from);
        if (newline >= 0 && newline < end) continue; // a path with a line break is left out
      }
      // Same directory as the previous path: its prefix, and no slash after it. Most paths take
      // this way, and no string but the name is made for them.
      const nameAt = from + dirPrefix.length;
      if (listed.startsWith(dirPrefix, from)) {
        const slash = listed.indexOf('/', nameAt);
        if (slash < 0 || slash > end) {
          names.push(listed.slice(nameAt, end));
          continue;
        }
      }
      const file = listed.slice(from, end);
      const slash = file.lastIndexOf('/');
      dirPrefix = file.slice(0, slash + 1);
      names = dirList(files, slash < 0 ? '' : file.slice(0, slash));
      names.push(file.slice(slash + 1));
    }
    this.sorted = sorted;
    this.lastUnmerged = lastUnmerged;
    this.dirPrefix = dirPrefix;
    this.names = names;
  }
}

/** What an untracked path is: a regular file, a symlink to a file inside the tree, or neither (untracked entries are few). */
function untrackedKind(root: string, file: string): 'file' | 'link' | undefined {
  try {
    const stat = lstatSync(path.join(root, file));
    if (stat.isFile()) return 'file';
    return stat.isSymbolicLink() && linkInside(root, file) ? 'link' : undefined;
  } catch {
    return undefined;
  }
}

/** The listing of the work tree at `root`, synchronously; undefined when git fails or is missing. */
export function listGitFilesSync(root: string): DirEntryIndex | undefined {
  try {
    const listed = execFileSync('git', [...LIST_FILES], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: MAX_LISTING_BYTES,
      timeout: TIMEOUT_MS,
    });
    const parser = new ListingParser(root);
    parser.push(listed);
    return parser.finish();
  } catch {
    return undefined;
  }
}

/**
 * The listing of the work tree at `root`, run asynchronously; undefined when git fails or is
 * missing. Git writes into a private temporary file, not a pipe: a pipe holds 64 KiB, so git would
 * wait for Node to read each piece while Node is busy loading the CLI, and the listing of a large
 * tree would finish only after Node had read it piece by piece. The file is unlinked as soon as
 * git has it open (elsewhere than on Windows), so nothing is left behind. Where no such file can be
 * made, git writes into a pipe as usual.
 */
export function listGitFiles(root: string): Promise<DirEntryIndex | undefined> {
  const file = privateTempFile();
  if (!file) return listGitFilesThroughPipe(root);
  return new Promise((resolve) => {
    let open = true;
    const finish = (index: DirEntryIndex | undefined) => {
      if (!open) return; // 'error' and 'close' may both come
      open = false;
      try {
        closeSync(file.fd);
        rmSync(file.path, { force: true });
      } catch {
        // nothing more to release
      }
      resolve(index);
    };
    let child;
    try {
      child = spawn('git', [...LIST_FILES], { cwd: root, stdio: ['ignore', file.fd, 'ignore'], timeout: TIMEOUT_MS });
    } catch {
      finish(undefined);
      return;
    }
    if (process.platform !== 'win32') rmSync(file.path, { force: true });
    child.on('error', () => finish(undefined)); // git is not installed
    child.on('close', (code) => {
      let index: DirEntryIndex | undefined;
      try {
        if (code === 0 && open) {
          const parser = new ListingParser(root);
          if (readInPieces(file.fd, parser)) index = parser.finish();
        }
      } catch {
        index = undefined;
      }
      finish(index);
    });
  });
}

let listings = 0;

/** A new file only this process can read (created exclusively, mode 0600), or undefined. */
function privateTempFile(): { path: string; fd: number } | undefined {
  const file = path.join(os.tmpdir(), `secure-cncf-listing-${process.pid}-${++listings}-${Date.now().toString(36)}`);
  try {
    return { path: file, fd: openSync(file, 'wx+', 0o600) };
  } catch {
    return undefined;
  }
}

/**
 * Bytes read from the listing file at a time. Each piece becomes a string small enough for V8's
 * young generation, whose pages are reused, instead of one buffer and one string as large as the
 * listing (3.3 MB for 20,000 files), whose fresh pages cost a page fault each: 10-15 µs apiece on
 * the VMs measured, about 10 ms for that listing.
 */
const PIECE_BYTES = 64 * 1024;

/**
 * Hands what git wrote into `fd` to `parser`, piece by piece, each cut after an entry's NUL (a NUL
 * never falls inside a UTF-8 sequence); false when the listing is too large.
 */
export function readInPieces(fd: number, parser: ListingParser, pieceBytes = PIECE_BYTES): boolean {
  const size = fstatSync(fd).size;
  if (size > MAX_LISTING_BYTES) return false;
  let buffer = Buffer.allocUnsafe(Math.min(pieceBytes, Math.max(size, 1)));
  let carried = 0; // the start of an entry whose NUL has not been read yet
  let position = 0;
  while (position < size) {
    if (carried === buffer.length) {
      // One entry longer than the buffer (a very long path): make room for it.
      const larger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(larger, 0, 0, carried);
      buffer = larger;
    }
    const read = readSync(fd, buffer, carried, buffer.length - carried, position);
    if (read === 0) break;
    position += read;
    const filled = carried + read;
    const end = buffer.lastIndexOf(0, filled - 1) + 1;
    if (end > 0) parser.push(buffer.toString('utf8', 0, end));
    carried = filled - end;
    buffer.copy(buffer, 0, end, filled);
  }
  if (carried > 0) parser.push(buffer.toString('utf8', 0, carried));
  return true;
}

/** The same listing read from a pipe, piece by piece as git writes it. */
function listGitFilesThroughPipe(root: string): Promise<DirEntryIndex | undefined> {
  return new Promise((resolve) => {
    const parser = new ListingParser(root);
    let broken = false;
    let bytes = 0;
    const child = spawn('git', [...LIST_FILES], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'], timeout: TIMEOUT_MS });
    child.on('error', () => resolve(undefined)); // git is not installed
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      bytes += text.length;
      if (broken || bytes > MAX_LISTING_BYTES) {
        broken = true;
        return;
      }
      try {
        parser.push(text);
      } catch {
        broken = true;
      }
    });
    child.on('close', (code) => resolve(code === 0 && !broken ? parser.finish() : undefined));
  });
}

const started = new Map<string, Promise<DirEntryIndex | undefined>>();

/** Starts listing `root` now; the next `takeGitListing(root)` takes the result. */
export function startGitListing(root: string): void {
  if (!started.has(root)) started.set(root, listGitFiles(root));
}

/**
 * The listing of `root`: one started earlier (taken once), else a new one. A later reader (a
 * second session, after a retrofit has written files) lists again, so nobody reads a listing
 * older than their own start.
 */
export function takeGitListing(root: string): Promise<DirEntryIndex | undefined> {
  const early = started.get(root);
  if (!early) return listGitFiles(root);
  started.delete(root);
  return early;
}
