// Files of other repositories that `check --online` read: the reusable workflows and shared
// composite actions a repository calls, and the organisation's default SECURITY.md. Offline the
// store is empty and every look-up answers "not read", which the probes report as delegated (not
// verified) or unknown; nothing here touches the network.
import { parseActionFile, parseWorkflow, type ParsedWorkflow, type UsesRef } from './workflow.js';

/** What was learnt about one remote file: its text, or that it does not exist (null). */
export type RemoteText = string | null;

export interface OrgPolicy {
  /** "owner/.github" */
  repository: string;
  /** The file GitHub shows for repositories without their own (e.g. "SECURITY.md"), or none. */
  file?: string;
}

/** The label of a remote file in evidence: "owner/repo/path@ref". */
export function remoteLabel(repo: string, file: string, ref: string | undefined): string {
  return `${repo}/${file}${ref ? `@${ref}` : ''}`;
}

/** The repository path of a remote `uses:` (reusable workflow file, or action directory). */
export function remotePath(uses: UsesRef): string | undefined {
  if (!uses.repo || (uses.kind !== 'reusable-workflow' && uses.kind !== 'action')) return undefined;
  return uses.name.slice(uses.repo.length + 1);
}

/**
 * The files of another repository a `uses:` stands for: the workflow file of a reusable-workflow
 * call; `action.yml` then `action.yaml` in the directory of an action. `label` keys the store.
 */
export function remoteFiles(uses: UsesRef): Array<{ file: string; label: string }> {
  const path = remotePath(uses);
  const repo = uses.repo;
  if (path === undefined || !repo) return [];
  const files = uses.kind === 'reusable-workflow' ? (path ? [path] : []) : ['action.yml', 'action.yaml'].map((name) => (path ? `${path}/${name}` : name));
  return files.map((file) => ({ file, label: remoteLabel(repo, file, uses.ref) }));
}

export class RemoteFiles {
  /** Set once an online pass ran: look-ups that were never attempted then mean "not read". */
  online = false;
  orgPolicy: OrgPolicy | undefined;
  private readonly texts = new Map<string, RemoteText>();
  private readonly failures = new Map<string, string>();
  private readonly parsed = new Map<string, ParsedWorkflow | undefined>();

  set(label: string, text: RemoteText): void {
    this.texts.set(label, text);
  }

  fail(label: string, reason: string): void {
    this.failures.set(label, reason);
  }

  /** Why a remote file could not be read (rate limit, no access), when it could not. */
  failure(label: string): string | undefined {
    return this.failures.get(label);
  }

  /** The text read (null: no such file; undefined: not read). */
  text(label: string): RemoteText | undefined {
    return this.texts.get(label);
  }

  /** Why the target of a `uses:` could not be read online, if it could not. */
  failureOf(uses: UsesRef): string | undefined {
    return remoteFiles(uses)
      .map(({ label }) => this.failures.get(label))
      .find((reason) => reason !== undefined);
  }

  has(label: string): boolean {
    return this.texts.has(label);
  }

  /** The remote reusable workflow a job calls, parsed, when it was read and exists. */
  workflow(uses: UsesRef): ParsedWorkflow | undefined {
    const [target] = uses.kind === 'reusable-workflow' ? remoteFiles(uses) : [];
    return target ? this.parse(target.label, parseWorkflow) : undefined;
  }

  /** The remote composite action a step uses, parsed, when its action.yml / action.yaml was read. */
  action(uses: UsesRef): ParsedWorkflow | undefined {
    if (uses.kind !== 'action') return undefined;
    for (const { label } of remoteFiles(uses)) {
      const parsed = this.parse(label, parseActionFile);
      if (parsed) return parsed;
    }
    return undefined;
  }

  /** Was the target of this `uses:` read (a workflow found or known absent; an action file found)? */
  verified(uses: UsesRef): boolean {
    const targets = remoteFiles(uses);
    if (uses.kind === 'reusable-workflow') return targets.some(({ label }) => this.texts.has(label));
    return targets.some(({ label }) => Boolean(this.texts.get(label)));
  }

  private parse(label: string, parser: (file: string, text: string) => ParsedWorkflow): ParsedWorkflow | undefined {
    if (this.parsed.has(label)) return this.parsed.get(label);
    const text = this.texts.get(label);
    const result = typeof text === 'string' ? parser(label, text) : undefined;
    const usable = result && !result.error ? result : undefined;
    this.parsed.set(label, usable);
    return usable;
  }
}
