// secure-cncf facts for Backstage Tech Insights: turns the JSON report of `secure-cncf check`
// (schemas/check-report.schema.json, schemaVersion 1.x) into flat facts that json-rules-engine
// checks can compare. No Backstage imports: copy this file next to retriever.ts into a backend
// module of your Backstage instance (see docs/portal/tech-insights.md).

/** Id under which the facts are stored; checks name it in `factIds`. */
export const FACT_RETRIEVER_ID = 'secureCncfFactRetriever';

/** Bump when the facts below change (Tech Insights keeps one schema per version). */
export const FACT_RETRIEVER_VERSION = '1.0.0';

/**
 * Where the report is published inside the entity's TechDocs site: CI writes
 * docs/security/secure-cncf-report.json before building the site, and mkdocs (docs_dir:
 * docs/security) copies it to the site root.
 */
export const DEFAULT_REPORT_PATH = 'secure-cncf-report.json';

/** The report major version this mapping understands. */
export const SUPPORTED_REPORT_MAJOR = 1;

type FactType = 'integer' | 'float' | 'string' | 'boolean' | 'datetime' | 'set' | 'object';

/** FactSchema of @backstage-community/plugin-tech-insights-common: fact name -> type and description. */
export const FACT_SCHEMA: Record<string, { type: FactType; description: string }> = {
  reportFound: { type: 'boolean', description: 'A secure-cncf check report was published for this entity' },
  reportSchemaVersion: { type: 'string', description: 'schemaVersion of the report ("" when none was found)' },
  reportGeneratedAt: { type: 'string', description: 'When the report was generated (ISO 8601, "" when none was found)' },
  targetLevel: { type: 'integer', description: 'Maturity level the repository targets (1-3; 0 when unknown)' },
  achievedLevel: { type: 'integer', description: 'Highest level whose controls all pass (0-3)' },
  targetMet: { type: 'boolean', description: 'Every control the target level and compliance presets require passes' },
  passingControls: { type: 'integer', description: 'Controls with status pass' },
  partialControls: { type: 'integer', description: 'Controls with status partial' },
  failingControls: { type: 'integer', description: 'Controls with status fail' },
  gaps: { type: 'set', description: 'Ids of required controls that do not pass' },
  compliance: { type: 'set', description: 'Compliance presets the repository targets' },
};

export type SecureCncfFacts = {
  reportFound: boolean;
  reportSchemaVersion: string;
  reportGeneratedAt: string;
  targetLevel: number;
  achievedLevel: number;
  targetMet: boolean;
  passingControls: number;
  partialControls: number;
  failingControls: number;
  gaps: string[];
  compliance: string[];
};

/** The fields of the check report these facts read (a subset of schemas/check-report.schema.json). */
export interface CheckReportSubset {
  schemaVersion: string;
  generatedAt?: string;
  target: { level: number; compliance?: string[] };
  achievedLevel: number;
  targetMet: boolean;
  controls: Array<{ id: string; status: 'pass' | 'partial' | 'fail' | 'not-applicable'; required?: boolean }>;
  gaps?: string[];
}

/** Facts for an entity without a published report; checks then fail instead of erroring on missing facts. */
export function emptyFacts(): SecureCncfFacts {
  return {
    reportFound: false,
    reportSchemaVersion: '',
    reportGeneratedAt: '',
    targetLevel: 0,
    achievedLevel: 0,
    targetMet: false,
    passingControls: 0,
    partialControls: 0,
    failingControls: 0,
    gaps: [],
    compliance: [],
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the fields the facts need; throws a message naming the first problem. */
export function parseReport(value: unknown): CheckReportSubset {
  if (!isObject(value)) throw new Error('report is not a JSON object');
  const version = value.schemaVersion;
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+$/.test(version)) throw new Error('schemaVersion is missing or not x.y.z');
  const major = Number(version.split('.')[0]);
  if (major !== SUPPORTED_REPORT_MAJOR) throw new Error(`report schemaVersion ${version} is not supported (expected ${SUPPORTED_REPORT_MAJOR}.x)`);
  if (!isObject(value.target) || typeof value.target.level !== 'number') throw new Error('target.level is missing');
  if (typeof value.achievedLevel !== 'number') throw new Error('achievedLevel is missing');
  if (typeof value.targetMet !== 'boolean') throw new Error('targetMet is missing');
  if (!Array.isArray(value.controls)) throw new Error('controls is missing');
  for (const control of value.controls) {
    if (!isObject(control) || typeof control.id !== 'string' || typeof control.status !== 'string') throw new Error('a control has no id or status');
  }
  return value as unknown as CheckReportSubset;
}

/** Facts from a parsed report. Counts are over every control the report lists. */
export function factsFromReport(report: CheckReportSubset): SecureCncfFacts {
  const count = (status: string) => report.controls.filter((c) => c.status === status).length;
  const gaps = report.gaps ?? report.controls.filter((c) => c.required !== false && (c.status === 'fail' || c.status === 'partial')).map((c) => c.id);
  return {
    reportFound: true,
    reportSchemaVersion: report.schemaVersion,
    reportGeneratedAt: report.generatedAt ?? '',
    targetLevel: report.target.level,
    achievedLevel: report.achievedLevel,
    targetMet: report.targetMet,
    passingControls: count('pass'),
    partialControls: count('partial'),
    failingControls: count('fail'),
    gaps: [...gaps],
    compliance: [...(report.target.compliance ?? [])],
  };
}
