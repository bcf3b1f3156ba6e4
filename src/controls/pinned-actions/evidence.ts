import type { Evidence, RepoView } from '../../catalog/types.js';
import { fail, partial, pass } from '../../evidence/kit.js';
import { repositoryPinning } from '../../evidence/probes/pinning.js';

/** Share of remote `uses:` (workflows and local composite actions) pinned to a full commit SHA or image digest. */
export const evidence = (repo: RepoView): Evidence => {
  const { pinnable, unpinned } = repositoryPinning(repo);
  if (pinnable.length === 0) {
    return repo.workflows().length === 0
      ? { status: 'not-applicable', summary: 'No workflows, so no actions to pin.', locations: [] }
      : pass('No third-party actions are used.');
  }
  const pinned = pinnable.length - unpinned.length;
  const ratio = `${pinned}/${pinnable.length} (${Math.floor((pinned / pinnable.length) * 100)}%)`;
  if (unpinned.length === 0) return pass(`Every action reference is pinned to a commit SHA: ${ratio}.`);
  const locations = unpinned.slice(0, 20).map((ref) => ({ file: ref.file, line: ref.line }));
  const examples = [...new Set(unpinned.map((ref) => ref.value))].slice(0, 3).join(', ');
  const summary = `${ratio} action references are pinned to a commit SHA; not pinned: ${examples}${unpinned.length > 3 ? ', ...' : ''}.`;
  return pinned > 0 ? partial(summary, locations) : fail(summary, locations);
};
