#!/usr/bin/env node
// Measures `check` and detection against hand-checked fact sheets of real repositories
// (test/corpus/sheets/*.json, one per repository, schema test/corpus/fact-sheet.schema.json).
//
//   npm run corpus -- --trees <dir>            <dir>/<owner>+<name>/ holds each repository's files at
//                                              the sheet's commit (e.g. `git archive <commit>`)
//   npm run corpus -- --trees <dir> --write    also write docs/corpus/results.{md,json}
//   npm run corpus -- --trees <dir> --only <owner/name>[,<owner/name>]
//
// Opt-in: the trees are not part of this repository (none of their files are committed). Each
// fact is one comparison; the report gives per-fact agreement, per-repository rows, and the
// precision and recall of production manifest directories separately.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'dist/bin.js');
const SETS = {
  // The repositories detection and evidence were tuned on.
  tuning: 'test/corpus/sheets',
  // Sheets written afterwards by someone who did not run the tool, measured before any change.
  'held-out': 'test/corpus/holdout-sheets',
};

function usage(message) {
  console.error(`corpus: ${message}\nusage: npm run corpus -- --trees <dir> [--set tuning|held-out] [--write] [--only owner/name,...] [--verbose]`);
  process.exit(2);
}

const args = process.argv.slice(2);
const options = { trees: process.env.SECURE_CNCF_CORPUS_TREES, write: false, only: undefined, verbose: false, set: 'tuning' };
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--trees') options.trees = args[++i];
  else if (args[i] === '--write') options.write = true;
  else if (args[i] === '--verbose') options.verbose = true;
  else if (args[i] === '--set') options.set = args[++i];
  else if (args[i] === '--only') options.only = new Set((args[++i] ?? '').split(',').map((s) => s.toLowerCase()));
  else usage(`unknown argument ${args[i]}`);
}
if (!(options.set in SETS)) usage(`unknown --set ${options.set}; valid: ${Object.keys(SETS).join(', ')}`);
const sheetsDir = path.join(root, SETS[options.set]);
if (!options.trees) usage('--trees <dir> is required (or SECURE_CNCF_CORPUS_TREES)');
if (!existsSync(options.trees)) usage(`${options.trees} does not exist`);
if (!existsSync(bin)) execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });

const treeNames = readdirSync(options.trees);
const PRACTICES = ['sast', 'scorecard', 'sca', 'secret-scanning', 'dependency-review', 'sbom', 'signing', 'provenance', 'fuzzing', 'container-scanning'];
const CONTROL_OF = { sast: 'sast', scorecard: 'scorecard', sca: 'sca-scanning', 'secret-scanning': 'secret-scanning', 'dependency-review': 'dependency-review', fuzzing: 'fuzzing', 'container-scanning': 'container-scanning' };

const loc = (value) => value.replace(/:\d+$/, '');
const setOf = (list) => new Set(list.map((x) => (typeof x === 'string' ? x : `${x.file}:${x.line}`)));
const sameSet = (a, b) => a.size === b.size && [...a].every((x) => b.has(x));

