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

// A retrofit of a workflow with thousands of jobs reports every edit: far more than spawnSync's
// default 1 MiB of output, past which the child would be killed.
const MAX_OUTPUT = 512 * 1024 * 1024;

function timeCommand(args, cwd) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: MAX_OUTPUT });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} failed (${result.signal ?? result.status}): ${result.stderr}`);
  return wall;
}

/** CPU time (user + system) of a child, read with /usr/bin/time when present. */
function cpuCommand(args, cwd) {
  const result = spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, ...args], { cwd, encoding: 'utf8', maxBuffer: MAX_OUTPUT });
  if (result.error) return undefined;
  const [user, system] = result.stderr.trim().split('\n').pop().split(' ').map(Number);
  return (user + system) * 1000;
}

/** Wall time from spawn until stdout matches `marker` (the first prompt), then kill. */
function timeToOutput(args, cwd, marker) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let seen = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no ${marker} within 30 s; got: ${seen.slice(0, 500)}`));
    }, 30_000);
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      if (marker.test(seen)) {
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
const pack = spawnSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: root, encoding: 'utf8' });
const packInfo = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('[')))[0];
const tarball = path.join(work, packInfo.filename);
console.log(`packed tarball: ${(packInfo.size / 1024).toFixed(1)} KiB, unpacked: ${(packInfo.unpackedSize / 1024).toFixed(1)} KiB, ${packInfo.entryCount} files`);

