import type { Evidence, RepoView } from '../../catalog/types.js';
import { fail, partial, pass } from '../../evidence/kit.js';

const THREAT_MODEL = /(^|\/)(threat[-_ ]?model(ing)?|threats)[^/]*\.(md|adoc|rst|txt|pdf)$/i;
const SELF_ASSESSMENT = /(^|\/)(self[-_ ]?assessment|security[-_ ]?assessment)[^/]*\.(md|adoc|rst|pdf)$/i;

/** A threat model, or a security self-assessment (CNCF TAG Security outline) that covers threats. */
export const evidence = (repo: RepoView): Evidence => {
  const documents = repo.withExtensions('md', 'adoc', 'rst', 'txt', 'pdf');
  const models = documents.filter((file) => THREAT_MODEL.test(file));
  if (models.length > 0) return pass(`Threat model: ${models.slice(0, 3).join(', ')}.`, models.slice(0, 3).map((file) => ({ file })));
  const assessments = documents.filter((file) => SELF_ASSESSMENT.test(file));
  const withThreats = assessments.find((file) => /threat/i.test(repo.read(file) ?? ''));
  if (withThreats) return pass(`Security self-assessment with a threat analysis: ${withThreats}.`, [{ file: withThreats }]);
  if (assessments.length > 0) return partial(`${assessments[0]} is a security assessment without a threat analysis.`, [{ file: assessments[0]! }]);
  return fail('No threat model or security self-assessment (e.g. docs/security/threat-model.md).');
};
