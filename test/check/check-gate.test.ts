// The level-2 workflow that runs `check` on pull requests and uploads the SARIF.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { planFor } from '../helpers/generate.js';
import { actionlint, schemaErrors } from '../helpers/validators.js';
import { generatorInfo } from '../../src/version.js';
import { CHECK_ACTION, checkGateData } from '../../src/controls/check-gate/control.js';
import { loadPins, type PinTable } from '../../src/pins.js';
import { renderTemplate } from '../../src/render.js';
import { buildProfile } from '../../src/profile.js';
import { answers, emptyFacts } from '../helpers/generate.js';

const PATH = '.github/workflows/secure-cncf-check.yml';

describe('check-gate workflow', () => {
  it('is not generated at level 1', async () => {
    expect((await planFor({ level: 1 })).files.map((f) => f.path)).not.toContain(PATH);
  });

  for (const level of [2, 3] as const) {
    it(`level ${level}: valid, pinned, least privilege, no expressions in run:`, async () => {
      const file = (await planFor({ level })).files.find((f) => f.path === PATH);
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
      const { name, version } = generatorInfo();
      expect(source).toContain(`npx --yes ${name}@${version} check --format sarif --output secure-cncf.sarif`);
      const upload = job.steps.find((s: any) => String(s.uses).startsWith('github/codeql-action/upload-sarif@'));
      expect(upload.with).toEqual({ sarif_file: 'secure-cncf.sarif', category: 'secure-cncf' });
      expect(upload.if).toContain('!cancelled()');
    });
  }

  it('the shipped pin table records no release of the secure-cncf action, so no SHA for it is generated', async () => {
    expect(loadPins().actions[CHECK_ACTION]).toBeUndefined();
    const source = (await planFor({ level: 2 })).files.find((f) => f.path === PATH)!.content;
    expect(source).not.toContain(`${CHECK_ACTION}@`);
  });

  it('once the pin table records a release of the action, the gate uses it by that commit SHA with its tag comment', async () => {
    const shipped = loadPins();
    const sha = 'a'.repeat(40);
    const table: PinTable = { ...shipped, actions: { ...shipped.actions, [CHECK_ACTION]: { tag: 'v1.2.3', sha, kind: 'action', pinBy: 'sha', runsUsing: 'node24' } } };
    const profile = buildProfile(answers({ level: 2 }), emptyFacts());
    const source = renderTemplate('check-gate/secure-cncf-check.yml.ejs', PATH, checkGateData(profile, table));
    expect(await actionlint(source, PATH)).toEqual([]);
    expect(schemaErrors('github-workflow.json', source)).toEqual([]);
    const job = (parse(source) as Record<string, any>).jobs.check;
    const audit = job.steps.find((s: any) => s.name === 'Audit the repository');
    expect(audit.uses).toBe(`${CHECK_ACTION}@${sha}`);
    expect(source).toContain(`uses: ${CHECK_ACTION}@${sha} # v1.2.3`);
    expect(audit.with).toEqual({ format: 'sarif', output: 'secure-cncf.sarif' });
    expect(source).not.toContain('npx');
    expect(job.permissions).toEqual({ contents: 'read', 'security-events': 'write' });
    for (const step of job.steps) if (step.uses) expect(step.uses).toMatch(/@[0-9a-f]{40}$/);
    // A stale or malformed record is refused, never used.
    const stale: PinTable = { ...table, actions: { ...table.actions, [CHECK_ACTION]: { ...table.actions[CHECK_ACTION]!, sha: 'v1.2.3' } } };
    expect(() => checkGateData(profile, stale)).toThrow(/not a full commit SHA/);
  });
});
