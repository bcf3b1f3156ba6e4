// SECURITY-INSIGHTS.yml is checked against the Security Insights 2.0 schema (test/helpers/security-insights-schema.ts).
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { answers, emptyFacts, planFor, planOf } from '../../../test/helpers/generate.js';
import { buildProfile } from '../../profile.js';
import type { Plan } from '../../model.js';
import { validateSecurityInsights } from '../../../test/helpers/security-insights-schema.js';

const validate = validateSecurityInsights;

function insights(plan: Plan): { content: string; doc: any } | undefined {
  const file = plan.files.find((f) => f.path === 'SECURITY-INSIGHTS.yml');
  return file ? { content: file.content, doc: parse(file.content) } : undefined;
}

const ODD_NAMES = ['a: b # "c"', "x <script>alert('1')</script>", 'back`tick` ``x``', '- &anchor *alias', "it's 100% {yes} [no] @here", 'Ünïcødé — ✓'];

describe('security-insights control', () => {
  it('is written from level 2 on', async () => {
    expect(insights(await planFor({ level: 1 }))).toBeUndefined();
    expect(insights(await planFor({ level: 2 }))).toBeDefined();
    expect(insights(await planFor({ level: 3 }))).toBeDefined();
  });

  it.each([
    { level: 2 as const, languages: ['go' as const], artifacts: ['binaries' as const] },
    { level: 2 as const, languages: ['python' as const], artifacts: ['libraries' as const] },
    { level: 3 as const, languages: ['go' as const, 'rust' as const, 'python' as const, 'javascript' as const], artifacts: ['binaries' as const, 'container-images' as const, 'helm-charts' as const] },
    { level: 3 as const, languages: [], artifacts: [] },
  ])('validates against the Security Insights 2.0 schema ($level, $languages, $artifacts)', async (answers) => {
    const { doc } = insights(await planFor(answers))!;
    expect(validate(doc), JSON.stringify(validate.errors, null, 1)).toBe(true);
    expect(doc.header['schema-version']).toBe('2.0.0');
    expect(doc.project['vulnerability-reporting']).toMatchObject({ 'reports-accepted': true, 'bug-bounty-available': false, 'security-policy': 'https://github.com/acme/widget/blob/main/SECURITY.md' });
    expect(doc.project.repositories[0].url).toBe('https://github.com/acme/widget');
  });

  it('lists the tools the generated workflows run', async () => {
    const names = (plan: Plan) => insights(plan)!.doc.repository.security.tools.map((t: any) => t.name);
    const goBinaries = await planFor({ level: 2, languages: ['go'], artifacts: ['binaries'] });
    expect(names(goBinaries)).toEqual(expect.arrayContaining(['CodeQL', 'OSV-Scanner', 'Dependency review', 'gitleaks', 'OpenSSF Scorecard', 'govulncheck']));
    expect(names(goBinaries)).not.toContain('Go native fuzzing');
    expect(names(goBinaries)).not.toContain('Grype');
    expect(names(await planFor({ level: 2, languages: ['python'], artifacts: ['libraries'] }))).toContain('pip-audit');
    const level3 = names(await planFor({ level: 3, languages: ['go', 'rust'], artifacts: ['binaries', 'container-images'] }));
    expect(level3).toEqual(expect.arrayContaining(['Go native fuzzing', 'cargo-fuzz', 'cargo-deny', 'Grype']));
  });

  it('claims signatures and SBOMs exactly when the plan has a release workflow that produces them', async () => {
    for (const answers of [{ level: 2 as const }, { level: 2 as const, artifacts: ['libraries' as const] }, { level: 3 as const, artifacts: ['container-images' as const] }]) {
      const plan = await planFor(answers);
      const release = plan.files.find((f) => f.path === '.github/workflows/release.yml')?.content;
      const { doc } = insights(plan)!;
      const names = doc.repository.security.tools.map((t: any) => t.name);
      // GoReleaser releases sign through .goreleaser.yaml (signs: cmd: cosign).
      const goreleaser = plan.files.find((f) => f.path === '.goreleaser.yaml')?.content;
      expect(names.includes('cosign')).toBe(Boolean(release?.includes('cosign sign') || goreleaser?.includes('cmd: cosign')));
      expect(names.includes('Syft')).toBe(Boolean(release?.includes('anchore/sbom-action')));
      expect(Boolean(doc.project.documentation?.['signature-verification'])).toBe(Boolean(release));
      expect(Boolean(doc.repository.release)).toBe(Boolean(release));
    }
  });

  it('points the self-assessment at the generated outline only at level 3', async () => {
    expect(insights(await planFor({ level: 2 }))!.doc.repository.security.assessments.self.evidence).toBeUndefined();
    expect(insights(await planFor({ level: 3 }))!.doc.repository.security.assessments.self.evidence).toBe(
      'https://github.com/acme/widget/blob/main/docs/security/self-assessment.md',
    );
  });

  it('lists the container registry as a distribution point for images', async () => {
    const { doc } = insights(await planFor({ level: 2, repository: { owner: 'Acme', name: 'Widget' }, artifacts: ['container-images'] }))!;
    expect(doc.repository.release['distribution-points'].map((p: any) => p.uri)).toContain('ghcr.io/acme/widget');
  });

  it.each(ODD_NAMES)('round-trips the project name %j', async (projectName) => {
    const { doc } = insights(await planFor({ level: 2, projectName }))!;
    expect(validate(doc)).toBe(true);
    expect(doc.project.name).toBe(projectName);
    expect(doc.project.repositories[0].comment).toBe(`Main repository of ${projectName}.`);
    expect(doc.header.comment).toContain(projectName);
  });

  it('dates the file with the generation date of the profile and is byte-identical on a re-run', async () => {
    const plan = (date: string) => planOf(buildProfile(answers({ level: 2 }), emptyFacts(), date));
    const first = insights(await plan('2026-01-01'))!;
    expect(first.doc.header['last-updated']).toBe('2026-01-01');
    expect(first.doc.header['last-reviewed']).toBe('2026-01-01');
    expect(insights(await plan('2026-01-01'))!.content).toBe(first.content);
    expect(insights(await plan('2026-02-03'))!.doc.header['last-updated']).toBe('2026-02-03');
  });
});
