// Who calls a reusable workflow of this repository, and with which token. A called workflow's
// jobs get the calling job's GITHUB_TOKEN and may only lower it: a `permissions:` block that asks
// for more than a caller grants makes GitHub reject the caller's whole workflow at start-up
// ("nested job is requesting …, but is only allowed …"). So least privilege for a reusable
// workflow is set where it is called, and any block added inside it must fit every caller.
import type { RepoView } from '../repo-view.js';
import type { ParsedWorkflow } from '../workflow.js';
import type { Access } from './permission-needs.js';

export interface WorkflowCaller {
  file: string;
  job: string;
  line: number;
  /** The calling job's token: its own `permissions:`, else its workflow's; undefined = the repository default (not known here). */
  permissions: unknown;
}

/** Runs only when another workflow calls it (its one trigger is workflow_call). */
export function onlyCalled(workflow: ParsedWorkflow): boolean {
  return workflow.triggers.length > 0 && workflow.triggers.every((t) => t === 'workflow_call');
}

/** The jobs of this repository's workflows that call `file` (`uses: ./.github/workflows/<file>`). */
export function callersOf(repo: RepoView, file: string): WorkflowCaller[] {
  const callers: WorkflowCaller[] = [];
  for (const workflow of repo.workflows()) {
    if (workflow.error) continue;
    for (const job of workflow.jobs) {
      const target = job.uses?.value.replace(/^\.\//, '').replace(/@.*$/, '');
      if (job.uses?.kind !== 'local-workflow' || target !== file) continue;
      callers.push({ file: workflow.file, job: job.id, line: job.uses.line, permissions: job.permissions ?? workflow.permissions });
    }
  }
  return callers;
}

/** Whether a caller's token grants `access` on `scope` (an unknown default grants nothing for sure). */
export function grants(permissions: unknown, scope: string, access: Access): boolean {
  if (permissions === 'write-all') return true;
  if (permissions === 'read-all') return access !== 'write';
  if (typeof permissions !== 'object' || permissions === null) return false;
  const granted = (permissions as Record<string, unknown>)[scope];
  return granted === 'write' || (access === 'read' && granted === 'read');
}
