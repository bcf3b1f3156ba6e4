// Output formats: JSON against the published schema, SARIF 2.1.0 against the OASIS schema plus what
// GitHub code scanning needs, text colours only on a TTY, Markdown, CLI exit codes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { toSarif } from '../../src/check/format/sarif.js';
import { formatText } from '../../src/check/format/text.js';
import { formatMarkdown } from '../../src/check/format/markdown.js';
import { REPORT_SCHEMA_VERSION, type CheckReport } from '../../src/check/report.js';
import { captureIo, check, generateRepo } from './helpers.js';

const addFormats = addFormatsModule as unknown as (a: Ajv) => void;
const root = path.resolve(import.meta.dirname, '../..');

function validator(schema: object) {
  // The SARIF schema's language pattern ("^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$") is only valid without the u flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

const reportSchema = JSON.parse(readFileSync(path.join(root, 'schemas/check-report.schema.json'), 'utf8')) as object;
const sarifSchema = (() => {
  const raw = JSON.parse(readFileSync(path.join(import.meta.dirname, 'schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as Record<string, unknown>;
  const { id, $schema: _draft04, ...rest } = raw;
  return { ...rest, $id: id };
})();

let repo: { root: string; cleanup: () => void };
let gappy: CheckReport;
let clean: CheckReport;

beforeAll(async () => {
  repo = await generateRepo(['--language', 'go', '--level', '1', '--compliance', 'pci-dss-4.0.1']);
  clean = await check(repo.root);
  gappy = await check(repo.root, 3);
}, 60_000);
afterAll(() => repo.cleanup());

describe('JSON report', () => {
  it('validates against schemas/check-report.schema.json (with and without gaps)', () => {
    const validate = validator(reportSchema);
    for (const report of [clean, gappy]) {
      const data = JSON.parse(JSON.stringify(report)) as unknown;
      expect(validate(data), JSON.stringify(validate.errors, null, 2)).toBe(true);
    }
    expect(clean.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    // The pci-dss preset adds every level-2 control the tool writes today (the check gate is pending).
    expect(gappy.nextLevel?.level).toBe(3);
    expect(gappy.compliance[0]?.requirements?.length).toBeGreaterThan(0);
  });
  it('the schema is shipped: "schemas/" is meant for package.json files', () => {
    expect(readFileSync(path.join(root, 'schemas/check-report.schema.json'), 'utf8')).toContain(REPORT_SCHEMA_VERSION.split('.')[0]!);
  });
});

describe('SARIF', () => {
  it('validates against the SARIF 2.1.0 schema', () => {
    const validate = validator(sarifSchema);
    for (const report of [clean, gappy]) {
      const sarif = JSON.parse(JSON.stringify(toSarif(report))) as unknown;
      expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);
    }
  });
  it('has what GitHub code scanning needs: one rule per control, gaps as located results', () => {
    const sarif = toSarif(gappy);
    const run = sarif.runs[0]!;
    const rules = run.tool.driver.rules;
    expect(new Set(rules.map((r) => r.id)).size).toBe(gappy.controls.length);
    expect(run.results.length).toBe(gappy.gaps.length);
    expect(gappy.gaps.length).toBeGreaterThan(0);
    for (const result of run.results as Array<Record<string, any>>) {
      expect(rules[result.ruleIndex]!.id).toBe(result.ruleId);
      expect(['error', 'warning']).toContain(result.level);
      const location = result.locations[0].physicalLocation;
      expect(location.artifactLocation.uri).toMatch(/^[^/]/); // relative to the checkout
      expect(result.message.text.length).toBeGreaterThan(0);
    }
    for (const rule of rules) expect(rule.properties['security-severity']).toMatch(/^\d+\.\d$/);
    expect(toSarif(clean).runs[0]!.results).toEqual([]);
  });
});

describe('text and Markdown', () => {
  it('colours only when asked (stdout is a TTY)', () => {
    expect(formatText(gappy, false)).not.toMatch(/\u001b\[/);
    expect(formatText(gappy, true)).toMatch(/\u001b\[31m/);
    expect(formatText(gappy)).toContain('To reach level 3 (graduated):');
  });
  it('Markdown has a row per control and escapes table cells', () => {
    const markdown = formatMarkdown(gappy);
    expect(markdown.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| |') && !l.startsWith('| Framework')).length).toBeGreaterThanOrEqual(gappy.controls.length);
    expect(markdown).toContain('### To reach level 3');
  });
});

describe('CLI', () => {
  it('exit 0 when the target is met, 1 with gaps, 2 on usage errors', async () => {
    const io = captureIo();
    expect(await main(['check', repo.root], io)).toBe(0);
    expect(await main(['check', repo.root, '--level', '3'], captureIo())).toBe(1);
    const bad = captureIo();
    expect(await main(['check', repo.root, '--format', 'yaml'], bad)).toBe(2);
    expect(bad.err.join('')).toContain('Valid formats');
    expect(await main(['check', path.join(repo.root, 'missing')], captureIo())).toBe(2);
    expect(await main(['check', repo.root, '--level', '9'], captureIo())).toBe(2);
    expect(await main(['check', repo.root, '--bogus'], captureIo())).toBe(2);
  });
  it('--min-level gates on the achieved level instead of the target', async () => {
    expect(await main(['check', repo.root, '--level', '3', '--min-level', '1'], captureIo())).toBe(0);
    expect(await main(['check', repo.root, '--min-level', '3'], captureIo())).toBe(1);
  });
  it('--format json --output writes the file and a one-line summary on stderr', async () => {
    const io = captureIo();
    const file = path.join(repo.root, 'report.json');
    expect(await main(['check', repo.root, '--format', 'json', '--output', file], io)).toBe(0);
    expect(io.out).toEqual([]);
    expect(io.err.join('')).toContain('Report written to');
    expect((JSON.parse(readFileSync(file, 'utf8')) as CheckReport).targetMet).toBe(true);
  });
});
