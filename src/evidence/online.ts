// `check --online`: before the probes run, read what the repository delegates to other
// repositories — reusable workflows called by jobs, shared composite actions called by steps (and
// what those call in turn, a few levels deep) — at the ref each call names, and the organisation's
// default SECURITY.md in `<owner>/.github`. The probes then judge a delegated practice by what the
// shared workflow really runs. Reads go through the GitHub client's on-disk ETag cache.
import type { RepoView } from './repo-view.js';
import type { ParsedWorkflow, UsesRef } from './workflow.js';
import { remoteFiles, remoteLabel } from './remote.js';
import { isSharedAction } from './shared.js';

/** Reads one file of another repository: its text, or undefined when there is no such file. */
export type ReadRemoteFile = (owner: string, repo: string, path: string, ref: string | undefined) => Promise<string | undefined>;

export interface OnlineStats {
  /** Remote files asked for (each label once). */
  requested: number;
  found: number;
  /** Files that could not be read, with the reason (rate limit, no access, server error). */
  failed: Array<{ file: string; reason: string }>;
}

const MAX_DEPTH = 3;
const MAX_FILES = 200;
/** GitHub shows an organisation's default community health files from these places of `<owner>/.github`. */
const ORG_POLICY_FILES = ['SECURITY.md', '.github/SECURITY.md', 'docs/SECURITY.md'];

function remoteCalls(workflow: ParsedWorkflow, selfSlug: string | undefined): UsesRef[] {
  const self = selfSlug?.toLowerCase();
  return workflow.uses.filter((uses) => {
    if (!uses.repo || uses.repo.toLowerCase() === self) return false;
    if (uses.kind === 'reusable-workflow') return true;
    return uses.kind === 'action' && isSharedAction(uses, selfSlug);
  });
}

/** Read every remote workflow and shared action the repository reaches, and the org policy. */
export async function readOnline(repo: RepoView, read: ReadRemoteFile, selfSlug: string | undefined): Promise<OnlineStats> {
  const store = repo.remote;
  store.online = true;
  const stats: OnlineStats = { requested: 0, found: 0, failed: [] };
  const fetchOne = async (owner: string, name: string, file: string, ref: string | undefined): Promise<void> => {
    const label = remoteLabel(`${owner}/${name}`, file, ref);
    if (store.has(label) || store.failure(label) || stats.requested >= MAX_FILES) return;
    stats.requested++;
    try {
      const text = await read(owner, name, file, ref);
      store.set(label, text ?? null);
      if (text !== undefined) stats.found++;
    } catch (error) {
      const reason = (error as Error).message;
      store.fail(label, reason);
      stats.failed.push({ file: label, reason });
    }
  };

  let frontier: ParsedWorkflow[] = [...repo.workflows(), ...repo.localActions()];
  for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
    const calls = frontier.flatMap((workflow) => remoteCalls(workflow, selfSlug));
    await Promise.all(
      calls.map(async (uses) => {
        const [owner, name] = uses.repo!.split('/') as [string, string];
        // An action's action.yaml is asked for only when it has no action.yml.
        for (const { file, label } of remoteFiles(uses)) {
          await fetchOne(owner, name, file, uses.ref);
          if (typeof store.text(label) === 'string') break;
        }
      }),
    );
    frontier = calls.flatMap((uses) => {
      const found = uses.kind === 'reusable-workflow' ? store.workflow(uses) : store.action(uses);
      return found ? [found] : [];
    });
  }

  const owner = selfSlug?.split('/')[0];
  if (owner) {
    const repository = `${owner}/.github`;
    store.orgPolicy = { repository };
    for (const file of ORG_POLICY_FILES) {
      await fetchOne(owner, '.github', file, undefined);
      const label = remoteLabel(repository, file, undefined);
      if (typeof store.text(label) === 'string') {
        store.orgPolicy.file = file;
        break;
      }
      if (store.failure(label)) {
        store.orgPolicy = undefined; // unknown, not "none"
        break;
      }
    }
  }
  return stats;
}
