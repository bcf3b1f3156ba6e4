// Repositories written in common third-party styles, not by this tool, are recognised.
import { afterEach, describe, expect, it } from 'vitest';
import { tempRepo } from '../helpers/generate.js';
import { runCheck } from '../../src/check/run.js';
import type { ControlResult } from '../../src/check/report.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function audit(files: Record<string, string>, level = 3): Promise<Record<string, ControlResult>> {
  const repo = tempRepo({ 'go.mod': 'module example.com/x\n\ngo 1.22\n', ...files });
  cleanup = repo.cleanup;
  const { report } = await runCheck({ directory: repo.root, level: String(level) });
  return Object.fromEntries(report.controls.map((c) => [c.id, c]));
}

const PR_WORKFLOW = (name: string, steps: string, on = 'on:\n  push:\n    branches: [main]\n  pull_request:\n') =>
  `name: ${name}\n${on}permissions:\n  contents: read\njobs:\n  run:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${steps}`;

describe('dependency updates', () => {
  for (const file of ['renovate.json', 'renovate.json5', '.github/renovate.json', '.github/renovate.json5', '.gitlab/renovate.json', '.renovaterc', '.renovaterc.json', '.renovaterc.json5']) {
    it(`Renovate (${file}) instead of Dependabot`, async () => {
      const c = await audit({ [file]: '{ "extends": ["config:recommended"] }\n' });
      expect(c['dependency-updates']).toMatchObject({ status: 'pass', locations: [{ file }] });
    });
  }
  it('Renovate configured in package.json', async () => {
    const c = await audit({ 'package.json': '{\n  "name": "x",\n  "renovate": { "extends": ["config:base"] }\n}\n' });
    expect(c['dependency-updates']).toMatchObject({ status: 'pass', locations: [{ file: 'package.json', line: 3 }] });
  });
  it('Dependabot .yaml without github-actions is partial when there are workflows', async () => {
    const c = await audit({
      '.github/dependabot.yaml': 'version: 2\nupdates:\n  - package-ecosystem: gomod\n    directory: /\n    schedule:\n      interval: weekly\n',
      '.github/workflows/ci.yml': PR_WORKFLOW('CI', '      - run: go test ./...\n'),
    });
    expect(c['dependency-updates']?.status).toBe('partial');
  });
});

describe('static analysis', () => {
  it('CodeQL advanced setup (tag-pinned, real-world layout)', async () => {
    const workflow = [
      'name: "CodeQL"',
      'on:',
      '  push:',
      '    branches: [ "main" ]',
      '  pull_request:',
      '    branches: [ "main" ]',
      '  schedule:',
      "    - cron: '21 3 * * 1'",
      'jobs:',
      '  analyze:',
      '    runs-on: ubuntu-latest',
      '    permissions:',
      '      security-events: write',
      '    steps:',
      '    - uses: actions/checkout@v4',
      '    - uses: github/codeql-action/init@v3',
      '      with:',
      '        languages: go',
      '    - uses: github/codeql-action/analyze@v3',
      '',
    ].join('\n');
    const c = await audit({ '.github/workflows/codeql-analysis.yml': workflow });
    expect(c['sast']).toMatchObject({ status: 'pass', locations: [{ file: '.github/workflows/codeql-analysis.yml', line: 16 }, { file: '.github/workflows/codeql-analysis.yml', line: 19 }] });
    expect(c['pinned-actions']?.status).toBe('fail');
    expect(c['pinned-actions']?.summary).toContain('0/3');
    // No top-level permissions, but the only job sets its own.
    expect(c['workflow-permissions']?.status).toBe('partial');
  });
  it('Semgrep and gosec', async () => {
    const c = await audit({ '.github/workflows/lint.yml': PR_WORKFLOW('Lint', '      - run: semgrep ci\n      - uses: securego/gosec@master\n        with:\n          args: ./...\n') });
    expect(c['sast']?.status).toBe('pass');
    expect(c['sast']?.summary).toContain('Semgrep, gosec');
  });
  it('CodeQL default setup cannot be seen: partial with a note', async () => {
    const c = await audit({});
    expect(c['sast']?.status).toBe('partial');
    expect(c['sast']?.summary).toMatch(/default setup/);
  });
  it('a shared workflow of the organisation named for the practice is "delegated" (not verified offline)', async () => {
    const c = await audit({
      '.github/workflows/security.yml': 'on: [pull_request]\npermissions: {}\njobs:\n  codeql:\n    permissions:\n      security-events: write\n    uses: my-org/.github/.github/workflows/codeql.yml@0123456789abcdef0123456789abcdef01234567\n',
    });
    expect(c['sast']).toMatchObject({ status: 'delegated', delegatedTo: 'my-org/.github', locations: [{ file: '.github/workflows/security.yml', line: 7 }] });
    expect(c['sast']?.summary).toContain('delegated to my-org/.github/.github/workflows/codeql.yml@0123456789abcdef0123456789abcdef01234567');
    expect(c['sast']?.summary).toMatch(/not verified/);
  });
  it('a shared workflow not named for the practice is no hedge for it', async () => {
    const c = await audit({ '.github/workflows/ci.yml': 'on: [push]\npermissions: {}\njobs:\n  build:\n    uses: my-org/shared/.github/workflows/build.yml@main\n' });
    expect(c['sca-scanning']).toMatchObject({ status: 'fail' });
    expect(c['sca-scanning']?.delegatedTo).toBeUndefined();
  });
});

