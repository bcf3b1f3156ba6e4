// The repository's own composite actions (action.yml / action.yaml anywhere in the tree: the same
// files `check` reads, from the same repository view). Their risks are reported like a workflow's;
// their steps get the same pins and checkout edits. Node and Docker actions have no steps to harden
// and are never edited. An action no workflow here runs, in a folder of test data or vendored code,
// is reported instead of edited: it may be a test input kept unpinned on purpose, or a copy of
// another project that the next vendoring overwrites.
import path from 'node:path';
import type { RepoView } from '../evidence/repo-view.js';
import type { ParsedWorkflow } from '../evidence/workflow.js';
import { reachableUnits } from '../evidence/reach.js';
import { pushReason } from '../evidence/probes/permission-needs.js';
import { generatedHeader } from '../evidence/probes/generated.js';
import { unpinnedUses } from '../evidence/probes/pinning.js';
import { localActionRisks } from '../evidence/probes/action-inputs.js';
import { nonProductionReason } from '../detect/production.js';
import type { PinTable } from '../pins.js';
import { hasMarker } from './markers.js';
import { riskFinding } from './workflow-audit.js';
import { hardenCompositeAction, type ActionCallers } from './workflow-harden.js';
import { EditError } from './yaml-doc.js';
import type { Finding } from './types.js';

export interface ActionHardening {
  path: string;
  before: string;
  after: string;
  details: string[];
}

export interface CompositeActionsPlan {
  changes: ActionHardening[];
  findings: Finding[];
  /** Changes to make at the source of a generated action. */
  manual: string[];
  kept: Array<{ path: string; why: string }>;
}

/** Every composite action's callers: the workflow jobs that run it, directly or through another local action. */
function callersOf(repo: RepoView): Map<string, ActionCallers> {
  const jobs = new Map<string, Set<string>>();
  const result = new Map<string, ActionCallers>();
  for (const unit of reachableUnits(repo)) {
    const uses = unit.step?.uses;
    if (uses?.kind !== 'local') continue;
    const action = repo.localAction(uses.name);
    if (!action) continue;
    const seen = jobs.get(action.file) ?? new Set<string>();
    jobs.set(action.file, seen);
    seen.add(`${unit.entry.file}|${unit.job.id}`);
    const callers = result.get(action.file) ?? { jobs: 0 };
    callers.jobs = seen.size;
    const reason = callers.pushes ? undefined : pushReason(unit.job, unit.entry.permissions);
    if (reason) callers.pushes = `job "${unit.job.id}" (${unit.entry.file}) runs it, and ${reason}`;
    result.set(action.file, callers);
  }
  return result;
}

function isComposite(action: ParsedWorkflow): boolean {
  const runs = action.data['runs'];
  return typeof runs === 'object' && runs !== null && String((runs as Record<string, unknown>)['using'] ?? '').toLowerCase() === 'composite';
}

/** Why an action is not the project's own CI code (test data, vendored copy), or undefined when it may be. */
function notOwnCode(file: string): string | undefined {
  const dir = path.posix.dirname(file);
  return nonProductionReason(dir === '.' ? '/' : `/${dir}`, 'github-actions');
}

/**
 * The composite actions that are this project's own CI code: run by one of its workflows, or
 * outside test data, examples and vendored folders. These are the ones retrofit pins and
 * `pins --update` refreshes.
 */
export function ownCompositeActions(repo: RepoView): ParsedWorkflow[] {
  const callers = callersOf(repo);
  return repo.localActions().filter((action) => !action.error && isComposite(action) && ((callers.get(action.file)?.jobs ?? 0) > 0 || !notOwnCode(action.file)));
}

/**
 * Plan the hardening of every composite action. `read` gives a file's text for editing (an Error
 * when it cannot be read, already reported by the caller); `skip` names files another edit owns.
 */
export function planCompositeActions(repo: RepoView, read: (file: string) => string | undefined | Error, table: PinTable, skip: (file: string) => boolean): CompositeActionsPlan {
  const plan: CompositeActionsPlan = { changes: [], findings: [], manual: [], kept: [] };
  const actions = repo.localActions();
  if (actions.length === 0) return plan;
  // Risks are reported for every action check reads (inputs callers fill with untrusted text included), whatever is done with the file.
  plan.findings.push(...localActionRisks(repo).map(riskFinding));
  const callers = callersOf(repo);
  for (const action of actions) {
    if (skip(action.file) || (!action.error && !isComposite(action))) continue;
    const called = callers.get(action.file) ?? { jobs: 0 };
    const elsewhere = called.jobs === 0 ? notOwnCode(action.file) : undefined;
    if (elsewhere) {
      if (action.error) continue;
      for (const ref of unpinnedUses(action.uses)) {
        plan.findings.push({
          path: action.file, line: ref.line, level: 'note',
          message: `${ref.value} is not pinned; left as is because this action is under ${elsewhere} and no workflow of this repository runs it, so it is taken for test data, an example or a vendored copy`,
          fix: 'pin it to a full commit SHA by hand if the action is used',
        });
      }
      continue;
    }
    const text = read(action.file);
    if (typeof text !== 'string' || hasMarker(text)) continue;
    try {
      const hardened = hardenCompositeAction(action.file, text, called, table);
      const header = generatedHeader(text);
      if (header) {
        // Editing a generated action fails the repository's own drift check: name the changes for its source.
        if (hardened.changes.length > 0) {
          plan.manual.push(`${action.file} is generated (line ${header.line}: "${header.text}"); make these changes in ${header.source ?? 'the file or template it is generated from'}: ${hardened.changes.join('; ')}`);
          plan.kept.push({ path: action.file, why: `generated${header.source ? ` from ${header.source}` : ''} ("${header.text}"); not edited, the changes are listed for its source` });
        }
        continue;
      }
      plan.findings.push(...hardened.findings);
      if (hardened.after !== text) plan.changes.push({ path: action.file, before: text, after: hardened.after, details: hardened.changes });
    } catch (error) {
      if (!(error instanceof EditError)) throw error;
      plan.findings.push({ path: error.file, line: error.line, level: 'error', message: error.reason });
    }
  }
  return plan;
}
