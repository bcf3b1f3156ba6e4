// Python distributions: built once, published to PyPI with trusted publishing from a job that holds
// only the OIDC token and an environment. The job needs a current pin of pypa/gh-action-pypi-publish;
// while the table's pin is stale the workflow says so instead of pinning an old release.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { answers, contextOf, repoFacts, TEST_DATE } from '../../../test/helpers/generate.js';
import { actionlint, schemaErrors } from '../../../test/helpers/validators.js';
import { buildProfile } from '../../profile.js';
import { renderTemplate } from '../../render.js';
import { loadPins, pinUsable, usesRef } from '../../pins.js';
import { PYPI_PUBLISH, releaseSigning } from './control.js';

const RELEASE = '.github/workflows/release.yml';

function releaseData(level: 2 | 3) {
  const chosen = answers({ languages: ['python'], artifacts: ['libraries'], level });
  const ctx = contextOf(buildProfile(chosen, repoFacts(chosen), TEST_DATE));
  return releaseSigning.outputs(ctx).find((o) => o.path === RELEASE)!;
}

describe('PyPI trusted publishing', () => {
  it('follows the pin table: a stale pin is not used, and the workflow says why PyPI publishing is missing', () => {
    const output = releaseData(2);
    const usable = pinUsable(PYPI_PUBLISH);
    expect(usable).toBe(!loadPins().actions[PYPI_PUBLISH]?.staleSnapshot);
    expect(output.data?.['pypi']).toBe(usable ? 'publish' : 'no-pin');
    const text = renderTemplate(output.template, RELEASE, output.data!);
    if (!usable) {
      expect(text).not.toContain(PYPI_PUBLISH + '@');
      expect(text).toContain('no current release of that action');
    }
  });

  it.each([2, 3] as const)('level %i: the job has only id-token: write and an environment, and turns attestations on', async (level) => {
    const output = releaseData(level);
    // Rendered with a current pin stand-in (a tag reference) so the job's shape is checked whatever the table holds.
    const pin = (name: string) => (name === PYPI_PUBLISH ? `${PYPI_PUBLISH}@v1.99.0` : usesRef(name));
    const text = renderTemplate(output.template, RELEASE, { ...output.data, pypi: 'publish', pin });
    expect(await actionlint(text, RELEASE)).toEqual([]);
    expect(schemaErrors('github-workflow.json', text)).toEqual([]);
    const job = parse(text).jobs['publish-pypi'];
    expect(job.permissions).toEqual({ 'id-token': 'write' });
    expect(job.environment).toBe('pypi');
    expect(job.needs).toEqual(['publish']);
    const publish = job.steps.at(-1);
    expect(publish.uses).toBe(`${PYPI_PUBLISH}@v1.99.0`);
    expect(publish.with).toEqual({ attestations: true });
    // No token: trusted publishing only.
    expect(JSON.stringify(job)).not.toMatch(/password|secrets\./);
    const download = job.steps.find((s: any) => String(s.uses).startsWith('actions/download-artifact'));
    expect(download.with).toEqual({ pattern: 'dist-python-*', path: 'dist', 'merge-multiple': true });
    // Built once: one build job, one matrix entry per project directory.
    expect(parse(text).jobs['build-python'].strategy.matrix.include).toHaveLength(1);
  });
});
