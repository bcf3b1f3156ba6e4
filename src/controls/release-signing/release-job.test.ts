// The release job's edit for keyless GoReleaser signing: id-token: write and the installers land
// exactly where they belong, nothing else in the workflow changes, and every case it cannot edit
// safely comes back as a reason (a manual step) instead of a guess.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { releaseJobEdit } from './release-job.js';
import { parseWorkflow } from '../../evidence/workflow.js';
import { actionlint } from '../../../test/helpers/validators.js';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

function edit(text: string, syft = true) {
  const workflow = parseWorkflow('.github/workflows/release.yml', text);
  const job = workflow.jobs.find((j) => j.steps.some((s) => s.uses?.name === 'goreleaser/goreleaser-action'))!;
  const step = job.steps.find((s) => s.uses?.name === 'goreleaser/goreleaser-action')!;
  return releaseJobEdit('.github/workflows/release.yml', text, { jobId: job.id, stepLine: step.uses!.line, syft }, job.steps);
}

const JOB_PERMISSIONS = lines(
  'name: Release',
  'on:',
  '  push:',
  '    tags: ["v*"]',
  'jobs:',
  '  release:',
  '    runs-on: ubuntu-latest',
  '    permissions:',
  '      contents: write # release files',
  '    steps:',
  '      - uses: actions/checkout@v4',
  '        with:',
  '          fetch-depth: 0',
  '      # GoReleaser builds and publishes everything.',
  '      - name: Release',
  '        uses: goreleaser/goreleaser-action@v6',
  '        with:',
  '          args: release --clean',
  '        env:',
  '          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}',
);

describe('releaseJobEdit', () => {
  it('adds id-token: write to the job\'s own permissions and cosign and Syft above the GoReleaser step and its comment', async () => {
    const result = edit(JOB_PERMISSIONS);
    if ('reason' in result) throw new Error(result.reason);
    const out = result.after.split('\n');
    // Only insertions: every line of the original is still there, in order.
    const kept = out.filter((line) => JOB_PERMISSIONS.split('\n').includes(line));
    expect(kept.join('\n')).toBe(JOB_PERMISSIONS.split('\n').join('\n'));
    const model = parse(result.after);
    expect(model.jobs.release.permissions).toEqual({ contents: 'write', 'id-token': 'write' });
    const steps = model.jobs.release.steps as Array<{ name?: string; uses?: string }>;
    expect(steps.map((s) => s.uses?.replace(/@.*/, ''))).toEqual(['actions/checkout', 'sigstore/cosign-installer', 'anchore/sbom-action/download-syft', 'goreleaser/goreleaser-action']);
    expect(steps[1]!.uses).toMatch(/^sigstore\/cosign-installer@[0-9a-f]{40}$/);
    // The maintainers' comment still sits right above their GoReleaser step.
    expect(result.after).toMatch(/# GoReleaser builds and publishes everything\.\n {6}- name: Release\n/);
    expect(result.details).toEqual([
      'job "release": added id-token: write to its permissions (keyless signing)',
      expect.stringMatching(/installs cosign and syft before GoReleaser/),
    ]);
    expect(await actionlint(result.after, '.github/workflows/release.yml')).toEqual([]);
  });

  it('copies the top level\'s scopes into a job block with id-token: write (a job block replaces the top level)', () => {
    const text = JOB_PERMISSIONS.replace('    permissions:\n      contents: write # release files\n', '').replace('jobs:\n', 'permissions:\n  contents: write\n  packages: write\njobs:\n');
    const result = edit(text, false);
    if ('reason' in result) throw new Error(result.reason);
    const model = parse(result.after);
    expect(model.permissions).toEqual({ contents: 'write', packages: 'write' });
    expect(model.jobs.release.permissions).toEqual({ contents: 'write', packages: 'write', 'id-token': 'write' });
    expect(model.jobs.release.steps.map((s: { uses?: string }) => s.uses?.replace(/@.*/, ''))).toEqual(['actions/checkout', 'sigstore/cosign-installer', 'goreleaser/goreleaser-action']);
  });

  it('changes nothing where the job already has the token and the tools', () => {
    const text = JOB_PERMISSIONS.replace('      contents: write # release files\n', '      contents: write\n      id-token: write\n').replace(
      '      # GoReleaser',
      '      - uses: sigstore/cosign-installer@v3\n      - run: curl -sSfL https://example.invalid/install-syft.sh | sh -s -- -b /usr/local/bin\n      # GoReleaser',
    );
    const result = edit(text);
    expect(result).toEqual({ after: text, details: [] });
  });

  it('gives a reason, not a guess, where the job\'s permissions are unknown or chosen', () => {
    const none = JOB_PERMISSIONS.replace('    permissions:\n      contents: write # release files\n', '');
    expect(edit(none)).toEqual({ reason: expect.stringMatching(/sets no permissions.*depends on the repository's settings/) });
    const chosen = JOB_PERMISSIONS.replace('contents: write # release files', 'contents: write\n      id-token: none');
    expect(edit(chosen)).toEqual({ reason: expect.stringMatching(/id-token: none; the maintainers chose that/) });
    const readAll = JOB_PERMISSIONS.replace('    permissions:\n      contents: write # release files\n', '    permissions: read-all\n');
    expect(edit(readAll)).toEqual({ reason: expect.stringMatching(/cannot be extended safely \(read-all\)/) });
  });

  it('needs nothing where everything is granted (write-all)', () => {
    const text = JOB_PERMISSIONS.replace('    permissions:\n      contents: write # release files\n', '    permissions: write-all\n');
    const result = edit(text, false);
    if ('reason' in result) throw new Error(result.reason);
    expect(result.details).toEqual([expect.stringMatching(/installs cosign before GoReleaser/)]);
  });

  it('keeps the blank lines between steps where the job has them', () => {
    const spaced = JOB_PERMISSIONS.replace('      # GoReleaser', '\n      # GoReleaser');
    const result = edit(spaced, false);
    if ('reason' in result) throw new Error(result.reason);
    expect(result.after).toMatch(/fetch-depth: 0\n\n {6}- name: Install cosign \(GoReleaser signs with it\)\n {8}uses: sigstore\/cosign-installer@[0-9a-f]{40} # v[\d.]+\n\n {6}# GoReleaser builds/);
  });

  it('leaves a job that blocks egress to the maintainers, naming the endpoints signing needs', () => {
    const blocked = JOB_PERMISSIONS.replace('      - uses: actions/checkout@v4\n', '      - uses: step-security/harden-runner@v2\n        with:\n          egress-policy: block\n      - uses: actions/checkout@v4\n');
    expect(edit(blocked)).toEqual({ reason: expect.stringMatching(/blocks egress .*fulcio\.sigstore\.dev:443, rekor\.sigstore\.dev:443/) });
  });
});
