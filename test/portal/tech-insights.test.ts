// The Tech Insights pattern (backstage/tech-insights/): the facts are computed from a real
// `secure-cncf check` JSON report, and every check in app-config.yaml reads facts the retriever
// declares, with values of the declared type.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { planFor, tempRepo } from '../helpers/generate.js';
import { runCheck } from '../../src/check/run.js';
import { formatJson } from '../../src/check/format/json.js';
import { REPORT_SCHEMA_VERSION } from '../../src/check/report.js';
import {
  DEFAULT_REPORT_PATH,
  FACT_RETRIEVER_ID,
  FACT_SCHEMA,
  SUPPORTED_REPORT_MAJOR,
  emptyFacts,
  factsFromReport,
  parseReport,
} from '../../backstage/tech-insights/facts.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const appConfig = parse(readFileSync(path.join(ROOT, 'backstage/tech-insights/app-config.yaml'), 'utf8')) as {
  techInsights: {
    factRetrievers: Record<string, unknown>;
    factChecker: { checks: Record<string, { type: string; name: string; description: string; factIds: string[]; rule: { conditions: Record<string, Condition[]> } }> };
  };
  secureCncf: { techInsights: { reportPath: string } };
};
type Condition = { fact: string; operator: string; value: unknown };

/** The JSON `secure-cncf check --format json` prints for a directory. */
async function checkJson(files: Record<string, string>, level?: string): Promise<unknown> {
  const repo = tempRepo(files);
  try {
    const { report } = await runCheck({ directory: repo.root, level });
    return JSON.parse(formatJson(report));
  } finally {
    repo.cleanup();
  }
}

describe('Tech Insights facts from the check report', () => {
  it('reads a report of a repository with the generated level-2 setup', async () => {
    const plan = await planFor({ level: 2 });
    const files = Object.fromEntries(plan.files.map((f) => [f.path, f.content]));
    files['go.mod'] = 'module example.com/widget\n\ngo 1.22\n';
    const json = (await checkJson(files)) as { achievedLevel: number; targetMet: boolean; target: { level: number }; controls: Array<{ status: string }> };
    const facts = factsFromReport(parseReport(json));
    expect(facts.reportFound).toBe(true);
    expect(facts.reportSchemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(facts.targetLevel).toBe(json.target.level);
    expect(facts.achievedLevel).toBe(json.achievedLevel);
    expect(facts.targetMet).toBe(json.targetMet);
    expect(facts.passingControls + facts.partialControls + facts.failingControls).toBe(json.controls.filter((c) => c.status !== 'not-applicable').length);
    expect(facts.reportGeneratedAt).not.toBe('');
  });

  it('reports gaps for an empty repository', async () => {
    const facts = factsFromReport(parseReport(await checkJson({ 'README.md': '# x\n' }, '1')));
    expect(facts.achievedLevel).toBe(0);
    expect(facts.targetMet).toBe(false);
    expect(facts.failingControls).toBeGreaterThan(0);
    expect(facts.gaps.length).toBeGreaterThan(0);
  });

  it('refuses reports it does not understand', () => {
    expect(() => parseReport(null)).toThrow(/not a JSON object/);
    expect(() => parseReport({ schemaVersion: `${SUPPORTED_REPORT_MAJOR + 1}.0.0` })).toThrow(/not supported/);
    expect(() => parseReport({ schemaVersion: '1.0.0', target: { level: 1 }, achievedLevel: 1, targetMet: true })).toThrow(/controls/);
  });

  it('supports the report version the check command writes', () => {
    expect(Number(REPORT_SCHEMA_VERSION.split('.')[0])).toBe(SUPPORTED_REPORT_MAJOR);
  });

  it('produces a value of the declared type for every fact', () => {
    const expectType = (facts: Record<string, unknown>) => {
      expect(Object.keys(facts).sort()).toEqual(Object.keys(FACT_SCHEMA).sort());
      for (const [name, { type }] of Object.entries(FACT_SCHEMA)) {
        const value = facts[name];
        if (type === 'integer') expect(Number.isInteger(value), name).toBe(true);
        else if (type === 'boolean') expect(typeof value, name).toBe('boolean');
        else if (type === 'string') expect(typeof value, name).toBe('string');
        else if (type === 'set') expect(Array.isArray(value), name).toBe(true);
        else throw new Error(`unexpected fact type ${type}`);
      }
    };
    expectType(emptyFacts());
    expectType(
      factsFromReport({ schemaVersion: '1.0.0', target: { level: 2, compliance: ['soc2'] }, achievedLevel: 1, targetMet: false, controls: [{ id: 'a', status: 'fail' }] }),
    );
  });

  it('reads the fields the published report schema requires, when it is there', () => {
    const schemaFile = path.join(ROOT, 'schemas/check-report.schema.json');
    if (!existsSync(schemaFile)) return; // Written by the check command's work; the fields above come from src/check/report.ts.
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as { required?: string[] };
    for (const field of ['schemaVersion', 'target', 'achievedLevel', 'targetMet', 'controls']) expect(schema.required ?? [], field).toContain(field);
  });
});

describe('Tech Insights app-config.yaml', () => {
  const checks = Object.entries(appConfig.techInsights.factChecker.checks);

  it('schedules the retriever and points at the published report', () => {
    expect(Object.keys(appConfig.techInsights.factRetrievers)).toEqual([FACT_RETRIEVER_ID]);
    expect(appConfig.secureCncf.techInsights.reportPath).toBe(DEFAULT_REPORT_PATH);
  });

  it('has json-rules-engine checks over declared facts only, with values of the declared type', () => {
    expect(checks.length).toBeGreaterThan(0);
    const operators = ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn', 'contains', 'doesNotContain'];
    for (const [id, check] of checks) {
      expect(check.type, id).toBe('json-rules-engine');
      expect(check.factIds, id).toEqual([FACT_RETRIEVER_ID]);
      expect(check.name && check.description, id).toBeTruthy();
      const conditions = Object.values(check.rule.conditions).flat();
      expect(conditions.length, id).toBeGreaterThan(0);
      for (const condition of conditions) {
        const declared = FACT_SCHEMA[condition.fact];
        expect(declared, `${id}: ${condition.fact}`).toBeDefined();
        expect(operators, id).toContain(condition.operator);
        if (declared!.type === 'boolean') expect(typeof condition.value, id).toBe('boolean');
        if (declared!.type === 'integer') expect(Number.isInteger(condition.value), id).toBe(true);
      }
    }
  });

  it('has one level check per maturity level', () => {
    for (const level of [1, 2, 3]) {
      const check = appConfig.techInsights.factChecker.checks[`secureCncfLevel${level}`];
      expect(check?.rule.conditions.all).toEqual([{ fact: 'achievedLevel', operator: 'greaterThanInclusive', value: level }]);
    }
  });
});

