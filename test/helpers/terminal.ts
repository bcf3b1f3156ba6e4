// A real pseudo-terminal for interactive runs: the CLI runs inside a detached tmux session, keys
// are sent with `send-keys` and the screen is read with `capture-pane`, as a person would see it.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PREREQUISITES, requireProgram } from './prerequisites.js';

const BIN = path.resolve(import.meta.dirname, '../../dist/bin.js');
let counter = 0;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export class Terminal {
  private readonly tmux: string;
  readonly session: string;

  /** Starts `secure-cncf <args>` in `cwd` on a 120-column terminal. */
  constructor(cwd: string, args: string[]) {
    this.tmux = requireProgram(PREREQUISITES.tmux);
    this.session = `secure-cncf-test-${process.pid}-${++counter}`;
    const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    // The shell stays after the run so the screen and the exit status can be read.
    const command = `${quoted}; echo "__EXIT=$?"; sleep 600`;
    this.run(['new-session', '-d', '-s', this.session, '-x', '120', '-y', '50', '-c', cwd, command]);
    // Keep everything that scrolls off the screen.
    this.run(['set-option', '-t', this.session, 'history-limit', '5000']);
  }

  private run(args: string[]): string {
    return execFileSync(this.tmux, args, { encoding: 'utf8', env: { ...process.env, TERM: 'xterm-256color' } });
  }

  /** The whole screen and its scroll-back, wrapped lines joined, trailing blanks dropped. */
  screen(): string {
    return this.run(['capture-pane', '-p', '-J', '-S', '-5000', '-t', this.session])
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .trim();
  }

  /** Waits until the screen matches; fails with the screen when it does not within the timeout. */
  async waitFor(pattern: RegExp | string, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (typeof pattern === 'string' ? screen.includes(pattern) : pattern.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${String(pattern)}. Screen:\n${screen}`);
      await sleep(100);
    }
  }

  /** tmux key names: Enter, Space, Down, C-c; `text` types literally. */
  keys(...keys: string[]): void {
    this.run(['send-keys', '-t', this.session, ...keys]);
  }

  type(text: string): void {
    this.run(['send-keys', '-t', this.session, '-l', text]);
  }

  /** Waits for the program to end and returns its exit status. */
  async exitCode(timeoutMs = 30_000): Promise<number> {
    const screen = await this.waitFor(/__EXIT=\d+/, timeoutMs);
    return Number(/__EXIT=(\d+)/.exec(screen)?.[1]);
  }

  close(): void {
    try {
      this.run(['kill-session', '-t', this.session]);
    } catch {
      // already gone
    }
  }
}

/** Every file under root (but .git) with its content, for "nothing changed" assertions. */
export function tree(root: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else result[path.relative(root, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return result;
}
