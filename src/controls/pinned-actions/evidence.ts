import type { Evidence, RepoView } from '../../catalog/types.js';
import { loadPins } from '../../pins.js';
import { fail, partial, pass } from '../../evidence/kit.js';
import type { UsesRef } from '../../evidence/workflow.js';

/** References that must use a tag: the SLSA generator's verifier checks the tag of its reusable workflows. */
function tagRequired(ref: UsesRef): boolean {
  if (ref.name.toLowerCase().startsWith('slsa-framework/slsa-github-generator/')) return true;
  const pin = loadPins().actions[ref.name];
  return pin?.pinBy === 'tag' && ref.ref === pin.tag;
}

/** Share of remote `uses:` (workflows and local composite actions) pinned to a full commit SHA or image digest. */
export const evidence = (repo: RepoView): Evidence => {
  const remote = repo.allUses().filter((ref) => ref.kind !== 'local' && !tagRequired(ref));
  if (remote.length === 0) {
    return repo.workflows().length === 0
      ? { status: 'not-applicable', summary: 'No workflows, so no actions to pin.', locations: [] }
      : pass('No third-party actions are used.');
  }
  const unpinned = remote.filter((ref) => !ref.pinned);
  const pinned = remote.length - unpinned.length;
  const ratio = `${pinned}/${remote.length} (${Math.floor((pinned / remote.length) * 100)}%)`;
  if (unpinned.length === 0) return pass(`Every action reference is pinned to a commit SHA: ${ratio}.`);
  const locations = unpinned.slice(0, 20).map((ref) => ({ file: ref.file, line: ref.line }));
  const examples = [...new Set(unpinned.map((ref) => ref.value))].slice(0, 3).join(', ');
  const summary = `${ratio} action references are pinned to a commit SHA; not pinned: ${examples}${unpinned.length > 3 ? ', ...' : ''}.`;
  return pinned > 0 ? partial(summary, locations) : fail(summary, locations);
};
