// Git queries, started early and handed out once. `bin.ts` starts the queries a command will need
// before the CLI's modules load: git then lists the tree on another core while Node parses the
// bundle, and forking a process that is still small is cheaper. The first reader of a query's
// result takes it; a later one (a second session, after a retrofit has written files) runs git
// again, so nobody reads a listing older than their own start.
import { execFile } from 'node:child_process';

export interface GitQueryOptions {
  timeout: number;
  maxBuffer?: number;
}

const started = new Map<string, Promise<Buffer | undefined>>();

const keyOf = (root: string, args: readonly string[]) => `${root}\0${args.join('\0')}`;

/** Runs git in `root`: its standard output, or undefined when git fails or is missing. */
function spawnGit(root: string, args: readonly string[], options: GitQueryOptions): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const child = execFile(
      'git',
      [...args],
      {
        cwd: root,
        encoding: 'buffer',
        timeout: options.timeout,
        maxBuffer: options.maxBuffer ?? 1024 * 1024,
      },
      (error, stdout) => {
        resolve(error ? undefined : stdout);
      },
    );
    child.stdin?.end();
  });
}

/** Starts a query now; the next `runGit` with the same directory and arguments takes its result. */
export function startGit(root: string, args: readonly string[], options: GitQueryOptions): void {
  const key = keyOf(root, args);
  if (!started.has(key)) started.set(key, spawnGit(root, args, options));
}

/** The result of a query: one started earlier with the same arguments (taken once), else a new run. */
export function runGit(root: string, args: readonly string[], options: GitQueryOptions): Promise<Buffer | undefined> {
  const key = keyOf(root, args);
  const early = started.get(key);
  if (early) {
    started.delete(key);
    return early;
  }
  return spawnGit(root, args, options);
}
