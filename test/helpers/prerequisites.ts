// Programs some suites drive besides Node. A missing one fails its suite with what is missing and
// how to install it; the global setup lists them all before the run starts.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Prerequisite {
  name: string;
  /** Where to look: an env override first, then names on PATH or absolute paths. */
  candidates: () => string[];
  usedBy: string;
  install: string;
}

export const PREREQUISITES: Record<'chromium' | 'tmux', Prerequisite> = {
  chromium: {
    name: 'chromium',
    candidates: () => [...(process.env['CHROMIUM'] ? [process.env['CHROMIUM']] : []), 'chromium', 'chromium-browser', 'google-chrome'],
    usedBy: 'test/check/html.test.ts (HTML dashboard screenshots)',
    install: 'apt-get install -y chromium (Debian/Ubuntu), or set CHROMIUM=/path/to/chrome',
  },
  tmux: {
    name: 'tmux',
    candidates: () => ['tmux'],
    usedBy: 'test/first-run/terminal.test.ts (the interactive run in a real terminal)',
    install: 'apt-get install -y tmux (Debian/Ubuntu), brew install tmux (macOS)',
  },
};

function onPath(command: string): string | undefined {
  if (command.includes('/')) return existsSync(command) ? command : undefined;
  const found = spawnSync('sh', ['-c', `command -v "$1"`, 'sh', command], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() || undefined : undefined;
}

/** The program's path, or undefined. */
export function findProgram(prerequisite: Prerequisite): string | undefined {
  for (const candidate of prerequisite.candidates()) {
    const found = onPath(candidate);
    if (found) return found;
  }
  return undefined;
}

export function missingMessage(prerequisite: Prerequisite): string {
  return `${prerequisite.name} is not installed (looked for ${prerequisite.candidates().join(', ')}). It is needed by ${prerequisite.usedBy}. Install it: ${prerequisite.install}.`;
}

/** The program's path; throws the install instructions when it is missing. */
export function requireProgram(prerequisite: Prerequisite): string {
  const found = findProgram(prerequisite);
  if (!found) throw new Error(missingMessage(prerequisite));
  return found;
}
