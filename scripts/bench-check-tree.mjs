// Benchmark of `secure-cncf check` on a 20,000-file repository, next to `git ls-files` on the same
// tree in the same run (the floor for "look at every file"). Medians of BENCH_RUNS runs; peak
// memory from /usr/bin/time (maximum resident set size of the child). Needs `npm run build` first.
// With --instructions (and valgrind on the PATH) it also counts the instructions `check` and
// `--help` execute (callgrind, git children included): repeatable whatever else the machine is
// doing, so the ratio holds on a noisy CI machine where wall times do not.
//   node scripts/bench-check-tree.mjs [--files 20000] [--keep] [--instructions]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
// Node reads NODE_EXTRA_CA_CERTS at start-up, before any of our code: on a machine behind a TLS
// proxy that alone costs more than `--help` does. It is the same fixed cost for every command, so
// keeping it would flatter every ratio; the children run without it.
const CHILD_ENV = { ...process.env };
delete CHILD_ENV.NODE_EXTRA_CA_CERTS;
const args = process.argv.slice(2);
const FILES = Number(args[args.indexOf('--files') + 1] || 20000) || 20000;
const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'dist/bin.js');
if (!existsSync(bin)) throw new Error('dist/bin.js is missing: run `npm run build` first.');

/** A repository generated at level 3 (go, binaries + images), padded with source files to `count` files. */
export function makeTree(count) {
  const tree = mkdtempSync(path.join(os.tmpdir(), 'secure-cncf-bench-check-'));
  const gen = spawnSync(process.execPath, [bin, tree, '--yes', '--repo', 'acme/widget', '--language', 'go,javascript', '--level', '3', '--artifacts', 'binaries,container-images'], { encoding: 'utf8' });
  if (gen.status !== 0) throw new Error(`generation failed: ${gen.stderr}${gen.stdout}`);
  writeFileSync(path.join(tree, 'go.mod'), 'module example.com/widget\n\ngo 1.22\n');
  writeFileSync(path.join(tree, 'package.json'), '{ "name": "widget", "version": "1.0.0" }\n');
  let written = 0;
  for (let pkg = 0; written < count; pkg++) {
    const dir = path.join(tree, pkg % 3 === 0 ? 'web/src' : 'pkg', `module${Math.floor(pkg / 50)}`, `part${pkg}`);
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < 20 && written < count; i++, written++) {
      const go = pkg % 3 !== 0;
      writeFileSync(path.join(dir, go ? `file${i}.go` : `file${i}.ts`), go ? `package part${pkg}\n\nfunc F${i}() int { return ${i} }\n` : `export const f${i} = () => ${i};\n`);
    }
  }
  // Trees that check must not walk (but git may track vendor/).
  const nm = path.join(tree, 'web/node_modules/dep');
  mkdirSync(nm, { recursive: true });
  for (let i = 0; i < 2000; i++) writeFileSync(path.join(nm, `f${i}.js`), 'module.exports = 1;\n');
  writeFileSync(path.join(tree, '.gitignore'), 'node_modules/\n');
  const git = (...a) => spawnSync('git', a, { cwd: tree, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@example.org', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@example.org' } });
  git('init', '-q', '-b', 'main');
  // A commit of 20,000 new objects would start `git gc --auto` in the background, which then packs
  // them on one of the machine's cores through the first runs and flatters every ratio (--help, a
  // single thread, suffers most). The tree is packed here instead, as a clone's would be, and the
  // files written are flushed before anything is timed.
  git('config', 'gc.auto', '0');
  git('config', 'maintenance.auto', 'false');
  git('add', '-A');
  git('commit', '-q', '-m', 'bench');
  git('gc', '-q');
  spawnSync('sync');
  return tree;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Wall time (ms) and peak RSS (KiB) of a command, via /usr/bin/time when available. */
