// SECURITY-INSIGHTS.yml is checked against a JSON-Schema translation of the Security Insights 2.0
// CUE schema (schema.cue of ossf/security-insights-spec): the same required keys, enums, patterns
// (URL, date, schema version) and no properties the schema does not define.
import { Ajv } from 'ajv';

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
export const validateSecurityInsights = new Ajv({ allErrors: true, strict: true }).compile(SI_SCHEMA);
