// Issue 17, cases 6-7: no hang. Speed itself is measured by `npm run bench` (a 20 MB workflow),
// never asserted here; these tests pin down the linear code paths' results.
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { applyPatch } from 'diff';
import { byteSnapshot, cli, editableWorkflow, tempTree } from './helpers.js';
import { lineOf } from '../../src/retrofit/text.js';
import { unifiedDiff } from '../../src/diff.js';
import { hardenWorkflow } from '../../src/retrofit/workflow-harden.js';
// @ts-expect-error plain ESM script shared with the benchmark
import { largeWorkflow } from '../../scripts/bench-workflow.mjs';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});
function tree(files: Record<string, string | Buffer> = {}): string {
  const made = tempTree(files);
  cleanups.push(made.cleanup);
  return made.root;
}

describe('case 6: a workflow with many jobs is processed in linear time', () => {
  it('line numbers from the line index agree with counting newlines, at every offset class', () => {
    const text = 'a\nbb\r\n\nccc\n\n'.repeat(500);
    const naive = (offset: number) => text.slice(0, offset).split('\n').length;
    for (let offset = 0; offset <= text.length; offset += 7) expect(lineOf(text, offset)).toBe(naive(offset));
    expect(lineOf(text, text.length + 10)).toBe(naive(text.length));
    expect(lineOf('x', -1)).toBe(1);
  });

  it('hardening a workflow of hundreds of jobs: every job edited, line numbers right, the diff applies', () => {
    const text: string = largeWorkflow(96 * 1024);
    const jobs = text.match(/^ {2}build-\d+:$/gm)?.length ?? 0;
    expect(jobs).toBeGreaterThan(300);
    const result = hardenWorkflow('.github/workflows/big.yml', text);
    expect(result.changes.filter((c) => c.startsWith('added persist-credentials')).length).toBe(jobs);
    // Job n's checkout is on line 4 + 9n + 5: the reported line must say so for the last job too.
    const last = jobs - 1;
    expect(result.changes).toContain(`added persist-credentials: false to the checkout in job "build-${last}" (line ${4 + 9 * last + 5})`);
    // Above the Myers limit the linear alignment is used; its patch must still turn before into after.
    const patch = unifiedDiff('.github/workflows/big.yml', text, result.after);
    expect(applyPatch(text, patch)).toBe(result.after);
    expect(patch.split('\n').filter((l) => l.startsWith('-') && !l.startsWith('---')).length).toBe(2 * jobs); // the two uses: lines
  });

  it('duplicate keys are still refused (checked in linear time instead of by the parser)', () => {
    const text = 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: one\n  b:\n    runs-on: x\n    steps:\n      - run: two\n  a:\n    runs-on: y\n    steps:\n      - run: three\n';
    expect(() => hardenWorkflow('.github/workflows/dup.yml', text)).toThrow(/dup\.yml:11: not valid YAML \(Map keys must be unique\)/);
  });

  it('the linear diff is a valid patch for unrelated texts and missing final newlines too', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `line ${i % 97} ${i % 13}`).join('\n');
    const b = Array.from({ length: 2500 }, (_, i) => `line ${i % 89} ${i % 11}`).join('\n');
    for (const [x, y] of [[a, b], [a, `${a}\n`], [`${b}\n`, a]] as const) expect(applyPatch(x, unifiedDiff('f', x, y))).toBe(y);
  });
});

function mkfifo(file: string): boolean {
  try {
    execFileSync('mkfifo', [file]);
    return true;
  } catch {
    return false;
  }
}

describe('case 7: a FIFO where a file is expected is reported, never opened for a blocking read', () => {
  it('workflow, dependabot.yml and package.json as FIFOs: retrofit finishes and names them', async () => {
    const root = tree({ 'go.mod': 'module x\n', '.github/workflows/ok.yml': editableWorkflow() });
    if (!mkfifo(path.join(root, '.github/workflows/pipe.yml'))) return;
    mkfifo(path.join(root, '.github/dependabot.yml'));
    mkfifo(path.join(root, 'package.json'));
    const result = await cli(['retrofit', root, '--yes', '--repo', 'acme/widget']);
    expect(result.out).toMatch(/error\s+\.github\/workflows\/pipe\.yml\s+.*is a named pipe \(FIFO\), not a regular file/);
    expect(result.out).toMatch(/error\s+\.github\/dependabot\.yml\s+.*is a named pipe \(FIFO\)/);
    expect(readFileSync(path.join(root, '.github/workflows/ok.yml'), 'utf8')).toContain('persist-credentials: false');
    expect(result.code).toBe(3);
  });

  it('the state file and the pins file as FIFOs: exit 2 naming them', async () => {
    const state = tree({ 'go.mod': 'module x\n' });
    if (!mkfifo(path.join(state, '.secure-cncf.json'))) return;
    for (const argv of [['retrofit', state, '--yes', '--repo', 'acme/widget'], ['upgrade', state, '--yes'], ['check', state]]) {
      const result = await cli(argv);
      expect(result.code, argv[0]).toBe(2);
      expect(result.err).toMatch(/\.secure-cncf\.json is a named pipe \(FIFO\), not a regular file/);
    }
    const pins = tree({ 'go.mod': 'module x\n', '.github/workflows/ci.yml': editableWorkflow() });
    mkfifo(path.join(pins, '.github/secure-cncf-pins.json'));
    const before = byteSnapshot(pins);
    const result = await cli(['retrofit', pins, '--yes', '--repo', 'acme/widget']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/\.github\/secure-cncf-pins\.json is a named pipe \(FIFO\)/);
    expect(byteSnapshot(pins)).toEqual(before);
  });
});