function audit(tree, repository) {
  const started = process.hrtime.bigint();
  const out = execFileSync(process.execPath, [bin, 'check', tree, '--repo', repository, '--level', '3', '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  }).toString();
  return { report: JSON.parse(out), ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

function auditOrGaps(tree, repository) {
  try {
    return audit(tree, repository);
  } catch (error) {
    // check exits 1 when gaps are found; its report is still on stdout.
    if (error.status === 1 && error.stdout) return { report: JSON.parse(error.stdout.toString()), ms: NaN };
    throw error;
  }
}

/** Every fact of one sheet compared with the observation. */
function compare(sheet, observed) {
  const facts = [];
  const fact = (group, name, expected, actual, agree = expected === actual, determinable = true) =>
    facts.push({ group, name, expected: String(expected), actual: String(actual), agree, determinable });

  const languages = [...sheet.languages].sort().join(',');
  fact('detection', 'languages', languages, [...observed.languages].sort().join(','));
  const ecosystems = new Set([
    ...Object.entries(sheet.ecosystems).filter(([, v]) => v.production.length > 0).map(([k]) => k),
    ...Object.entries(observed.ecosystems).filter(([, v]) => v.production.length > 0).map(([k]) => k),
  ]);
  for (const ecosystem of [...ecosystems].sort()) {
    const expected = (sheet.ecosystems[ecosystem]?.production.length ?? 0) > 0;
    const actual = (observed.ecosystems[ecosystem]?.production.length ?? 0) > 0;
    fact('detection', `ecosystem ${ecosystem}`, expected, actual);
  }
  fact('detection', 'update tool', sheet.updateTool.tool, observed.updateTool.tool);

  const policy = sheet.securityPolicy.where;
  const seen = observed.securityPolicy.where;
  if (policy === 'repo') fact('detection', 'security policy', `repo ${sheet.securityPolicy.file ?? ''}`.trim(), seen === 'repo' ? `repo ${observed.securityPolicy.file}` : seen, seen === 'repo');
  else fact('detection', 'security policy', policy, seen, seen === policy, seen !== 'unknown');

  for (const practice of PRACTICES) {
    const expected = sheet.practices[practice];
    const actual = observed.practices[practice];
    fact('practices', practice, expected.verdict, `${actual.verdict}${actual.tools.length ? ` (${actual.tools.join(', ')})` : ''}`, expected.verdict === actual.verdict);
  }

  const w = sheet.workflows;
  const o = observed.workflows;
  // The sheets count a tag-referenced SLSA generator as unpinned (every reference by SHA); check reports those apart.
  fact('workflows', 'all actions pinned', w.allActionsPinned, o.unpinned.length === 0 && o.byTag.length === 0);
  fact('workflows', 'top-level read-only', w.topLevelReadOnly, o.topLevelReadOnly);
  fact('workflows', 'injection', [...setOf(w.injection)].sort().join(' ') || 'none', [...setOf(o.injection)].sort().join(' ') || 'none', sameSet(setOf(w.injection), setOf(o.injection)));
  const dangerous = (list) => new Set(list.map((x) => (typeof x === 'string' ? loc(x) : x.file)));
  fact('workflows', 'privileged checkout', [...dangerous(w.dangerousCheckout ?? [])].sort().join(' ') || 'none', [...dangerous(o.dangerousCheckout)].sort().join(' ') || 'none', sameSet(dangerous(w.dangerousCheckout ?? []), dangerous(o.dangerousCheckout)));
  fact('workflows', 'generated', [...w.generated].sort().join(' ') || 'none', [...o.generated].sort().join(' ') || 'none', sameSet(new Set(w.generated), new Set(o.generated)));
  const unparseable = new Set((w.unparseable ?? []).map(loc));
  const warned = new Set(o.warnings.map((x) => x.file));
  fact('workflows', 'strict-YAML warnings', [...unparseable].join(' ') || 'none', [...warned].join(' ') || 'none', sameSet(unparseable, warned));
  return facts;
}

/** Production manifest directories: true positives, false positives, false negatives. */
function directories(sheet, observed) {
  const expected = new Set(Object.entries(sheet.ecosystems).flatMap(([e, v]) => v.production.map((d) => `${e} ${d}`)));
  const actual = new Set(Object.entries(observed.ecosystems).flatMap(([e, v]) => v.production.map((d) => `${e} ${d}`)));
  const allExpected = new Set(Object.entries(sheet.ecosystems).flatMap(([e, v]) => [...v.production, ...v.other].map((d) => `${e} ${d}`)));
  const allActual = new Set(Object.entries(observed.ecosystems).flatMap(([e, v]) => [...v.production, ...v.other].map((d) => `${e} ${d}`)));
  const count = (a, b) => ({ tp: [...a].filter((x) => b.has(x)).length, fp: [...b].filter((x) => !a.has(x)), fn: [...a].filter((x) => !b.has(x)) });
  return { production: count(expected, actual), all: count(allExpected, allActual) };
}

const rows = [];
for (const file of readdirSync(sheetsDir).filter((f) => f.endsWith('.json')).sort()) {
  const sheet = JSON.parse(readFileSync(path.join(sheetsDir, file), 'utf8'));
  if (options.only && !options.only.has(sheet.repository.toLowerCase())) continue;
  const dirName = treeNames.find((name) => name.toLowerCase() === sheet.repository.replace('/', '+').toLowerCase());
  if (!dirName) {
    console.error(`skip ${sheet.repository}: no tree under ${options.trees}`);
    continue;
  }
  const tree = path.join(options.trees, dirName);
  const commitFile = path.join(tree, '.corpus-commit');
  if (existsSync(commitFile) && readFileSync(commitFile, 'utf8').trim() !== sheet.commit) {
    console.error(`skip ${sheet.repository}: the tree is not at the sheet's commit ${sheet.commit.slice(0, 12)}`);
    continue;
  }
  const { report, ms } = auditOrGaps(tree, sheet.repository);
  const facts = compare(sheet, report.observed);
  rows.push({ repository: sheet.repository, commit: sheet.commit, facts, dirs: directories(sheet, report.observed), achievedLevel: report.achievedLevel, ms });
  if (options.verbose) {
    for (const f of facts.filter((x) => !x.agree)) console.error(`  ${sheet.repository}: ${f.group}/${f.name}: sheet ${f.expected} | check ${f.actual}${f.determinable ? '' : ' (not determinable offline)'}`);
  }
}

const all = rows.flatMap((r) => r.facts);
const determinable = all.filter((f) => f.determinable);
const pct = (n, d) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)}%`);
const groups = [...new Set(all.map((f) => `${f.group}/${f.name.replace(/^ecosystem .*/, 'ecosystems')}`))];
const sum = (list, key) => list.reduce((s, r) => s + (typeof r.dirs[key].tp === 'number' ? 0 : 0), 0);
void sum;
const dirTotals = (key) => {
  const tp = rows.reduce((s, r) => s + r.dirs[key].tp, 0);
  const fp = rows.reduce((s, r) => s + r.dirs[key].fp.length, 0);
  const fn = rows.reduce((s, r) => s + r.dirs[key].fn.length, 0);
  return { tp, fp, fn, precision: pct(tp, tp + fp), recall: pct(tp, tp + fn) };
};

const lines = [];
lines.push(`Repositories: ${rows.length}; facts: ${all.length} (${determinable.length} determinable offline).`);
lines.push(`Agreement: ${pct(determinable.filter((f) => f.agree).length, determinable.length)} of determinable facts; ${pct(all.filter((f) => f.agree).length, all.length)} of all facts (unknown counted as disagreement).`);
for (const group of groups) {
  const list = all.filter((f) => `${f.group}/${f.name.replace(/^ecosystem .*/, 'ecosystems')}` === group && f.determinable);
  lines.push(`  ${group.padEnd(34)} ${String(list.filter((f) => f.agree).length).padStart(4)}/${String(list.length).padEnd(4)} ${pct(list.filter((f) => f.agree).length, list.length)}`);
}
const prod = dirTotals('production');
const everything = dirTotals('all');
lines.push(`Production manifest directories: precision ${prod.precision} (${prod.fp} extra), recall ${prod.recall} (${prod.fn} missed).`);
lines.push(`All manifest directories (production and other): precision ${everything.precision}, recall ${everything.recall}.`);
console.log(lines.join('\n'));

if (options.write) {
  const outDir = path.join(root, 'docs/corpus');
  mkdirSync(outDir, { recursive: true });
  const json = {
    set: options.set,
    measuredWith: JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version,
    measuredOn: new Date().toISOString().slice(0, 10),
    repositories: rows.map((r) => ({
      repository: r.repository,
      commit: r.commit,
      agreement: `${r.facts.filter((f) => f.agree && f.determinable).length}/${r.facts.filter((f) => f.determinable).length}`,
      achievedLevel: r.achievedLevel,
      checkMs: Math.round(r.ms),
      disagreements: r.facts.filter((f) => !f.agree).map((f) => ({ fact: `${f.group}/${f.name}`, sheet: f.expected, check: f.actual, determinable: f.determinable })),
      directories: { production: { extra: r.dirs.production.fp, missed: r.dirs.production.fn } },
    })),
    summary: {
      facts: all.length,
      determinable: determinable.length,
      agreeDeterminable: determinable.filter((f) => f.agree).length,
      agreeAll: all.filter((f) => f.agree).length,
      groups: Object.fromEntries(groups.map((g) => {
        const list = all.filter((f) => `${f.group}/${f.name.replace(/^ecosystem .*/, 'ecosystems')}` === g && f.determinable);
        return [g, { agree: list.filter((f) => f.agree).length, total: list.length }];
      })),
      productionDirectories: prod,
      allDirectories: everything,
    },
  };
  // The held-out figure measured before any change the held-out set prompted stays on the page.
  const file = path.join(outDir, `results-${options.set}.json`);
  if (options.set === 'held-out' && existsSync(file)) {
    const previous = JSON.parse(readFileSync(file, 'utf8'));
    json.firstMeasurement = previous.firstMeasurement ?? { measuredOn: previous.measuredOn, summary: previous.summary };
  }
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  const { renderCorpusPage } = await import('./corpus-page.mjs');
  writeFileSync(path.join(outDir, 'README.md'), renderCorpusPage(outDir));
  console.log(`wrote docs/corpus/results-${options.set}.json (${rows.length} repositories) and docs/corpus/README.md`);
}
