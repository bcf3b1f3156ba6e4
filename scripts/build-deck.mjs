#!/usr/bin/env node
// Builds the maintainer-summit deck (docs/presentation/deck.md, Marp) with @marp-team/marp-cli.
//
//   node scripts/build-deck.mjs          HTML: .build/deck/index.html (no browser needed)
//   node scripts/build-deck.mjs --pdf    also PDF: .build/deck/deck.pdf, with Chromium from
//                                        CHROME_PATH, or /usr/bin/chromium when it exists
//
// Output goes to .build/ (gitignored). Exit status is marp's.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const deck = path.join(root, 'docs/presentation/deck.md');
const outDir = path.join(root, '.build/deck');
const marp = path.join(root, 'node_modules/@marp-team/marp-cli/marp-cli.js');
mkdirSync(outDir, { recursive: true });

function run(args, env = process.env) {
  // --no-stdin: never wait for input; --allow-local-files is not needed (the deck has no images).
  const result = spawnSync(process.execPath, [marp, '--no-stdin', ...args], { cwd: root, stdio: 'inherit', env });
  return result.status ?? 1;
}

let status = run([deck, '--html', '--output', path.join(outDir, 'index.html')]);

if (status === 0 && process.argv.includes('--pdf')) {
  const chrome = process.env.CHROME_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : '');
  if (!chrome) {
    console.error('PDF skipped: set CHROME_PATH to a Chromium or Chrome binary.');
  } else {
    // marp-cli turns Chromium's sandbox off by itself when it runs as root or in a container.
    status = run([deck, '--pdf', '--output', path.join(outDir, 'deck.pdf')], { ...process.env, CHROME_PATH: chrome });
  }
}
process.exit(status);
