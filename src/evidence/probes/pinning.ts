// Which `uses:` references are not pinned to a full commit SHA: one answer for `check`
// (pinned-actions) and for `retrofit` (which pins them).
import { loadPins } from '../../pins.js';
import type { RepoView } from '../repo-view.js';
import type { UsesRef } from '../workflow.js';

/** References that must use a tag: the SLSA generator's verifier checks the tag of its reusable workflows. */
export function tagRequired(ref: UsesRef): boolean {
  if (ref.name.toLowerCase().startsWith('slsa-framework/slsa-github-generator/')) return true;
  const pin = loadPins().actions[ref.name];
  return pin?.pinBy === 'tag' && ref.ref === pin.tag;
}

/** Remote references (actions, reusable workflows, docker images) that should be pinned. */
export function pinnableUses(refs: readonly UsesRef[]): UsesRef[] {
  return refs.filter((ref) => ref.kind !== 'local' && ref.kind !== 'local-workflow' && !tagRequired(ref));
}

export function unpinnedUses(refs: readonly UsesRef[]): UsesRef[] {
  return pinnableUses(refs).filter((ref) => !ref.pinned);
}

/** Every pinnable reference of the repository's workflows and composite actions, and those that must use a tag. */
export function repositoryPinning(repo: RepoView): { pinnable: UsesRef[]; unpinned: UsesRef[]; byTag: UsesRef[] } {
  return repo.memo('pinning', () => {
    const pinnable = pinnableUses(repo.allUses());
    const byTag = repo.allUses().filter((ref) => ref.kind !== 'local' && ref.kind !== 'local-workflow' && tagRequired(ref) && !ref.pinned);
    return { pinnable, unpinned: pinnable.filter((ref) => !ref.pinned), byTag };
  });
}
