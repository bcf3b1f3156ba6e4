// `npm run bench`: size and speed of the generator, medians of several runs (wall-clock numbers
// are noisy on shared machines, so they are measured here and never asserted in tests).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'dist/bin.js');
const work = mkdtempSync(path.join(os.tmpdir(), 'secure-cncf-bench-'));

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (value) => `${value.toFixed(0)} ms`;

function timeCommand(args, cwd) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  return wall;
}

/** Wall time from spawn until `marker` appears on stdout (the first prompt), then kill. */
function timeToOutput(args, cwd, marker) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let seen = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no "${marker}" within 30 s; got: ${seen.slice(0, 500)}`));
    }, 30_000);
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      if (seen.includes(marker)) {
        const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
        clearTimeout(timer);
        child.kill('SIGKILL');
        resolve(elapsed);
      }
    });
  });
}

async function measure(label, fn) {
  const values = [];
  for (let i = 0; i < RUNS; i++) values.push(await fn(i));
  return { label, median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

const rows = [];

// Package size.
const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
const packInfo = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('[')))[0];
console.log(`packed tarball: ${(packInfo.size / 1024).toFixed(1)} KiB, unpacked: ${(packInfo.unpackedSize / 1024).toFixed(1)} KiB, ${packInfo.entryCount} files`);

rows.push(await measure('--help', () => timeCommand([bin, '--help'], work)));
rows.push(
  await measure('first prompt (interactive, Yeoman + inquirer loaded)', (i) => {
    const dir = path.join(work, `prompt-${i}`);
    mkdirSync(dir);
    return timeToOutput([bin, dir, '--interactive'], work, 'Project name');
  }),
);
rows.push(
  await measure('--yes generation, level 1, all languages', (i) => {
    const dir = path.join(work, `yes-${i}`);
    mkdirSync(dir);
    return timeCommand([bin, dir, '--yes', '--repo', 'acme/widget', '--language', 'go,rust,python,javascript,java-maven,java-gradle,cpp'], work);
  }),
);
rows.push(
  await measure('--dry-run, level 1, all languages', () =>
    timeCommand([bin, path.join(work, 'yes-0'), '--dry-run', '--yes'], work),
  ),
);

console.log(`\nmedian of ${RUNS} runs (min..max), node ${process.version}`);
for (const row of rows) console.log(`  ${row.label.padEnd(58)} ${ms(row.median).padStart(8)}  (${ms(row.min)}..${ms(row.max)})`);
rmSync(work, { recursive: true, force: true });