function measure(command, commandArgs, cwd) {
  const useTime = existsSync('/usr/bin/time');
  const start = process.hrtime.bigint();
  const result = useTime
    ? spawnSync('/usr/bin/time', ['-f', '__MAXRSS__%M __CPU__%U %S', command, ...commandArgs], { cwd, env: CHILD_ENV, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
    : spawnSync(command, commandArgs, { cwd, env: CHILD_ENV, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  const rss = useTime ? Number(/__MAXRSS__(\d+)/.exec(result.stderr)?.[1] ?? NaN) : NaN;
  const cpuMatch = /__CPU__([\d.]+) ([\d.]+)/.exec(result.stderr);
  const cpu = cpuMatch ? (Number(cpuMatch[1]) + Number(cpuMatch[2])) * 1000 : NaN;
  return { wall, cpu, rss, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function benchCheck(tree, runs = RUNS) {
  const lsFiles = [];
  const check = [];
  const checkCpu = [];
  const help = [];
  const rss = [];
  let files = 0;
  let status;
  for (let i = 0; i < runs; i++) {
    const ls = measure('git', ['ls-files'], tree);
    files = ls.stdout.split('\n').filter(Boolean).length;
    lsFiles.push(ls.wall);
    help.push(measure(process.execPath, [bin, '--help'], tree).wall);
    const run = measure(process.execPath, [bin, 'check', tree, '--format', 'json'], tree);
    if (run.status !== 0 && run.status !== 1) throw new Error(`check failed (${run.status}): ${run.stderr}`);
    status = run.status;
    check.push(run.wall);
    checkCpu.push(run.cpu);
    rss.push(run.rss);
  }
  return { files, gitLsFiles: median(lsFiles), help: median(help), check: median(check), checkCpu: median(checkCpu), checkPeakRssMiB: Math.max(...rss) / 1024, status };
}

/**
 * Instructions a command executes, children included (valgrind's callgrind), or undefined without
 * valgrind. Counted from each process's profile, not from valgrind's messages: a child whose
 * stderr the command discards (git ls-files) would otherwise go uncounted.
 */
export function instructions(commandArgs, cwd) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'secure-cncf-callgrind-'));
  try {
    const run = spawnSync('valgrind', ['--tool=callgrind', `--callgrind-out-file=${dir}/cg.%p`, '--trace-children=yes', process.execPath, ...commandArgs], { cwd, env: CHILD_ENV, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (run.error) return undefined;
    const counts = readdirSync(dir).map((file) => Number(/^(?:summary|totals): (\d+)/m.exec(readFileSync(path.join(dir, file), 'utf8'))?.[1] ?? NaN));
    return counts.length && counts.every(Number.isFinite) ? counts.reduce((a, b) => a + b, 0) : undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const tree = makeTree(FILES);
  try {
    if (args.includes('--instructions')) {
      const node = instructions(['-e', '0'], tree);
      const help = instructions([bin, '--help'], tree);
      const check = instructions([bin, 'check', tree, '--format', 'json'], tree);
      if (node && help && check) {
        console.log(`instructions (callgrind, without NODE_EXTRA_CA_CERTS): node -e 0 ${(node / 1e6).toFixed(0)} M, --help ${(help / 1e6).toFixed(0)} M, check ${(check / 1e6).toFixed(0)} M (${(check / help).toFixed(2)}x --help)`);
      }
      else console.log('instructions: valgrind is not available; skipped');
    }
    const r = benchCheck(tree);
    console.log(`check on a ${r.files}-file tree (plus 2,000 ignored node_modules files), median of ${RUNS} runs:`);
    console.log(`  git ls-files           ${r.gitLsFiles.toFixed(0)} ms`);
    console.log(`  secure-cncf --help     ${r.help.toFixed(0)} ms`);
    console.log(`  secure-cncf check      ${r.check.toFixed(0)} ms  (${(r.check / r.help).toFixed(2)}x --help, ${(r.check / r.gitLsFiles).toFixed(1)}x git ls-files; CPU ${r.checkCpu.toFixed(0)} ms; peak RSS ${r.checkPeakRssMiB.toFixed(0)} MiB; exit ${r.status})`);
  } finally {
    if (!args.includes("--keep")) rmSync(tree, { recursive: true, force: true, maxRetries: 5 });
    else console.log(`tree kept at ${tree}`);
  }
}
