import type { Evidence, PlanContext, RepoView } from '../../catalog/types.js';
import { OSCAL_DIR } from '../../compliance/oscal.js';
import { fail, partial, pass } from '../../evidence/kit.js';

/** A compliance mapping per selected framework and an OSCAL component definition. */
export const evidence = (repo: RepoView, { profile }: PlanContext): Evidence => {
  const wanted = profile.answers.compliance;
  // OSCAL component definitions, not the OSCAL JSON schema some tools vendor.
  const oscal = repo.withExtensions('json').filter((file) => /(^|\/)[^/]*component-definition[^/]*\.json$/i.test(file) && !/schemas?\//i.test(file));
  const docs = wanted.map((id) => ({ id, file: repo.findFirst([`${OSCAL_DIR}/${id}.md`]) }));
  const present = docs.filter((d) => d.file);
  const locations = [...present.map((d) => ({ file: d.file! })), ...oscal.slice(0, 1).map((file) => ({ file }))];
  if (wanted.length === 0) {
    return oscal.length > 0 ? pass(`OSCAL component definition ${oscal[0]}.`, locations) : { status: 'not-applicable', summary: 'No compliance framework selected.', locations: [] };
  }
  if (present.length === wanted.length && oscal.length > 0) return pass(`Mappings for ${wanted.join(', ')} and an OSCAL component definition.`, locations);
  if (present.length > 0 || oscal.length > 0) {
    const missing = [...docs.filter((d) => !d.file).map((d) => `${OSCAL_DIR}/${d.id}.md`), ...(oscal.length ? [] : ['an OSCAL component definition'])];
    return partial(`Missing ${missing.join(', ')}.`, locations);
  }
  return fail(`No compliance mapping for ${wanted.join(', ')} (${OSCAL_DIR}/).`);
};