// Cold start as `npm create` sees it: npm exec with an empty cache, to the first output.
// Ours from the packed tarball; create-vite from the registry as the reference, in the same run.
function coldExec(pkg, bin, args, i) {
  const cache = mkdtempSync(path.join(work, `cache-${i}-`));
  const start = process.hrtime.bigint();
  const result = spawnSync('npm', ['exec', '--yes', `--package=${pkg}`, '--', bin, ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, npm_config_cache: cache, npm_config_update_notifier: 'false' },
  });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${pkg} ${args.join(' ')}: ${result.stderr}`);
  rmSync(cache, { recursive: true, force: true });
  return elapsed;
}
const coldOurs = await measure('cold npm exec of the tarball, empty cache: --help', (i) => coldExec(tarball, 'create-secure-cncf', ['--help'], i));
let coldVite;
try {
  coldVite = await measure('cold npm exec create-vite@latest, empty cache: --help', (i) => coldExec('create-vite@latest', 'create-vite', ['--help'], i));
} catch (error) {
  console.log(`create-vite reference unavailable (${error.message.split('\n')[0]})`);
}
rows.push(coldOurs);
if (coldVite) rows.push(coldVite, { label: 'ratio ours / create-vite (cold --help)', ratio: coldOurs.median / coldVite.median });

rows.push(await measure('--help', () => timeCommand([bin, '--help'], work)));
rows.push(
  await measure('first prompt (interactive, Yeoman + inquirer loaded)', (i) => {
    const dir = path.join(work, `prompt-${i}`);
    mkdirSync(dir);
    // Whatever the first question is: inquirer starts each with "? ".
    return timeToOutput([bin, dir, '--interactive'], work, /(^|\n)\? \S/);
  }),
);
rows.push(
  await measure('--yes generation, level 1, all languages', (i) => {
    const dir = path.join(work, `yes-${i}`);
    mkdirSync(dir);
    return timeCommand([bin, dir, '--yes', '--repo', 'acme/widget', '--language', 'go,rust,python,javascript,java-maven,java-gradle,cpp'], work);
  }),
);
const allLanguages = ['--language', 'go,rust,python,javascript,java-maven,java-gradle,cpp'];
for (const level of ['1', '3']) {
  const cpu = await measure(`--yes generation CPU (user+sys), level ${level}, all languages, images+charts`, (i) => {
    const dir = path.join(work, `cpu-${level}-${i}`);
    mkdirSync(dir);
    return cpuCommand([bin, dir, '--yes', '--repo', 'acme/widget', ...allLanguages, '--level', level, '--artifacts', 'binaries,container-images,helm-charts'], work) ?? NaN;
  });
  if (!Number.isNaN(cpu.median)) rows.push(cpu);
}
rows.push(
  await measure('--dry-run, level 1, all languages', () =>
    timeCommand([bin, path.join(work, 'yes-0'), '--dry-run', '--yes'], work),
  ),
);

console.log(`\nmedian of ${RUNS} runs (min..max), node ${process.version}`);
for (const row of rows) {
  if (row.ratio !== undefined) console.log(`  ${row.label.padEnd(58)} ${row.ratio.toFixed(2).padStart(8)}x`);
  else console.log(`  ${row.label.padEnd(58)} ${ms(row.median).padStart(8)}  (${ms(row.min)}..${ms(row.max)})`);
}
rmSync(work, { recursive: true, force: true });

// --- Retrofit on a large existing repository (issue 4) ---------------------------------------
// Detection and `retrofit --dry-run` on a generated tree of 20,000 files with 50 manifest
// directories, against `git ls-files` on the same tree in the same run (the floor for "look at
// every file"). Detection runs in-process (bundled from src/ by esbuild); the others as processes.
{
  const { generateTree } = await import('./bench-tree.mjs');
  const { build } = await import('esbuild');
  const { pathToFileURL } = await import('node:url');
  const bigWork = mkdtempSync(path.join(os.tmpdir(), 'secure-cncf-bench-tree-'));
  const tree = path.join(bigWork, 'repo');
  const made = generateTree(tree, { files: 20_000, manifestDirs: 50 });
  const cacheDir = path.join(root, 'node_modules/.cache/secure-cncf-bench');
  const detectBundle = path.join(cacheDir, 'detect.mjs');
  await build({ entryPoints: [path.join(root, 'src/detect/index.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: detectBundle, logLevel: 'warning' });
  const { detect } = await import(pathToFileURL(detectBundle).href);

  const timeGit = () => {
    const start = process.hrtime.bigint();
    const result = spawnSync('git', ['ls-files'], { cwd: tree, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (result.status !== 0) throw new Error(`git ls-files failed: ${result.stderr}`);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const timeDetect = async () => {
    const start = process.hrtime.bigint();
    const facts = await detect(tree);
    if (!facts.manifests.gomod?.length) throw new Error('detection found no Go modules in the bench tree');
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const bigRows = [
    await measure('git ls-files (same tree)', timeGit),
    await measure('detect (in-process)', timeDetect),
    await measure('secure-cncf retrofit --dry-run (process)', () => timeCommand([bin, 'retrofit', tree, '--dry-run', '--repo', 'acme/bench'], bigWork)),
    await measure('secure-cncf check --level 1 (process)', () => timeCommand([bin, 'check', tree, '--level', '1', '--format', 'json', '--output', path.join(bigWork, 'report.json')], bigWork)),
    await measure('node startup + secure-cncf --help (process floor)', () => timeCommand([bin, '--help'], bigWork)),
  ];
  const floor = bigRows[0].median;
  console.log(`\nretrofit on a generated tree: ${made.files} files, ${made.manifestDirs} manifest directories (median of ${RUNS} runs)`);
  for (const row of bigRows) {
    console.log(`  ${row.label.padEnd(58)} ${ms(row.median).padStart(8)}  (${ms(row.min)}..${ms(row.max)})  ${(row.median / floor).toFixed(1)}x git ls-files`);
  }
  const peak = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, 'check', tree, '--level', '1', '--format', 'json', '--output', path.join(bigWork, 'report.json')], { encoding: 'utf8' });
  const kb = Number(peak.stderr.trim().split('\n').pop());
  if (!Number.isNaN(kb)) console.log(`  peak memory of check on this tree: ${(kb / 1024).toFixed(0)} MiB`);
  rmSync(bigWork, { recursive: true, force: true });
}

// --- Retrofit on a 20 MB workflow with many jobs (issue 17, case 6) -----------------------------
// Line numbers, job look-ups and the dry-run diff are linear; this measures it (never asserted in
// tests). BENCH_WORKFLOW_MB changes the size; --yes and --dry-run are timed once each per size.
{
  const { largeWorkflow } = await import('./bench-workflow.mjs');
  const { writeFileSync } = await import('node:fs');
  const sizes = (process.env.BENCH_WORKFLOW_MB ?? '5,20').split(',').map(Number);
  console.log('\nretrofit on one large workflow (many jobs: pins, persist-credentials, notes per job)');
  for (const mb of sizes) {
    for (const mode of ['--yes', '--dry-run']) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'secure-cncf-bench-wf-'));
      mkdirSync(path.join(dir, '.github/workflows'), { recursive: true });
      writeFileSync(path.join(dir, 'go.mod'), 'module example.com/bench\n');
      const text = largeWorkflow(mb * 1024 * 1024);
      writeFileSync(path.join(dir, '.github/workflows/big.yml'), text);
      const jobs = text.match(/^  build-\d+:$/gm)?.length ?? 0;
      const wall = timeCommand([bin, 'retrofit', dir, mode, '--repo', 'acme/bench'], dir);
      const cpu = mode === '--yes' ? undefined : cpuCommand([bin, 'retrofit', dir, mode, '--repo', 'acme/bench'], dir);
      console.log(`  ${`${mb} MB workflow, ${jobs} jobs, retrofit ${mode}`.padEnd(58)} ${ms(wall).padStart(8)}${cpu === undefined ? '' : `  (CPU ${ms(cpu)})`}`);
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
