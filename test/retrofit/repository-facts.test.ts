// The facts retrofit hands to the files that describe a repository: which security policy applies
// (found where GitHub looks, in any case), what it says about reporting, and the organisation's
// policy when that is what applies.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateSecurityInsights } from '../helpers/security-insights-schema.js';
import { RepoView } from '../../src/evidence/repo-view.js';
import { openSession } from '../../src/engine/session.js';
import { retrofitContext } from '../../src/retrofit/context.js';
import { findSecurityPolicy, mentionsPrivateReporting, policyFact } from '../../src/retrofit/repository-facts.js';
import { tempRepos } from './helpers.js';

const repo = tempRepos();

describe('the security policy that applies', () => {
  it('is found in the root, .github/ or docs/, in any case, root first', () => {
    expect(findSecurityPolicy(new RepoView(repo({ '.github/Security.md': 'x' })))).toBe('.github/Security.md');
    expect(findSecurityPolicy(new RepoView(repo({ 'docs/security.md': 'x', 'SECURITY.md': 'y' })))).toBe('SECURITY.md');
    expect(findSecurityPolicy(new RepoView(repo({ 'pkg/SECURITY.md': 'x', 'docs/other/SECURITY.md': 'y' })))).toBeUndefined();
  });

  it('sends reports to private vulnerability reporting only when it says so', () => {
    expect(mentionsPrivateReporting('Use https://github.com/acme/widget/security/advisories/new')).toBe(true);
    expect(mentionsPrivateReporting('Please use GitHub Private Vulnerability Reporting.')).toBe(true);
    expect(mentionsPrivateReporting('Mail security@example.org.')).toBe(false);
  });

  it('is the organisation policy when that is known to apply, and none when nothing is known', () => {
    const empty = new RepoView(repo({ 'go.mod': 'module x\n' }));
    expect(policyFact(empty, { writes: false, organisationUrl: 'https://github.com/acme/.github/blob/HEAD/SECURITY.md' })).toEqual({ kind: 'organisation', url: 'https://github.com/acme/.github/blob/HEAD/SECURITY.md' });
    expect(policyFact(empty, { writes: false })).toEqual({ kind: 'unknown' });
    expect(policyFact(empty, { writes: true })).toEqual({ kind: 'file', path: 'SECURITY.md', ours: true, privateReporting: true });
  });

  it('online, an organisation policy is the one SECURITY-INSIGHTS.yml links, with no channel made up', async () => {
    const root = repo({ 'go.mod': 'module example.com/widget\n', 'main.go': 'package main\n' });
    const session = await openSession(root);
    const org = 'https://github.com/acme/.github/blob/HEAD/SECURITY.md';
    const { plan } = await retrofitContext(session, { repo: 'acme/widget', level: '2', portal: true }, { organisationPolicy: org });
    const doc = parse(plan.files.find((f) => f.path === 'SECURITY-INSIGHTS.yml')!.content);
    expect(validateSecurityInsights(doc), JSON.stringify(validateSecurityInsights.errors)).toBe(true);
    expect(doc.project['vulnerability-reporting']['security-policy']).toBe(org);
    expect(doc.repository.documentation['security-policy']).toBe(org);
    expect(doc.project['vulnerability-reporting'].comment).toMatch(/organisation's security policy/);
    expect(plan.files.find((f) => f.path === 'docs/security/index.md')?.content).toContain(org);
    expect(plan.files.some((f) => f.path === 'SECURITY.md')).toBe(false);
  });
});
