// A composite action's `inputs.*` hold whatever its caller passes. An input is untrusted when a
// caller in this repository fills it from an untrusted context (the shared list of
// src/evidence/untrusted.ts), directly or through another composite action's own tainted input,
// or when its default is such an expression. Expanding it in `run:` is then script injection,
// reported in the action where it happens. An input no caller fills from untrusted text is not
// flagged: most inputs are versions and paths chosen by the workflow's author.
import type { RepoView } from '../repo-view.js';
import type { ParsedWorkflow } from '../workflow.js';
import { untrustedExpressions } from '../untrusted.js';
import { workflowRisks, type TaintedInputs, type WorkflowRisk } from './workflow-risks.js';

/** Action file -> its tainted inputs (lower-cased name -> where the untrusted value comes from). */
export function taintedActionInputs(repo: RepoView): Map<string, TaintedInputs> {
  return repo.memo('tainted-action-inputs', () => {
    const tainted = new Map<string, Map<string, string>>();
    const add = (file: string, name: string, source: string): boolean => {
      const inputs = tainted.get(file) ?? new Map<string, string>();
      tainted.set(file, inputs);
      if (inputs.has(name.toLowerCase())) return false;
      inputs.set(name.toLowerCase(), source);
      return true;
    };
    const actions = repo.localActions().filter((action) => !action.error);
    const actionFiles = new Set(actions.map((action) => action.file));
    for (const action of actions) {
      for (const [name, spec] of Object.entries(asRecord(action.data['inputs']))) {
        const fallback = asRecord(spec)['default'];
        const use = typeof fallback === 'string' ? untrustedExpressions(fallback)[0] : undefined;
        if (use) add(action.file, name, `its default is \${{ ${use.expression} }}`);
      }
    }
    const callers: ParsedWorkflow[] = [...repo.workflows().filter((workflow) => !workflow.error), ...actions];
    // Until nothing changes: an action passing its own tainted input on taints the next one.
    for (let changed = true, round = 0; changed && round < 10; round++) {
      changed = false;
      for (const caller of callers) {
        const own = actionFiles.has(caller.file) ? tainted.get(caller.file) : undefined;
        const names = own ? new Set(own.keys()) : undefined;
        for (const step of caller.jobs.flatMap((job) => job.steps)) {
          const callee = step.uses?.kind === 'local' ? repo.localAction(step.uses.name) : undefined;
          if (!callee || callee.error) continue;
          for (const [name, value] of Object.entries(step.with)) {
            const use = typeof value === 'string' ? untrustedExpressions(value, names)[0] : undefined;
            const line = step.withLines[name] ?? step.line;
            if (use && add(callee.file, name, `${caller.file}:${line} passes \${{ ${use.expression} }} as ${name}`)) changed = true;
          }
        }
      }
    }
    return tainted;
  });
}

/** Injection and privileged-checkout risks of every readable composite action of the repository. */
export function localActionRisks(repo: RepoView): WorkflowRisk[] {
  return repo.memo('local-action-risks', () => {
    const tainted = taintedActionInputs(repo);
    return repo
      .localActions()
      .filter((action) => !action.error)
      .flatMap((action) => workflowRisks(action, tainted.get(action.file)));
  });
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
