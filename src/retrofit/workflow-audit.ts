// Report (never rewrite) script injection and privileged checkouts of pull-request code, with the
// same probe `check` uses (src/evidence/probes/workflow-risks.ts), so the two never disagree.
import type { ParsedWorkflow } from '../evidence/workflow.js';
import { workflowRisks, type WorkflowRisk } from '../evidence/probes/workflow-risks.js';
import type { Finding } from './types.js';

export function riskFinding(risk: WorkflowRisk): Finding {
  return { path: risk.file, line: risk.line, level: 'warning', message: risk.message, fix: risk.fix };
}

export function auditWorkflow(workflow: ParsedWorkflow): Finding[] {
  return workflowRisks(workflow).map(riskFinding);
}
