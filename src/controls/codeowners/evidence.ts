import type { Evidence, RepoView } from '../../catalog/types.js';
import { fail, partial, pass } from '../../evidence/kit.js';

const CODEOWNERS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'];
/** Files that name a project's maintainers (without making GitHub ask for their review). */
export const MAINTAINERS_FILES = ['MAINTAINERS.md', 'MAINTAINERS', 'MAINTAINERS.txt', 'docs/MAINTAINERS.md', '.github/MAINTAINERS.md'];

/** CODEOWNERS (any location GitHub reads) with at least one rule, or Prow-style OWNERS; MAINTAINERS alone is partial. */
export const evidence = (repo: RepoView): Evidence => {
  const file = repo.findFirst(CODEOWNERS);
  if (file) {
    const rules = (repo.read(file) ?? '').split(/\r?\n/).map((line, i) => ({ line: i + 1, text: line.trim() })).filter((l) => l.text && !l.text.startsWith('#'));
    const owned = rules.filter((r) => /\s@?[\w.-]+/.test(r.text));
    if (owned.length > 0) return pass(`${file} assigns owners (${owned.length} rule${owned.length === 1 ? '' : 's'}).`, [{ file, line: owned[0]!.line }]);
    return partial(`${file} has no rule with an owner.`, [{ file }]);
  }
  if (repo.has('OWNERS')) return pass('Prow-style OWNERS file names approvers and reviewers.', [{ file: 'OWNERS' }]);
  const maintainers = repo.findFirst(MAINTAINERS_FILES);
  if (maintainers) return partial(`${maintainers} names maintainers, but without CODEOWNERS GitHub cannot require their review.`, [{ file: maintainers }]);
  return fail('No CODEOWNERS (.github/, root or docs/) or OWNERS file.');
};
