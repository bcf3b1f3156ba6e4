import { parse } from 'yaml';
import type { Evidence, RepoView } from '../../catalog/types.js';
import { fail, lineMatching, partial, pass } from '../../evidence/kit.js';

/** Where readers such as CLOMonitor look for the manifest. */
export const INSIGHTS_NAMES = ['SECURITY-INSIGHTS.yml', 'security-insights.yml', '.github/security-insights.yml', 'SECURITY-INSIGHTS.yaml', '.github/SECURITY-INSIGHTS.yml'];

/** An OpenSSF Security Insights manifest (v1 or v2) where CLOMonitor and other readers look for it. */
export const evidence = (repo: RepoView): Evidence => {
  const file = repo.findFirst(INSIGHTS_NAMES);
  if (!file) return fail('No Security Insights manifest (SECURITY-INSIGHTS.yml).');
  let version: string | undefined;
  try {
    const doc = parse(repo.read(file) ?? '') as { header?: { 'schema-version'?: unknown } } | null;
    version = doc?.header?.['schema-version'] === undefined ? undefined : String(doc.header['schema-version']);
  } catch {
    return partial(`${file} is not valid YAML.`, [{ file }]);
  }
  const location = lineMatching(repo, file, /schema-version/);
  if (!version) return partial(`${file} has no header.schema-version.`, [{ file }]);
  if (version.startsWith('2.')) return pass(`${file} (Security Insights ${version}).`, [location]);
  return partial(`${file} uses Security Insights ${version}; version 2 is current.`, [location]);
};
