// SECURITY-INSIGHTS.yml is checked against a JSON-Schema translation of the Security Insights 2.0
// CUE schema (schema.cue of ossf/security-insights-spec): the same required keys, enums, patterns
// (URL, date, schema version) and no properties the schema does not define.
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { answers, emptyFacts, planFor, planOf } from '../../../test/helpers/generate.js';
import { buildProfile } from '../../profile.js';
import type { Plan } from '../../model.js';

const URL = { type: 'string', pattern: '^https?://[^\\s]+$' };
const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const str = { type: 'string' };
const bool = { type: 'boolean' };
const obj = (required: string[], properties: Record<string, unknown>) => ({ type: 'object', additionalProperties: false, required, properties });
const contact = obj(['name', 'primary'], { name: str, primary: bool, affiliation: str, email: { type: 'string', pattern: '^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$' }, social: str });
const link = obj(['uri', 'comment'], { uri: str, comment: str });
const attestation = obj(['name', 'location', 'predicate-uri'], { name: str, location: URL, 'predicate-uri': str, comment: str });
const assessment = obj(['comment'], { comment: str, name: str, evidence: URL, date: DATE });

const SI_SCHEMA = obj(['header'], {
  header: obj(['last-reviewed', 'last-updated', 'schema-version', 'url'], {
    'last-reviewed': DATE,
    'last-updated': DATE,
    'schema-version': { type: 'string', pattern: '^[1-9]+\\.[0-9]+\\.[0-9]+$' },
    url: URL,
    comment: str,
    'project-si-source': URL,
  }),
  project: obj(['name', 'administrators', 'repositories', 'vulnerability-reporting'], {
    name: str,
    homepage: URL,
    roadmap: URL,
    funding: URL,
    steward: link,
    administrators: { type: 'array', minItems: 1, items: contact },
    repositories: { type: 'array', minItems: 1, items: obj(['name', 'comment', 'url'], { name: str, comment: str, url: URL }) },
    'vulnerability-reporting': obj(['reports-accepted', 'bug-bounty-available'], {
      'reports-accepted': bool,
      'bug-bounty-available': bool,
      'bug-bounty-program': URL,
      contact,
      comment: str,
      'security-policy': URL,
      'pgp-key': str,
      'in-scope': { type: 'array', items: str },
      'out-of-scope': { type: 'array', items: str },
    }),
    documentation: obj([], {
      'detailed-guide': URL,
      'code-of-conduct': URL,
      'quickstart-guide': URL,
      'release-process': URL,
      'support-policy': URL,
      'signature-verification': URL,
    }),
  }),
  repository: obj(['status', 'url', 'accepts-change-request', 'accepts-automated-change-request', 'core-team', 'license', 'security'], {
    status: { enum: ['active', 'abandoned', 'concept', 'inactive', 'moved', 'suspended', 'unsupported', 'WIP'] },
    url: URL,
    'accepts-change-request': bool,
    'accepts-automated-change-request': bool,
    'bug-fixes-only': bool,
    'no-third-party-packages': bool,
    'core-team': { type: 'array', minItems: 1, items: contact },
    license: obj(['url', 'expression'], { url: URL, expression: str }),
    security: obj(['assessments'], {
      assessments: obj(['self'], { self: assessment, 'third-party': { type: 'array', items: assessment } }),
      champions: { type: 'array', items: contact },
      tools: {
        type: 'array',
        items: obj(['name', 'type', 'rulesets', 'integration', 'results'], {
          name: str,
          type: { enum: ['fuzzing', 'container', 'secret', 'SCA', 'SAST', 'other'] },
          version: str,
          comment: str,
          rulesets: { type: 'array', items: str },
          integration: obj(['adhoc', 'ci', 'release'], { adhoc: bool, ci: bool, release: bool }),
          results: obj([], { adhoc: attestation, ci: attestation, release: attestation }),
        }),
      },
    }),
    documentation: obj([], {
      'contributing-guide': URL,
      'dependency-management-policy': URL,
      governance: URL,
      'review-policy': URL,
      'security-policy': URL,
    }),
    release: obj(['automated-pipeline', 'distribution-points'], {
      'automated-pipeline': bool,
      'distribution-points': { type: 'array', minItems: 1, items: link },
      changelog: URL,
      license: obj(['url', 'expression'], { url: URL, expression: str }),
      attestations: { type: 'array', items: attestation },
    }),
  }),
});
const validate = new Ajv({ allErrors: true, strict: true }).compile(SI_SCHEMA);

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
