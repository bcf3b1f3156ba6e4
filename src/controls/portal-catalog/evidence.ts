import { parseAllDocuments } from 'yaml';
import type { Evidence, RepoView } from '../../catalog/types.js';
import { partial, pass } from '../../evidence/kit.js';

// Developer-portal metadata is optional: it maps to no OSPS requirement, so a repository without
// it is "not applicable" rather than a gap that would lower its achieved level.
const NOT_USED: Evidence = {
  status: 'not-applicable',
  summary: 'No developer-portal metadata; optional (write it with --portal).',
  locations: [],
};

/** catalog-info.yaml with a Component that names an owner and the GitHub project slug. */
export const evidence = (repo: RepoView): Evidence => {
  const file = repo.findFirst(['catalog-info.yaml', 'catalog-info.yml']);
  if (!file) return NOT_USED;
  const docs = parseAllDocuments(repo.read(file) ?? '').map((doc) => doc.toJS() as Record<string, unknown> | null);
  const component = docs.find((doc) => doc?.kind === 'Component') as
    | { metadata?: { annotations?: Record<string, unknown> }; spec?: { owner?: unknown } }
    | undefined;
  if (!component) return partial(`${file} has no Component entity.`, [{ file }]);
  const missing: string[] = [];
  if (typeof component.spec?.owner !== 'string' || component.spec.owner === '') missing.push('spec.owner');
  if (typeof component.metadata?.annotations?.['github.com/project-slug'] !== 'string') missing.push('the github.com/project-slug annotation');
  if (missing.length > 0) return partial(`${file} lacks ${missing.join(' and ')}.`, [{ file }]);
  return pass(`${file} registers a Component with an owner and the GitHub project slug.`, [{ file }]);
};

/** mkdocs.yml next to a TechDocs reference (or any mkdocs.yml); absent: not used. */
export const techdocsEvidence = (repo: RepoView): Evidence => {
  const file = repo.findFirst(['mkdocs.yml', 'mkdocs.yaml']);
  if (!file) return NOT_USED;
  if (!/^\s*-\s*techdocs-core\b/m.test(repo.read(file) ?? '')) return partial(`${file} does not use the techdocs-core plugin.`, [{ file }]);
  return pass(`${file} builds a TechDocs site (techdocs-core).`, [{ file }]);
};
