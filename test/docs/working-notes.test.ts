// What ships or is published says nothing about how it was made: no machine paths, no notes about
// the tools or instructions used to write it, no "could not check from here". Facts keep their
// public source and neutral provenance (tag, commit, date), never the working notes around them.
// Scope: docs/, data/ (except the vendored third-party schemas), templates/ and the templates kept
// in control folders (src/**/*.ejs), presets/ and the README. The patterns are phrases, not bare words, so ordinary prose ("a brief description",
// "seed corpus", "key-value store", "tests snapshot the plan") does not trip them.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packageRoot } from '../../src/paths.js';

/** `templates/` holds shared partials only; each control's templates live in its folder under src/. */
const ROOTS = ['docs', 'data', 'templates', 'presets', 'README.md', 'src'].filter((root) => existsSync(path.join(packageRoot, root)));
/** Copies of third-party schemas: their text is upstream's, and legitimately says "snapshot". */
const VENDORED = ['data/schemas/'];
const TEXT = /\.(md|json|ya?ml|ejs|txt|csv|html|mjs|ts)$/;

/** A working-notes pattern and why it is one. */
interface Rule {
  pattern: RegExp;
  why: string;
}

export const RULES: Rule[] = [
  { pattern: /(?:^|[\s"'`(=:])\/(?:work|root|home)\//, why: 'a machine path' },
  { pattern: /(?:^|[\s"'`(=:])\/tmp\/[A-Za-z0-9]/, why: 'a machine path' },
  { pattern: /\bHELPER-BRIEF\b|\bhelper brief\b|\b(?:research|contributor|another|other|parallel) helpers?\b/i, why: 'a note about who wrote it' },
  { pattern: /\b(?:per|your|my) brief\b|\bthe brief (?:says|asks|lists|names|requires)\b/i, why: 'a reference to working instructions' },
  { pattern: /\bsearch tool\b|\b(?:find_string|read_file|find_files|find_repos)\b/i, why: 'a reference to the tools used to research it' },
  { pattern: /\b(?:docs|issues|pages)[- ]corpus\b|\b(?:public|code-search) index\b/i, why: 'a reference to the material used to research it' },
  { pattern: /\bstored (?:snapshot|cop(?:y|ies))\b|\bsnapshotAsOf\b|\b(?:in|from) (?:this|that|the) snapshot\b|\bsnapshot (?:ends|used)\b/i, why: 'a note about the copy it was read from' },
  { pattern: /\bre-?fetched\b|\bthe store (?:still|serves|holds)\b|\bfrom the store\b/i, why: 'a note about the copy it was read from' },
  { pattern: /\bon the machine this \w+ was\b|\bwhere this \w+ was (?:produced|written|made)\b|\bno network access to\b/i, why: 'a note about where it was made' },
];

function files(entry: string): string[] {
  const full = path.join(packageRoot, entry);
  if (statSync(full).isFile()) return [entry];
  return readdirSync(full, { withFileTypes: true }).flatMap((child) => files(path.join(entry, child.name)));
}

/** Findings of the rules in a text, as `file:line: match (why)`. */
export function findings(file: string, text: string, rules: Rule[] = RULES): string[] {
  const out: string[] = [];
  text.split('\n').forEach((line, index) => {
    for (const rule of rules) {
      const match = line.match(rule.pattern);
      if (match) out.push(`${file}:${index + 1}: "${match[0].trim()}" (${rule.why})`);
    }
  });
  return out;
}

const scanned = ROOTS.flatMap(files)
  .map((file) => file.split(path.sep).join('/'))
  .filter((file) => (file.startsWith('src/') ? file.endsWith('.ejs') : TEXT.test(file)) && !VENDORED.some((dir) => file.startsWith(dir)));

describe('no working notes in what ships or is published', () => {
  it('scans the documentation, data, templates, presets and README', () => {
    expect(scanned.length).toBeGreaterThan(60);
    expect(scanned).toContain('data/action-pins.json');
    expect(scanned).toContain('README.md');
  });

  it('no machine paths and no notes about how the content was made', () => {
    const problems = scanned.flatMap((file) => findings(file, readFileSync(path.join(packageRoot, file), 'utf8')));
    expect(problems).toEqual([]);
  });

  it('no page published on the site still has a placeholder to fill in', () => {
    const config = parse(readFileSync(path.join(packageRoot, 'mkdocs.yml'), 'utf8')) as { nav: unknown };
    const pages = (function collect(nav: unknown): string[] {
      if (typeof nav === 'string') return [nav];
      if (Array.isArray(nav)) return nav.flatMap(collect);
      return nav && typeof nav === 'object' ? Object.values(nav).flatMap(collect) : [];
    })(config.nav);
    const problems = pages.flatMap((page) =>
      findings(`docs/${page}`, readFileSync(path.join(packageRoot, 'docs', page), 'utf8'), [{ pattern: /_?To fill in\b/i, why: 'a placeholder' }]),
    );
    expect(pages.length).toBeGreaterThan(30);
    expect(problems).toEqual([]);
  });

  it('flags working notes and leaves ordinary prose alone (the checks above can fail)', () => {
    const flagged = [
      'Read from /work/main/docs and /tmp/x1/out.json',
      'Newest stable tag in a stored snapshot of each repository',
      'skipped per brief',
      'confirmed with the search tool (find_string)',
      'Re-fetched 2026-12-02: the store still serves the same copy',
      'about half a second on the machine this guide was written on',
      'There was no network access to clone real repositories',
      'seen in the docs corpus',
    ];
    for (const line of flagged) expect(findings('x', line), line).not.toEqual([]);
    const clean = [
      'Below you can find a brief description of each vulnerability.',
      'Add the crashing input to the seed corpus; the survey corpus is synthetic.',
      'etcd is a distributed key-value store; the auth store is fuzzed.',
      '`plan` is pure, so tests snapshot it and `--dry-run` prints it.',
      'Pipelines that run untrusted code snapshots cannot reach credentials.',
      'the tests call one helper (`test/helpers/validators.ts`)',
      'runs `go test -fuzz` briefly on each pull request; temporary files go to $RUNNER_TEMP',
    ];
    for (const line of clean) expect(findings('x', line), line).toEqual([]);
  });
});
