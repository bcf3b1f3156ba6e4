// Helm charts: OCI artifacts in GHCR signed by digest (the default), or chart-releaser for
// repositories that publish an index, the default where detection finds chart-releaser in use.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { answerDefaults, resolveAnswers } from '../../answers.js';
import { UsageError } from '../../errors.js';
import { findChartReleaser } from '../../detect/charts.js';
import { planFor, repoFacts } from '../../../test/helpers/generate.js';
import { checkWorkflow } from '../../../test/helpers/action-facts.js';
import { actionlint, schemaErrors } from '../../../test/helpers/validators.js';

const RELEASE = '.github/workflows/release.yml';
const usesName = (step: any): string | undefined => (typeof step.uses === 'string' ? step.uses.split('@')[0] : undefined);

describe('chart publishing', () => {
  it.each([2, 3] as const)('chart-releaser at level %i: the signed packages, after the GitHub release, with contents: write only', async (level) => {
    const plan = await planFor({ languages: ['go'], artifacts: ['helm-charts'], level, chartPublishing: 'chart-releaser' });
    const text = plan.files.find((f) => f.path === RELEASE)!.content;
    expect(await actionlint(text, RELEASE)).toEqual([]);
    expect(schemaErrors('github-workflow.json', text)).toEqual([]);
    expect(checkWorkflow(RELEASE, text, { release: true })).toEqual([]);
    const workflow = parse(text);
    const job = workflow.jobs['publish-charts'];
    expect(job.needs).toEqual(['build-charts', 'publish']);
    expect(job.permissions).toEqual({ contents: 'write' });
    expect(workflow.jobs.release.needs).not.toContain('publish-charts');
    const steps: any[] = job.steps;
    expect(steps.find((s) => usesName(s) === 'actions/download-artifact').with).toEqual({ name: 'dist-charts', path: '.cr-release-packages' });
    expect(steps.find((s) => usesName(s) === 'helm/chart-releaser-action').with).toEqual({ install_only: true });
    const script = steps.at(-1).run as string;
    expect(script).toContain('cr upload');
    expect(script).toContain('cr index');
    expect(steps.at(-1).env).toEqual({ CR_TOKEN: '${{ secrets.GITHUB_TOKEN }}' });
    expect(text).not.toContain('helm push');
    const security = plan.files.find((f) => f.path === 'SECURITY.md')!.content;
    expect(security).toContain('chart-releaser');
    expect(security).not.toContain('oci://');
  });

  it('OCI is the default: helm push to GHCR and cosign by digest', async () => {
    const plan = await planFor({ languages: ['go'], artifacts: ['helm-charts'], level: 2 });
    const workflow = parse(plan.files.find((f) => f.path === RELEASE)!.content);
    expect(workflow.jobs['publish-charts'].steps.at(-1).run).toContain('helm push');
    expect(workflow.jobs.release.needs).toContain('publish-charts');
  });

  it('defaults to chart-releaser where the repository uses it, and validates --charts', () => {
    const index = (files: Record<string, string[]>) => ({ files: new Map(Object.entries(files)) });
    expect(findChartReleaser('/nonexistent', index({ '': ['cr.yaml'] }))).toBe('cr.yaml');
    expect(findChartReleaser('/nonexistent', index({ '': ['README.md'] }))).toBeUndefined();
    const facts = { ...repoFacts({ languages: ['go'], artifacts: ['helm-charts'] }), chartReleaser: 'cr.yaml' };
    const defaults = answerDefaults(facts);
    expect(defaults.chartPublishing).toBe('chart-releaser');
    expect(resolveAnswers({ repo: 'acme/widget' }, defaults).chartPublishing).toBe('chart-releaser');
    expect(resolveAnswers({ repo: 'acme/widget', charts: 'oci' }, defaults).chartPublishing).toBe('oci');
    expect(answerDefaults(repoFacts({ languages: ['go'], artifacts: ['helm-charts'] })).chartPublishing).toBe('oci');
    expect(() => resolveAnswers({ repo: 'acme/widget', charts: 'gh-pages' }, defaults)).toThrow(UsageError);
    expect(() => resolveAnswers({ repo: 'acme/widget', charts: 'gh-pages' }, defaults)).toThrow(/Valid values: oci, chart-releaser/);
    // Not recorded for projects without charts.
    expect(resolveAnswers({ repo: 'acme/widget', artifacts: ['binaries'] }, defaults).chartPublishing).toBeUndefined();
  });
});
