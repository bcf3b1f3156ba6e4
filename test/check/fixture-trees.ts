// Repositories in common third-party styles (not written by this tool) that check recognises:
// shared by test/check/fixtures.test.ts and the check/retrofit agreement test
// (test/evidence/agreement.test.ts). Each tree gets a go.mod unless it has one.
export interface CheckFixture {
  name: string;
  files: Record<string, string>;
}

export const GO_MOD = { 'go.mod': 'module example.com/x\n\ngo 1.22\n' };

export const PR_WORKFLOW = (name: string, steps: string, on = 'on:\n  push:\n    branches: [main]\n  pull_request:\n') =>
  `name: ${name}\n${on}permissions:\n  contents: read\njobs:\n  run:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${steps}`;

const CODEQL_ADVANCED = [
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

export const SCANNING_TOOLS: Array<[string, string]> = [
  ['Trivy', '      - uses: aquasecurity/trivy-action@0.28.0\n        with:\n          scan-type: fs\n'],
  ['Grype', '      - run: grype dir:. --fail-on high\n'],
  ['OSV-Scanner', '      - run: osv-scanner scan -r .\n'],
  ['govulncheck', '      - uses: golang/govulncheck-action@v1\n'],
  ['cargo-deny', '      - uses: EmbarkStudios/cargo-deny-action@v2\n'],
  ['cargo-audit', '      - run: cargo audit\n'],
  ['pip-audit', '      - run: pip-audit -r requirements.txt\n'],
];

const GORELEASER = 'version: 2\nbuilds:\n  - main: ./cmd/x\nsboms:\n  - artifacts: archive\nsigns:\n  - cmd: cosign\n    artifacts: checksum\n';
const GORELEASER_RELEASE = [
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

const trees: Record<string, Record<string, string>> = {
  'dependabot-yaml-without-actions': {
    '.github/dependabot.yaml': 'version: 2\nupdates:\n  - package-ecosystem: gomod\n    directory: /\n    schedule:\n      interval: weekly\n',
    '.github/workflows/ci.yml': PR_WORKFLOW('CI', '      - run: go test ./...\n'),
  },
  'codeql-advanced': { '.github/workflows/codeql-analysis.yml': CODEQL_ADVANCED },
  'semgrep-gosec': { '.github/workflows/lint.yml': PR_WORKFLOW('Lint', '      - run: semgrep ci\n      - uses: securego/gosec@master\n        with:\n          args: ./...\n') },
  'shared-workflow-delegated': {
    '.github/workflows/security.yml': 'on: [pull_request]\npermissions: {}\njobs:\n  codeql:\n    permissions:\n      security-events: write\n    uses: my-org/.github/.github/workflows/codeql.yml@0123456789abcdef0123456789abcdef01234567\n',
  },
  'shared-workflow-unrelated': { '.github/workflows/ci.yml': 'on: [push]\npermissions: {}\njobs:\n  build:\n    uses: my-org/shared/.github/workflows/build.yml@main\n' },
  ...Object.fromEntries(SCANNING_TOOLS.map(([label, steps]) => [`sca-${label}`, { '.github/workflows/scan.yml': PR_WORKFLOW('Scan', steps) }])),
  'trivy-image': { '.github/workflows/scan.yml': PR_WORKFLOW('Scan', '      - uses: aquasecurity/trivy-action@0.28.0\n        with:\n          image-ref: ghcr.io/x/y:latest\n') },
  'goreleaser-release': { '.goreleaser.yaml': GORELEASER, '.github/workflows/release.yml': GORELEASER_RELEASE },
  'slsa-notation-cdxgen': {
    '.github/workflows/release.yml': `${PR_WORKFLOW('Release', '      - run: cdxgen -o bom.json\n      - uses: notaryproject/notation-action/sign@v1\n', 'on:\n  push:\n    tags: ["v*"]\n')}  provenance:\n    permissions:\n      id-token: write\n      contents: write\n      actions: read\n    uses: slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@v2.1.0\n`,
  },
  'pr-target-head-checkout': {
    '.github/workflows/pr.yml':
      'on:\n  pull_request_target:\npermissions:\n  contents: read\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@0123456789abcdef0123456789abcdef01234567\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n      - run: make test\n',
  },
  'injection-run-block': { '.github/workflows/greet.yml': 'on: issues\npermissions: {}\njobs:\n  greet:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          echo hello\n          echo "${{ github.event.issue.title }}"\n' },
  'pinned-ratio': { '.github/workflows/ci.yml': PR_WORKFLOW('CI', '      - uses: actions/setup-go@0123456789abcdef0123456789abcdef01234567 # v5\n') },
  cifuzz: { '.github/workflows/cifuzz.yml': PR_WORKFLOW('CIFuzz', '      - uses: google/oss-fuzz/infra/cifuzz/actions/build_fuzzers@master\n        with:\n          oss-fuzz-project-name: x\n') },
  clusterfuzzlite: { '.clusterfuzzlite/Dockerfile': 'FROM x\n', '.github/workflows/cfl.yml': PR_WORKFLOW('CFL', '      - uses: google/clusterfuzzlite/actions/build_fuzzers@v1\n') },
  'go-test-fuzz': { '.github/workflows/fuzz.yml': PR_WORKFLOW('Fuzz', '      - run: go test -run=^$ -fuzz=FuzzParse -fuzztime=60s ./parser\n') },
};

export const CHECK_FIXTURES: CheckFixture[] = Object.entries(trees).map(([name, files]) => ({ name, files: { ...GO_MOD, ...files } }));

/** One tree by name (with its go.mod). */
export function checkTree(name: string): Record<string, string> {
  const found = CHECK_FIXTURES.find((f) => f.name === name);
  if (!found) throw new Error(`no check fixture named ${name}`);
  return found.files;
}
