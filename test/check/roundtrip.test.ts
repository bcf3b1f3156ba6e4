// A repository generated at level n passes `check --level n` with no gaps, for every language;
// removing any one control's files (or breaking the property a file-less control checks) makes
// exactly that control stop passing.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/model.js';
import { CATALOG } from '../../src/catalog/index.js';
import { runCheck } from '../../src/check/run.js';
import { check, gapDetails, generateRepo, statuses } from './helpers.js';

const LEVELS = [1, 2, 3] as const;
const ARTIFACTS = 'binaries,container-images';
// Known generator gaps, asserted exactly so the test fails (and this list is trimmed) once fixed:
// for C/C++ and Python the fuzzing control writes only a guide (docs/security/fuzzing.md), no
// workflow or fuzz target, so nothing fuzzes yet and check reports it as partial.
const KNOWN_GAPS: Record<string, string[]> = {};
// Controls whose evidence treats absence as "not applicable" (optional developer-portal metadata,
// mapped to no OSPS requirement): removing their files makes them stop passing but is not a gap.
const OPTIONAL = new Set(['portal-catalog', 'techdocs']);
const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

describe('round trip: generated at level n passes check --level n', () => {
  for (const level of LEVELS) {
    for (const language of LANGUAGES) {
      it(`level ${level}, ${language}`, async () => {
        const repo = await generateRepo(['--language', language, '--level', String(level), '--artifacts', ARTIFACTS]);
        cleanups.push(repo.cleanup);
        const report = await check(repo.root);
        expect(report.target.level).toBe(level); // from the stored answers
        const known = KNOWN_GAPS[`${level}:${language}`] ?? [];
        expect(gapDetails(report).filter((gap) => !known.some((id) => gap.startsWith(`${id}:`)))).toEqual([]);
        expect(report.gaps).toEqual(known);
        expect(report.targetMet).toBe(known.length === 0);
        expect(report.achievedLevel).toBe(known.length === 0 ? level : level - 1);
      }, 60_000);
    }
  }

  it('a compliance preset adds the compliance documents and they pass', async () => {
    const repo = await generateRepo(['--language', 'go', '--level', '1', '--compliance', 'soc2']);
    cleanups.push(repo.cleanup);
    const report = await check(repo.root);
    expect(statuses(report)['compliance-docs']).toBe('pass');
    expect(gapDetails(report)).toEqual([]);
    expect(report.compliance[0]?.id).toBe('soc2');
  }, 60_000);
});

describe('removing one control makes exactly that control fail', async () => {
  const level = 3;
  const repo = await generateRepo(['--language', 'go', '--level', String(level), '--artifacts', ARTIFACTS]);
  cleanups.push(repo.cleanup);
  const baseline = await check(repo.root);
  const { ctx } = await runCheck({ directory: repo.root });
  const passing = CATALOG.filter((c) => statuses(baseline)[c.id] === 'pass').map((c) => ({ id: c.id, files: c.outputs(ctx).map((o) => o.path) }));

  it('baseline passes everything required', () => {
    expect(gapDetails(baseline)).toEqual([]);
  });

  for (const control of passing.filter((c) => c.files.length > 0)) {
    it(`without ${control.id} (${control.files.join(', ')})`, async () => {
      const saved = control.files.map((file) => [file, readFileSync(path.join(repo.root, file), 'utf8')] as const);
      try {
        for (const file of control.files) rmSync(path.join(repo.root, file));
        const after = await check(repo.root);
        const changed = after.controls.filter((c) => c.status !== statuses(baseline)[c.id]).map((c) => c.id);
        expect(changed).toEqual([control.id]);
        if (OPTIONAL.has(control.id)) expect(statuses(after)[control.id]).toBe('not-applicable');
        else expect(after.gaps).toEqual([control.id]);
      } finally {
        for (const [file, content] of saved) writeFileSync(path.join(repo.root, file), content);
      }
    });
  }

  const edits: Array<{ id: string; file: string; edit: (text: string) => string }> = [
    { id: 'pinned-actions', file: '.github/workflows/codeql.yml', edit: (t) => t.replace(/actions\/checkout@[0-9a-f]{40}/, 'actions/checkout@v4') },
    { id: 'workflow-permissions', file: '.github/workflows/dependency-review.yml', edit: (t) => t.replace('permissions: {}', 'permissions: write-all') },
    {
      id: 'workflow-permissions',
      file: '.github/workflows/dependency-review.yml',
      edit: (t) => t.replace('      - name: Review dependencies', '      - name: Greet\n        run: echo "${{ github.event.pull_request.title }}"\n      - name: Review dependencies'),
    },
  ];
  for (const { id, file, edit } of edits) {
    it(`breaking ${id} in ${file}`, async () => {
      const original = readFileSync(path.join(repo.root, file), 'utf8');
      try {
        const changedText = edit(original);
        expect(changedText).not.toBe(original);
        writeFileSync(path.join(repo.root, file), changedText);
        const after = await check(repo.root);
        const changed = after.controls.filter((c) => c.status !== statuses(baseline)[c.id]).map((c) => c.id);
        expect(changed).toEqual([id]);
      } finally {
        writeFileSync(path.join(repo.root, file), original);
      }
    });
  }
});
