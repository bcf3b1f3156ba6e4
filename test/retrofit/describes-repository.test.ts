// The files that describe a retrofitted repository (SECURITY-INSIGHTS.yml, the TechDocs page) state
// facts about it as it is after the run. The level-2 review of 22 CNCF repositories found them
// describing the generator's template instead: workflows retrofit did not write because the
// repository runs its own (CodeQL as codeql.yml beside codeql-analysis.yml), a root SECURITY.md
// where the policy is .github/SECURITY.md (etcd) or the organisation's (falco), an image at
// ghcr.io/<owner>/<name> whether or not the project publishes there, and reports always sent to
// GitHub private vulnerability reporting.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateSecurityInsights } from '../helpers/security-insights-schema.js';
import { cli, snapshot, tempRepos } from './helpers.js';

const repo = tempRepos();

const lines = (...l: string[]) => `${l.join('\n')}\n`;

const OWN_CODEQL = lines(
  'name: CodeQL',
  'on:',
  '  push:',
  '    branches: [main]',
  '  pull_request:',
  '    branches: [main]',
  'permissions:',
  '  contents: read',
  'jobs:',
  '  analyze:',
  '    runs-on: ubuntu-24.04',
  '    permissions:',
  '      security-events: write',
  '    steps:',
  '      - uses: actions/checkout@v4',
  '      - uses: github/codeql-action/init@v3',
  '      - uses: github/codeql-action/analyze@v3',
);

/** A tag-triggered release of the project's own that builds and pushes images (no registry we could name). */
const OWN_RELEASE = lines(
  'name: Release',
  'on:',
  '  push:',
  "    tags: ['v*']",
  'permissions:',
  '  contents: read',
  'jobs:',
  '  release:',
  '    runs-on: ubuntu-24.04',
  '    steps:',
  '      - uses: actions/checkout@v4',
  '      - run: make release',
);

const GO = { 'go.mod': 'module example.com/widget\n', 'main.go': 'package main\n', Dockerfile: 'FROM scratch\n' };

async function retrofitLevel2(root: string): Promise<Record<string, string>> {
  // The TechDocs page is part of the developer-portal files, which an existing repository gets on request.
  const run = await cli(['retrofit', root, '--yes', '--repo', 'acme/widget', '--level', '2', '--portal']);
  expect([0, 1], run.out + run.err).toContain(run.code);
  return snapshot(root);
}

function insightsOf(after: Record<string, string>): any {
  const text = after['SECURITY-INSIGHTS.yml'];
  expect(text, 'SECURITY-INSIGHTS.yml is written').toBeDefined();
  const doc = parse(text!);
  expect(validateSecurityInsights(doc), JSON.stringify(validateSecurityInsights.errors, null, 1)).toBe(true);
  return doc;
}

/** Every workflow file a text names (".github/workflows/x.yml"). */
function namedWorkflows(text: string): string[] {
  return [...new Set([...text.matchAll(/\.github\/workflows\/[\w.-]+\.ya?ml/g)].map((m) => m[0]))];
}

