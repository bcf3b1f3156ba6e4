// The dashboard's content rules, without a browser: a level is shown green only when achieved,
// controls the target does not require are never shown as failures, rows are ordered by level,
// and paths wrap only after "/". (Widths are measured in Chromium in html.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { breakablePath, formatHtml, sortedControls } from '../../src/check/format/html.js';
import type { CheckReport } from '../../src/check/report.js';
import { check } from './helpers.js';

let root: string;
let report: CheckReport;
let html: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'secure-cncf-html-'));
  writeFileSync(path.join(root, 'go.mod'), 'module example.com/x\n');
  report = await check(root, 2); // nothing set up: achieved level 0, target 2
  html = formatHtml(report);
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

function rowOf(id: string): string {
  return new RegExp(`<tr [^>]*id="control-${id}"[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '';
}

describe('HTML dashboard content', () => {
  it('at achieved level 0 no level tile is shown as achieved', () => {
    expect(report.achievedLevel).toBe(0);
    expect(html).not.toMatch(/class="tile achieved/);
    expect((html.match(/class="tile open/g) ?? []).length).toBe(3);
    expect(html).toMatch(/class="tile open target" data-level="2"/);
  });

  it('a gap in a control the target does not require is "not required", never a red failure', () => {
    const optional = report.controls.filter((c) => !c.required && (c.status === 'fail' || c.status === 'partial'));
    expect(optional.length).toBeGreaterThan(0);
    for (const control of optional) {
      const row = rowOf(control.id);
      expect(row, control.id).toContain('○ not required');
      expect(row, control.id).not.toContain('#cf222e');
    }
    const required = report.controls.find((c) => c.required && c.status === 'fail');
    expect(rowOf(required!.id)).toContain('#cf222e');
  });

  it('orders the table by level, the required controls first within a level', () => {
    const ids = [...html.matchAll(/<tr [^>]*id="control-([^"]+)" data-level="(\d)" data-required="(true|false)"/g)].map((m) => ({ id: m[1], level: Number(m[2]), required: m[3] === 'true' }));
    expect(ids.map((r) => r.id)).toEqual(sortedControls(report.controls).map((c) => c.id));
    const key = ids.map((r) => r.level * 2 + (r.required ? 0 : 1));
    expect(key).toEqual([...key].sort((a, b) => a - b));
  });

  it('paths wrap only after a slash, never inside a name', () => {
    expect(breakablePath('.github/workflows/dependency-review.yml:28')).toBe(
      '<span class="w">.github</span>/<wbr><span class="w">workflows</span>/<wbr><span class="w">dependency-review.yml:28</span>',
    );
    expect(html).not.toContain('break-all');
    expect(html).toContain('.w{white-space:nowrap}');
  });
});