describe('dependency scanning tools', () => {
  const cases: Array<[string, string]> = [
    ['Trivy', '      - uses: aquasecurity/trivy-action@0.28.0\n        with:\n          scan-type: fs\n'],
    ['Grype', '      - run: grype dir:. --fail-on high\n'],
    ['OSV-Scanner', '      - run: osv-scanner scan -r .\n'],
    ['govulncheck', '      - uses: golang/govulncheck-action@v1\n'],
    ['cargo-deny', '      - uses: EmbarkStudios/cargo-deny-action@v2\n'],
    ['cargo-audit', '      - run: cargo audit\n'],
    ['pip-audit', '      - run: pip-audit -r requirements.txt\n'],
  ];
  for (const [label, steps] of cases) {
    it(label, async () => {
      const c = await audit({ '.github/workflows/scan.yml': PR_WORKFLOW('Scan', steps) });
      expect(c['sca-scanning']?.status).toBe('pass');
      expect(c['sca-scanning']?.summary).toContain(label);
    });
  }
  it('Trivy image scans count as container scanning, not dependency scanning', async () => {
    const c = await audit({ '.github/workflows/scan.yml': PR_WORKFLOW('Scan', '      - uses: aquasecurity/trivy-action@0.28.0\n        with:\n          image-ref: ghcr.io/x/y:latest\n') });
    expect(c['sca-scanning']?.status).not.toBe('pass');
    expect(c['container-scanning']?.status).toBe('pass');
  });
});

describe('security policy', () => {
  const policy = '# Security\n\n## Reporting a vulnerability\n\nE-mail security@example.org. We acknowledge within 3 days and disclose after 90 days.\n';
  for (const file of ['docs/SECURITY.md', '.github/SECURITY.md', 'SECURITY.rst', 'docs/security.md']) {
    it(file, async () => {
      const c = await audit({ [file]: policy });
      expect(c['security-policy']).toMatchObject({ status: 'pass', locations: [{ file, line: 3 }] });
    });
  }
  it('a policy without a contact is partial', async () => {
    const c = await audit({ 'SECURITY.md': '# Security\n\nWe take security seriously.\n' });
    expect(c['security-policy']?.status).toBe('partial');
  });
  it('missing: mentions an organisation-level policy', async () => {
    const c = await audit({});
    expect(c['security-policy']?.status).toBe('fail');
    expect(c['security-policy']?.summary).toMatch(/\.github/);
  });
});

