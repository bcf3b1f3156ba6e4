// The prefilter findTools runs before the exact per-spec tests must never skip a unit one of them
// would match: for every practice's specs, the joined patterns say "may match" exactly when some
// spec's pattern does, and the `uses:` prefilter covers every name some spec's prefixes cover.
import { describe, expect, it } from 'vitest';
import { specMatcher, usesNameMatches } from '../../src/evidence/spec-matcher.js';
import { PRACTICE_TOOLS, type ToolSpec } from '../../src/evidence/tools.js';

const COMMANDS = [
  'echo hello',
  'make build test',
  'codeql database analyze db --format=sarif-latest',
  'semgrep ci --config auto',
  'gosec ./...',
  'golangci-lint run --timeout 5m',
  'GOLANGCI_LINT run',
  'trivy image ghcr.io/acme/widget:1.0',
  'trivy fs --scanners vuln .',
  'grype ghcr.io/acme/widget:1.0',
  'osv-scanner --recursive .',
  'govulncheck ./...',
  'cargo audit',
  'cargo deny check advisories',
  'cargo fuzz run parser',
  'go test -fuzz=FuzzParse ./pkg/...',
  'syft scan dir:. -o spdx-json=sbom.json',
  'cosign sign --yes ghcr.io/acme/widget@sha256:abc',
  'cosign attest --type slsaprovenance --predicate p.json image',
  'gitleaks detect --source .',
  'trufflehog git file://.',
  'scorecard --repo=github.com/acme/widget',
  'goreleaser release --clean',
  'npm publish --provenance',
  'helm package charts/widget && cr upload --sign',
  'pip-audit -r requirements.txt',
  'snyk test',
  'zizmor .github/workflows',
  'python -m atheris fuzz.py',
];

const USES = [
  'actions/checkout',
  'github/codeql-action/analyze',
  'github/codeql-action/init',
  'github/codeql-action/upload-sarif',
  'aquasecurity/trivy-action',
  'ossf/scorecard-action',
  'anchore/sbom-action/download-syft',
  'sigstore/cosign-installer',
  'gitleaks/gitleaks-action',
  'golangci/golangci-lint-action',
  'actions/attest-build-provenance',
  'slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml',
  'securego/gosec',
  'acme/unrelated-action',
];

const practices = Object.entries(PRACTICE_TOOLS) as [string, ToolSpec[]][];

describe('the spec prefilter of findTools', () => {
  it.each(practices)('%s: the joined patterns match exactly when some spec pattern does', (_practice, specs) => {
    const { anyRun } = specMatcher(specs);
    for (const text of COMMANDS) {
      const exact = specs.some((spec) => spec.run !== undefined && new RegExp(spec.run.source, spec.run.flags.replace(/[gy]/g, '')).test(text));
      expect(anyRun(text), `${text}`).toBe(exact);
    }
  });

  it.each(practices)('%s: every name a spec prefix covers passes the uses prefilter', (_practice, specs) => {
    const { anyUses, prefixes } = specMatcher(specs);
    for (const name of USES) {
      const exact = prefixes.some((list) => list !== undefined && usesNameMatches(name, list));
      if (exact) expect(anyUses(name), name).toBe(true);
    }
  });

  it('is computed once per list of specs', () => {
    const specs = PRACTICE_TOOLS.sast;
    expect(specMatcher(specs)).toBe(specMatcher(specs));
  });

  it('does not join patterns whose back-references would change meaning', () => {
    const specs: ToolSpec[] = [
      { label: 'a', run: /(x)\1/ },
      { label: 'b', run: /(y)\1/ },
    ];
    const { anyRun } = specMatcher(specs);
    expect(anyRun('yy')).toBe(true);
    expect(anyRun('nothing')).toBe(true); // no prefilter: every unit goes to the exact tests
  });

  it('joins patterns per set of flags', () => {
    const specs: ToolSpec[] = [
      { label: 'case-blind', run: /golangci-lint/i },
      { label: 'exact', run: /\bgosec\b/ },
    ];
    const { anyRun } = specMatcher(specs);
    expect(anyRun('GOLANGCI-LINT run')).toBe(true);
    expect(anyRun('GOSEC ./...')).toBe(false);
    expect(anyRun('gosec ./...')).toBe(true);
  });

  it('covers names equal to a prefix, under it, or going on with "-" or "@" after a prefix with a slash', () => {
    expect(usesNameMatches('aquasecurity/trivy-action', ['aquasecurity/trivy'])).toBe(true);
    expect(usesNameMatches('github/codeql-action/analyze', ['github/codeql-action'])).toBe(true);
    expect(usesNameMatches('github/codeql-actions', ['github/codeql-action'])).toBe(false);
    expect(usesNameMatches('aquasecurity-fork/x', ['aquasecurity'])).toBe(false);
    expect(usesNameMatches('aquasecurity/x', ['aquasecurity'])).toBe(true);
  });
});
