// Property: whatever bytes and YAML a repository holds, retrofit changes nothing outside its
// edits. Files that are not UTF-8 (or not editable) stay byte-identical; edited files differ from
// the original only by pinned `uses:` values and inserted lines, with the BOM and line endings kept.
// Inputs come from a seeded generator (test/hostile/random-input.ts): a failure names its seed.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { diffLines } from 'diff';
import { cli, tempTree } from './helpers.js';
import { Gen, randomDependabot, randomWorkflow } from './random-input.js';
import { decodeUtf8 } from '../../src/read-file.js';
import { hardenWorkflow } from '../../src/retrofit/workflow-harden.js';
import { mergeDependabot } from '../../src/retrofit/dependabot-merge.js';
import { EditError } from '../../src/retrofit/yaml-doc.js';

type Outcome = 'unchanged' | 'untouched-not-utf8' | 'edited';

function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

const USES_LINE = /^(\s*(?:-\s+)?uses:\s*)(\S+)(.*?)(\r?\n)?$/;

/** Check that `after` keeps every byte of `before` outside pinned uses: values and inserted lines. */
function checkPreserved(before: Buffer, after: Buffer, label: string, allowPins: boolean): Outcome {
  const text = decodeUtf8(before);
  if (text === undefined) {
    expect(after.equals(before), `${label}: a file that is not UTF-8 was changed`).toBe(true);
    return 'untouched-not-utf8';
  }
  if (after.equals(before)) return 'unchanged';
  const out = decodeUtf8(after);
  expect(out, `${label}: the result is not valid UTF-8`).toBeDefined();
  const edited = out as string;
  expect(edited.startsWith('\uFEFF'), `${label}: byte-order mark`).toBe(text.startsWith('\uFEFF'));
  const pureCrlf = !/(^|[^\r])\n/.test(text) && text.includes('\r\n');
  const parts = diffLines(text, edited);
  // A minimal diff may align a moved line (an inserted `with:`) with an old one: replacements are
  // looked for among all added lines, each used once.
  const allAdded = parts.filter((part) => part.added).flatMap((part) => linesOf(part.value));
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p]!;
    if (part.added) {
      for (const line of linesOf(part.value)) {
        if (pureCrlf && line.endsWith('\n')) expect(line.endsWith('\r\n'), `${label}: inserted line with another line ending: ${JSON.stringify(line)}`).toBe(true);
      }
    }
    if (!part.removed) continue;
    const added = parts[p + 1]?.added ? linesOf(parts[p + 1]!.value) : parts[p - 1]?.added ? linesOf(parts[p - 1]!.value) : [];
    // The last line had no end of line and lines were appended: an end of line was inserted, no byte changed.
    const removedLines = linesOf(part.value);
    if (removedLines.length === 1 && !part.value.endsWith('\n') && added.some((a) => a === `${part.value}\n` || a === `${part.value}\r\n`)) continue;
    expect(allowPins, `${label}: lines removed: ${JSON.stringify(part.value)}`).toBe(true);
    for (const line of removedLines) {
      const match = USES_LINE.exec(line);
      expect(match, `${label}: a line that is not a uses: line changed: ${JSON.stringify(line)}`).not.toBeNull();
      const [, prefix, , rest, eol] = match!;
      const tail = rest!.replace(/^\s*#\s?/, '').trim();
      const index = allAdded.findIndex((a) => a.startsWith(prefix!) && /@[0-9a-f]{40} # v\d/.test(a) && a.includes(tail) && (eol ? a.endsWith(eol) : true));
      expect(index, `${label}: no pinned replacement for ${JSON.stringify(line)} in ${JSON.stringify(allAdded)}`).toBeGreaterThanOrEqual(0);
      allAdded.splice(index, 1);
    }
  }
  return 'edited';
}

describe('property: byte preservation outside edits', () => {
  it('retrofit over random workflows, dependabot.yml files and random bytes (seeds 1-16)', async () => {
    const outcomes: Record<Outcome, number> = { unchanged: 0, 'untouched-not-utf8': 0, edited: 0 };
    for (let seed = 1; seed <= 16; seed++) {
      const g = new Gen(seed);
      const workflow = randomWorkflow(g);
      const dependabot = randomDependabot(g);
      const noise = g.bytes(g.int(0, 400));
      const made = tempTree({ 'go.mod': 'module x\n', '.github/workflows/ci.yml': workflow.bytes, '.github/dependabot.yml': dependabot.bytes, '.github/workflows/noise.yml': noise });
      try {
        const result = await cli(['retrofit', made.root, '--yes', '--repo', 'acme/widget']);
        expect([0, 1, 3], `seed ${seed}: exit ${result.code}\n${result.out}${result.err}`).toContain(result.code);
        const read = (file: string) => readFileSync(path.join(made.root, file));
        outcomes[checkPreserved(workflow.bytes, read('.github/workflows/ci.yml'), `seed ${seed} ci.yml`, true)]++;
        checkPreserved(dependabot.bytes, read('.github/dependabot.yml'), `seed ${seed} dependabot.yml`, false);
        expect(read('.github/workflows/noise.yml').equals(noise), `seed ${seed}: random bytes changed`).toBe(true);
      } finally {
        made.cleanup();
      }
    }
    // Not vacuous: some files were edited, some refused for their bytes.
    expect(outcomes.edited).toBeGreaterThanOrEqual(4);
    expect(outcomes['untouched-not-utf8']).toBeGreaterThanOrEqual(2);
  });

  it('hardenWorkflow over 300 random UTF-8 workflows: pins and insertions only', () => {
    let edited = 0;
    let refused = 0;
    for (let seed = 1000; seed < 1300; seed++) {
      const g = new Gen(seed);
      const { bytes } = randomWorkflow(g, false);
      const text = decodeUtf8(bytes) as string;
      try {
        const result = hardenWorkflow('.github/workflows/ci.yml', text);
        if (checkPreserved(bytes, Buffer.from(result.after, 'utf8'), `seed ${seed}`, true) === 'edited') edited++;
      } catch (error) {
        if (!(error instanceof EditError)) throw new Error(`seed ${seed}: ${(error as Error).stack}`);
        refused++;
      }
    }
    expect(edited).toBeGreaterThan(150);
    expect(refused).toBeLessThan(150);
  });

  it('mergeDependabot over 200 random files: insertions only', () => {
    let edited = 0;
    for (let seed = 2000; seed < 2200; seed++) {
      const g = new Gen(seed);
      const { bytes } = randomDependabot(g, false);
      const text = decodeUtf8(bytes) as string;
      try {
        const result = mergeDependabot('.github/dependabot.yml', text, { gomod: ['/'], 'github-actions': ['/'] });
        if (checkPreserved(bytes, Buffer.from(result.after, 'utf8'), `seed ${seed}`, false) === 'edited') edited++;
      } catch (error) {
        if (!(error instanceof EditError)) throw new Error(`seed ${seed}: ${(error as Error).stack}`);
      }
    }
    expect(edited).toBeGreaterThan(150);
  });
});