describe('releases: SBOMs, signing, provenance', () => {
  const goreleaser = 'version: 2\nbuilds:\n  - main: ./cmd/x\nsboms:\n  - artifacts: archive\nsigns:\n  - cmd: cosign\n    artifacts: checksum\n';
  const release = [
    'name: release',
    'on:',
    '  push:',
    '    tags: ["v*"]',
    'permissions:',
    '  contents: read',
    'jobs:',
    '  goreleaser:',
    '    runs-on: ubuntu-latest',
    '    permissions:',
    '      contents: write',
    '      id-token: write',
    '      attestations: write',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - uses: sigstore/cosign-installer@v3',
    '      - uses: anchore/sbom-action/download-syft@v0',
    '      - uses: goreleaser/goreleaser-action@v6',
    '        with:',
    '          args: release --clean',
    '      - uses: actions/attest-build-provenance@v2',
    '        with:',
    '          subject-path: dist/*.tar.gz',
    '',
  ].join('\n');
  it('goreleaser SBOMs and signs with attest-build-provenance', async () => {
    const c = await audit({ '.goreleaser.yaml': goreleaser, '.github/workflows/release.yml': release });
    expect(c['release-signing']?.status).toBe('pass');
    expect(c['sbom-config']).toMatchObject({ status: 'pass', locations: [{ file: '.goreleaser.yaml', line: 4 }] });
  });
  it('SLSA generator, Notation and cdxgen', async () => {
    const c = await audit({
      '.github/workflows/release.yml': `${PR_WORKFLOW('Release', '      - run: cdxgen -o bom.json\n      - uses: notaryproject/notation-action/sign@v1\n', 'on:\n  push:\n    tags: ["v*"]\n')}  provenance:\n    permissions:\n      id-token: write\n      contents: write\n      actions: read\n    uses: slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@v2.1.0\n`,
    });
    expect(c['release-signing']?.status).toBe('pass');
    expect(c['release-signing']?.summary).toMatch(/Notation.*SLSA generator.*cdxgen/s);
    // The SLSA generator must be referenced by tag: not counted as unpinned.
    expect(c['pinned-actions']?.summary).toContain('0/2');
    expect(c['sbom-config']?.status).toBe('partial');
  });
  it('a README heading alone is partial at most', async () => {
    const c = await audit({ 'README.md': '# x\n\n## SBOM\n\nWe publish SBOMs.\n' });
    expect(c['release-signing']).toMatchObject({ status: 'partial', locations: [{ file: 'README.md', line: 3 }] });
    expect(c['sbom-config']?.status).toBe('partial');
  });
});

describe('workflow hygiene', () => {
  it('pull_request_target checking out the PR head fails with the line', async () => {
    const workflow = 'on:\n  pull_request_target:\npermissions:\n  contents: read\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@0123456789abcdef0123456789abcdef01234567\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n      - run: make test\n';
    const c = await audit({ '.github/workflows/pr.yml': workflow });
    expect(c['workflow-permissions']).toMatchObject({ status: 'fail', locations: [{ file: '.github/workflows/pr.yml', line: 11 }] });
    expect(c['pinned-actions']?.status).toBe('pass');
  });
  it('untrusted expression in a run: block, located on its line', async () => {
    const workflow = 'on: issues\npermissions: {}\njobs:\n  greet:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          echo hello\n          echo "${{ github.event.issue.title }}"\n';
    const c = await audit({ '.github/workflows/greet.yml': workflow });
    expect(c['workflow-permissions']).toMatchObject({ status: 'fail', locations: [{ file: '.github/workflows/greet.yml', line: 9 }] });
  });
  it('pinned ratio: some pinned is partial', async () => {
    const c = await audit({
      '.github/workflows/ci.yml': PR_WORKFLOW('CI', '      - uses: actions/setup-go@0123456789abcdef0123456789abcdef01234567 # v5\n'),
    });
    expect(c['pinned-actions']?.status).toBe('partial');
    expect(c['pinned-actions']?.summary).toContain('1/2 (50%)');
    expect(c['pinned-actions']?.locations).toEqual([{ file: '.github/workflows/ci.yml', line: 12 }]);
  });
});