describe('Security Insights of a retrofitted repository names what is there (level-2 review)', () => {
  it('own CodeQL under another name, .github/SECURITY.md, own release: only existing workflows, the real policy, no image', async () => {
    const root = repo({
      ...GO,
      '.github/SECURITY.md': '# Security\n\nPlease report vulnerabilities to security@example.org.\n',
      '.github/workflows/codeql-analysis.yml': OWN_CODEQL,
      '.github/workflows/release.yml': OWN_RELEASE,
    });
    const after = await retrofitLevel2(root);
    const insights = after['SECURITY-INSIGHTS.yml']!;
    const doc = insightsOf(after);

    const named = namedWorkflows(insights);
    expect(named.length).toBeGreaterThan(0);
    for (const file of named) expect(after[file], `${file} is named but does not exist`).toBeDefined();
    expect(insights).not.toContain('.github/workflows/codeql.yml');
    const codeql = doc.repository.security.tools.find((t: any) => t.type === 'SAST');
    expect(codeql.comment).toContain('.github/workflows/codeql-analysis.yml');

    const policy = 'https://github.com/acme/widget/blob/main/.github/SECURITY.md';
    expect(doc.project['vulnerability-reporting']['security-policy']).toBe(policy);
    expect(doc.repository.documentation['security-policy']).toBe(policy);
    // The policy names an address, not GitHub private vulnerability reporting: no channel is made up.
    expect(doc.project['vulnerability-reporting'].comment).not.toMatch(/private vulnerability reporting/);

    // The release is the project's own pipeline: no image, no release claims taken from the template.
    expect(insights).not.toContain('ghcr.io');
    expect(doc.repository.release).toBeUndefined();
    expect(doc.project.documentation?.['signature-verification']).toBeUndefined();

    // The TechDocs page links the same policy and no section that does not exist.
    const page = after['docs/security/index.md'];
    expect(page).toBeDefined();
    expect(page).toContain(policy);
    expect(page).not.toContain('blob/main/SECURITY.md');
    expect(page).not.toContain('#verifying-releases');
    expect(page).not.toMatch(/private vulnerability reporting/);
    expect(page).not.toMatch(/where releases come from/);
    for (const file of namedWorkflows(page!)) expect(after[file]).toBeDefined();

    // upgrade afterwards plans from the same facts: nothing changes.
    const before = snapshot(root);
    await cli(['upgrade', root, '--yes']);
    expect(snapshot(root)).toEqual(before);
  });

  it('no policy of its own, offline: no policy URL, no channel; the page points to what GitHub shows', async () => {
    const after = await retrofitLevel2(repo(GO));
    expect(after['SECURITY.md']).toBeUndefined();
    const doc = insightsOf(after);
    expect(doc.project['vulnerability-reporting']['security-policy']).toBeUndefined();
    expect(doc.project['vulnerability-reporting'].comment).toBeUndefined();
    expect(doc.repository.documentation).toBeUndefined();
    const page = after['docs/security/index.md']!;
    expect(page).toContain('https://github.com/acme/widget/security/policy');
    expect(page).not.toContain('SECURITY.md');
    // Workflows this run writes are named, and exist.
    for (const file of namedWorkflows(after['SECURITY-INSIGHTS.yml']!)) expect(after[file], file).toBeDefined();
  });

  it('a Security Insights file of its own under .github/ is kept and is the one the page links (openfga)', async () => {
    const own = lines('header:', '  schema-version: 2.0.0', '  last-updated: "2026-01-01"', '  last-reviewed: "2026-01-01"', '  url: https://github.com/acme/widget/blob/main/.github/SECURITY-INSIGHTS.yml');
    const after = await retrofitLevel2(repo({ ...GO, '.github/SECURITY-INSIGHTS.yml': own }));
    expect(after['SECURITY-INSIGHTS.yml']).toBeUndefined();
    expect(after['.github/SECURITY-INSIGHTS.yml']).toBe(own);
    const page = after['docs/security/index.md']!;
    expect(page).toContain('https://github.com/acme/widget/blob/main/.github/SECURITY-INSIGHTS.yml');
    expect(page).not.toContain('blob/main/SECURITY-INSIGHTS.yml');
  });

  it('a policy in docs/ under any case, sending reports to private vulnerability reporting, is linked with that channel', async () => {
    const after = await retrofitLevel2(repo({ ...GO, 'docs/Security.md': '# Security\n\nReport at https://github.com/acme/widget/security/advisories/new\n' }));
    const doc = insightsOf(after);
    expect(doc.project['vulnerability-reporting']['security-policy']).toBe('https://github.com/acme/widget/blob/main/docs/Security.md');
    expect(doc.project['vulnerability-reporting'].comment).toMatch(/GitHub private vulnerability reporting/);
    expect(after['SECURITY.md'], 'no second policy beside docs/Security.md').toBeUndefined();
    expect(after['docs/security/index.md']).toMatch(/\[GitHub private vulnerability reporting\]/);
  });
});

describe('assessments the repository keeps (level-2 review: crossplane, etcd, falco, tikv)', () => {
  it('links its self-assessment and lists its audit reports, and never says a self-assessment was not done', async () => {
    const root = repo({
      'go.mod': 'module example.com/w\n',
      'main.go': 'package main\n',
      'security/self-assessment.md': '# Self-assessment\n',
      'security/ADA-fuzzing-report 2023.pdf': '%PDF-1.4\n',
      'audits/2022-review.pdf': '%PDF-1.4\n',
      'docs/SECURITY_AUDIT.md': '# Audit\n',
      'docs/usage.md': '# Usage\n',
    });
    await cli(['retrofit', root, '--yes', '--repo', 'acme/widget', '--level', '2']);
    const doc = insightsOf(snapshot(root));
    const assessments = doc.repository.security.assessments;
    expect(assessments.self).toEqual({ name: 'Self-assessment', comment: expect.stringMatching(/kept in the repository/), evidence: 'https://github.com/acme/widget/blob/main/security/self-assessment.md' });
    expect(assessments['third-party'].map((a: { evidence: string }) => a.evidence).sort()).toEqual([
      'https://github.com/acme/widget/blob/main/audits/2022-review.pdf',
      'https://github.com/acme/widget/blob/main/docs/SECURITY_AUDIT.md',
      'https://github.com/acme/widget/blob/main/security/ADA-fuzzing-report%202023.pdf',
    ]);
    // Without any, the self-assessment is unknown, not "not completed".
    const bare = repo({ 'go.mod': 'module example.com/w\n', 'main.go': 'package main\n' });
    await cli(['retrofit', bare, '--yes', '--repo', 'acme/widget', '--level', '2']);
    const plain = insightsOf(snapshot(bare)).repository.security.assessments;
    expect(plain.self.comment).not.toMatch(/not yet been completed/);
    expect(plain['third-party']).toBeUndefined();
  });

  it('at level 3 its own self-assessment covers the threat model: none is written, and the file links the repository\'s', async () => {
    const root = repo({ 'go.mod': 'module example.com/w\n', 'main.go': 'package main\n', 'security/self-assessment.md': '# Self-assessment\n\n## Threat modeling\n' });
    await cli(['retrofit', root, '--yes', '--repo', 'acme/widget', '--level', '3']);
    const after = snapshot(root);
    expect(after['docs/security/self-assessment.md']).toBeUndefined();
    expect(insightsOf(after).repository.security.assessments.self.evidence).toBe('https://github.com/acme/widget/blob/main/security/self-assessment.md');
  });
});

