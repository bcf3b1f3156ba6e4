// Script injection and privileged checkouts in one workflow or composite action: the single
// judgement `check` (workflow-permissions) and `retrofit` (its report) both use.
import type { ParsedWorkflow, WorkflowStep } from '../workflow.js';
import { inputsRead, PRIVILEGED_TRIGGERS, PULL_REQUEST_HEAD, untrustedExpressions } from '../untrusted.js';

export type RiskKind = 'injection' | 'pr-head-checkout';

export interface WorkflowRisk {
  kind: RiskKind;
  file: string;
  line: number;
  job: string;
  /** The expression, ref or command at fault. */
  detail: string;
  message: string;
  fix: string;
}

const injectionFix = (expression: string) => `pass it through the step's env: (e.g. VALUE: \${{ ${expression} }}) and use "$VALUE" in the script`;
const CHECKOUT_FIX =
  "do not build or run the pull request's code in a privileged workflow: do that in a `pull_request` workflow (no secrets, read-only token) and hand results to this one as an artifact it only reads";

/** 1-based file line of an offset inside a step's `run:` (or other block) text. */
function lineInValue(firstLine: number, block: boolean, value: string, offset: number): number {
  const newlines = value.slice(0, offset).split('\n').length - 1;
  return block ? firstLine + 1 + newlines : firstLine + newlines;
}

/** Input name (lower-cased) -> where its untrusted value comes from, for a composite action's `inputs.*`. */
export type TaintedInputs = ReadonlyMap<string, string>;

/** A composite action read as a one-job workflow (its `runs:`), named as the action in messages. */
const isAction = (workflow: ParsedWorkflow) => workflow.data['runs'] !== undefined && workflow.data['jobs'] === undefined;

function injections(workflow: ParsedWorkflow, job: string, step: WorkflowStep, tainted: TaintedInputs | undefined): WorkflowRisk[] {
  const risks: WorkflowRisk[] = [];
  const names = tainted ? new Set(tainted.keys()) : undefined;
  const report = (expression: string, line: number, where: string) => {
    // An input is untrusted only through what its caller passes: say which caller.
    const source = inputsRead(expression).map((name) => tainted?.get(name)).find((s) => s !== undefined);
    risks.push({
      kind: 'injection',
      file: workflow.file,
      line,
      job,
      detail: expression,
      message: `${isAction(workflow) ? 'the action' : `job "${job}"`} expands \${{ ${expression} }} inside ${where}, which lets whoever writes that text inject commands${source ? ` (${source})` : ''}`,
      fix: injectionFix(expression),
    });
  };
  if (step.run !== undefined) {
    for (const use of untrustedExpressions(step.run, names)) report(use.expression, lineInValue(step.runLine ?? step.line, step.runBlock ?? false, step.run, use.offset), 'run:');
  }
  const script = step.with['script'];
  if (step.uses?.name.toLowerCase() === 'actions/github-script' && typeof script === 'string') {
    const first = step.withLines['script'] ?? step.line;
    for (const use of untrustedExpressions(script, names)) report(use.expression, lineInValue(first, script.includes('\n'), script, use.offset), 'an actions/github-script script');
  }
  return risks;
}

function privilegedCheckouts(workflow: ParsedWorkflow, job: string, step: WorkflowStep, triggers: string[]): WorkflowRisk[] {
  const risks: WorkflowRisk[] = [];
  const on = triggers.join('/');
  if (step.uses?.name.toLowerCase() === 'actions/checkout') {
    // checkout v7 refuses a pull request's code under these triggers unless told otherwise.
    if (/^true$/i.test(String(step.with['allow-unsafe-pr-checkout'] ?? ''))) {
      risks.push({
        kind: 'pr-head-checkout',
        file: workflow.file,
        line: step.withLines['allow-unsafe-pr-checkout'] ?? step.line,
        job,
        detail: 'allow-unsafe-pr-checkout: true',
        message: `job "${job}" turns off checkout's protection (allow-unsafe-pr-checkout: true) under ${on}, so it checks out the pull request's code with secrets and a write token`,
        fix: CHECKOUT_FIX,
      });
    }
    for (const key of ['ref', 'repository']) {
      const value = step.with[key];
      if (typeof value === 'string' && PULL_REQUEST_HEAD.test(value)) {
        risks.push({
          kind: 'pr-head-checkout',
          file: workflow.file,
          line: step.withLines[key] ?? step.line,
          job,
          detail: value,
          message: `job "${job}" checks out the pull request head (${key}: ${value}) under ${on}, where it runs with secrets and a write token`,
          fix: CHECKOUT_FIX,
        });
      }
    }
  }
  // Fetching a pull request's commits only to read them (sign-offs, diffs) is safe; checking them out is not.
  const script = step.run ?? '';
  const fetched = /\bgit\s+fetch\b[^\n]*\bpull\//.exec(script);
  const command = /\bgh\s+pr\s+checkout\b/.exec(script) ?? (fetched && /\bgit\s+(checkout|switch|worktree\s+add|reset\s+--hard)\b/.test(script.slice(fetched.index)) ? fetched : null);
  if (command) {
    risks.push({
      kind: 'pr-head-checkout',
      file: workflow.file,
      line: lineInValue(step.runLine ?? step.line, step.runBlock ?? false, step.run ?? '', command.index),
      job,
      detail: command[0],
      message: `job "${job}" fetches the pull request's code in a run: step under ${on}`,
      fix: CHECKOUT_FIX,
    });
  }
  return risks;
}

/**
 * Every injection and privileged-checkout risk of a workflow (or composite action: triggers = []).
 * `tainted`: a composite action's inputs that callers fill from untrusted contexts.
 */
export function workflowRisks(workflow: ParsedWorkflow, tainted?: TaintedInputs): WorkflowRisk[] {
  const privileged = workflow.triggers.filter((t) => (PRIVILEGED_TRIGGERS as readonly string[]).includes(t));
  const risks: WorkflowRisk[] = [];
  for (const job of workflow.jobs) {
    for (const step of job.steps) {
      risks.push(...injections(workflow, job.id, step, tainted));
      if (privileged.length > 0) risks.push(...privilegedCheckouts(workflow, job.id, step, privileged));
    }
    // A privileged workflow handing the pull request's head to a reusable workflow makes it check that out.
    if (privileged.length > 0 && job.uses) {
      for (const [key, value] of Object.entries(job.with)) {
        if (/ref|sha|branch|repo|checkout/i.test(key) && typeof value === 'string' && PULL_REQUEST_HEAD.test(value)) {
          risks.push({
            kind: 'pr-head-checkout',
            file: workflow.file,
            line: job.uses.line,
            job: job.id,
            detail: `${key}: ${value}`,
            message: `job "${job.id}" passes the pull request head (${key}: ${value}) to ${job.uses.value} under ${privileged.join('/')}`,
            fix: CHECKOUT_FIX,
          });
        }
      }
    }
  }
  return risks;
}
