import type { Evidence, PlanContext, RepoView } from '../../catalog/types.js';
import { fail, lineMatching, partial, pass } from '../../evidence/kit.js';

const NAMES = ['SECURITY.md', 'SECURITY.markdown', 'SECURITY.adoc', 'SECURITY.rst', 'SECURITY.txt', 'SECURITY'];
const DIRS = ['', '.github/', 'docs/', 'doc/'];
const CANDIDATES = DIRS.flatMap((dir) => NAMES.map((name) => `${dir}${name}`));

const CONTACT = /security\/advisories\/new|report a vulnerability|private vulnerability reporting|[\w.+-]+@[\w-]+\.[\w.]+|https?:\/\/\S+|hackerone|bugcrowd|huntr/i;
const PROCESS = /disclos|embargo|\d+\s*(working\s+)?(days|hours|business days)|acknowledg|respond/i;

/** SECURITY.md (any common extension) in the root, .github/ or docs/, with a private contact and a disclosure process. */
export const evidence = (repo: RepoView, { profile }: PlanContext): Evidence => {
  const file = repo.findFirst(CANDIDATES);
  const orgPolicy = repo.remote.orgPolicy;
  if (!file && orgPolicy?.file) {
    // GitHub shows the organisation's default policy for repositories without their own.
    const label = `${orgPolicy.repository}:${orgPolicy.file}`;
    const text = repo.remote.text(`${orgPolicy.repository}/${orgPolicy.file}`) ?? '';
    if (CONTACT.test(text) && PROCESS.test(text)) return pass(`No SECURITY.md of its own; the organisation's policy (${label}) applies and says how to report privately and what happens next.`, [{ file: label }]);
    return partial(`No SECURITY.md of its own; the organisation's policy (${label}) applies but lacks a private reporting channel or a response timeline.`, [{ file: label }]);
  }
  if (!file && repo.remote.online && orgPolicy) {
    return fail(`No SECURITY.md in the root, .github/ or docs/, and ${orgPolicy.repository} has no default SECURITY.md either (read online).`);
  }
  if (!file) {
    const org = profile.answers.repository.owner ? `${profile.answers.repository.owner}/.github` : "the organisation's .github repository";
    return fail(
      `No SECURITY.md in the root, .github/ or docs/. An organisation-wide policy in ${org} may cover this repository (GitHub shows it on the Security tab), but it cannot be seen from here; a repository-specific file is clearer for reporters.`,
    );
  }
  const text = repo.read(file) ?? '';
  const contact = CONTACT.test(text);
  const process = PROCESS.test(text);
  const location = lineMatching(repo, file, /^#+\s.*(report|vulnerab|contact)/i);
  if (contact && process) return pass(`${file} says how to report privately and what happens next.`, [location]);
  const missing = [contact ? '' : 'a private reporting channel (advisory link, e-mail or URL)', process ? '' : 'a response or disclosure timeline'].filter(Boolean);
  return partial(`${file} exists but lacks ${missing.join(' and ')}.`, [location]);
};