describe('ownership, metadata, fuzzing, policies', () => {
  it('CODEOWNERS in docs/ and Prow OWNERS', async () => {
    expect((await audit({ 'docs/CODEOWNERS': '# owners\n* @org/maintainers\n' }))['codeowners']).toMatchObject({ status: 'pass', locations: [{ file: 'docs/CODEOWNERS', line: 2 }] });
    expect((await audit({ OWNERS: 'approvers:\n  - alice\n' }))['codeowners']?.status).toBe('pass');
    expect((await audit({ 'MAINTAINERS.md': '- alice\n' }))['codeowners']?.status).toBe('partial');
  });
  it('Security Insights v2 (lower-case name) passes, v1 is partial', async () => {
    expect((await audit({ 'security-insights.yml': 'header:\n  schema-version: 2.0.0\n' }))['security-insights']?.status).toBe('pass');
    expect((await audit({ 'SECURITY-INSIGHTS.yml': 'header:\n  schema-version: 1.0.0\n' }))['security-insights']?.status).toBe('partial');
  });
  it('fuzzing: CIFuzz, ClusterFuzzLite, go test -fuzz; fuzz targets alone are partial', async () => {
    const cifuzz = PR_WORKFLOW('CIFuzz', '      - uses: google/oss-fuzz/infra/cifuzz/actions/build_fuzzers@master\n        with:\n          oss-fuzz-project-name: x\n');
    expect((await audit({ '.github/workflows/cifuzz.yml': cifuzz }))['fuzzing']?.status).toBe('pass');
    const cfl = PR_WORKFLOW('CFL', '      - uses: google/clusterfuzzlite/actions/build_fuzzers@v1\n');
    expect((await audit({ '.clusterfuzzlite/Dockerfile': 'FROM x\n', '.github/workflows/cfl.yml': cfl }))['fuzzing']?.status).toBe('pass');
    expect((await audit({ '.github/workflows/fuzz.yml': PR_WORKFLOW('Fuzz', '      - run: go test -run=^$ -fuzz=FuzzParse -fuzztime=60s ./parser\n') }))['fuzzing']?.status).toBe('pass');
    const targets = await audit({ 'parser/parse_test.go': 'package parser\n\nimport "testing"\n\nfunc FuzzParse(f *testing.F) {}\n' });
    expect(targets['fuzzing']).toMatchObject({ status: 'partial', locations: [{ file: 'parser/parse_test.go' }] });
  });
  it('admission policies: Kyverno verifyImages and Sigstore ClusterImagePolicy', async () => {
    const kyverno = 'apiVersion: kyverno.io/v1\nkind: ClusterPolicy\nmetadata:\n  name: verify\nspec:\n  rules:\n    - name: r\n      verifyImages:\n        - imageReferences: ["ghcr.io/x/*"]\n';
    expect((await audit({ 'charts/x/templates/policy.yaml': kyverno }))['admission-policy']).toMatchObject({ status: 'pass', locations: [{ file: 'charts/x/templates/policy.yaml', line: 8 }] });
    const sigstore = 'apiVersion: policy.sigstore.dev/v1beta1\nkind: ClusterImagePolicy\nmetadata:\n  name: x\nspec:\n  images:\n    - glob: "ghcr.io/x/**"\n  authorities:\n    - keyless: {}\n';
    expect((await audit({ 'config/cip.yaml': sigstore }))['admission-policy']?.status).toBe('pass');
  });
  it('threat model in a CNCF-style self-assessment', async () => {
    const c = await audit({ 'docs/security/self-assessment.md': '# Self-assessment\n\n## Threat modeling\n\nSTRIDE...\n' });
    expect(c['threat-model']?.status).toBe('pass');
  });
});
