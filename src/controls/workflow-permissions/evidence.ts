import type { Evidence, EvidenceLocation, RepoView } from '../../catalog/types.js';
import { fail, partial, pass } from '../../evidence/kit.js';
import type { ParsedWorkflow } from '../../evidence/workflow.js';
import { workflowRisks } from '../../evidence/probes/workflow-risks.js';
import { localActionRisks } from '../../evidence/probes/action-inputs.js';
import { isReadOnly, jobNeeds, writeScopes } from '../../evidence/probes/permission-needs.js';
import { onlyCalled } from '../../evidence/probes/reusable-callers.js';

interface Finding {
  severity: 'fail' | 'partial';
  text: string;
  location: EvidenceLocation;
}

/** Which jobs need which writes (from the permission table), for the advice on a write-granting top level. */
function writeAdvice(workflow: ParsedWorkflow): string {
  const needs = workflow.jobs.map((job) => ({ job: job.id, needs: jobNeeds(job) }));
  const writers = needs.filter((n) => Object.values(n.needs.scopes).includes('write')).map((n) => `${n.job}: ${Object.entries(n.needs.scopes).filter(([, a]) => a === 'write').map(([s]) => `${s}: write`).join(', ')}`);
  const unknown = needs.filter((n) => !n.needs.known).map((n) => n.job);
  const parts = [writers.length ? `grant writes per job (${writers.join('; ')})` : 'no job needs a write'];
  if (unknown.length) parts.push(`check by hand: ${unknown.join(', ')}`);
  return parts.join('; ');
}

function inspect(workflow: ParsedWorkflow): Finding[] {
  const findings: Finding[] = [];
  const file = workflow.file;
  // A reusable workflow that only runs when called gets the calling job's token: that job's permissions are what count.
  if (onlyCalled(workflow)) return findings;
  if (workflow.permissions === undefined) {
    const allJobsDeclare = workflow.jobs.length > 0 && workflow.jobs.every((job) => job.permissions !== undefined);
    findings.push({
      severity: allJobsDeclare ? 'partial' : 'fail',
      text: allJobsDeclare ? `${file}: no top-level permissions (every job sets its own)` : `${file}: no top-level permissions, so jobs get the repository's default token`,
      location: { file, line: 1 },
    });
  } else if (!isReadOnly(workflow.permissions)) {
    const scopes = writeScopes(workflow.permissions);
    findings.push({
      severity: 'fail',
      text: `${file}: top-level permissions grant write access (${scopes.includes('*') ? 'write-all' : scopes.join(', ')}); ${writeAdvice(workflow)}`,
      location: { file, line: workflow.permissionsLine },
    });
  }
  return findings;
}

/** Read-only top-level token permissions in every workflow, and no script injection or privileged checkout (workflows and composite actions). */
export const evidence = (repo: RepoView): Evidence => {
  const workflows = repo.workflows().filter((w) => !w.error);
  if (workflows.length === 0) return { status: 'not-applicable', summary: 'No workflows.', locations: [] };
  const findings = workflows.flatMap(inspect);
  for (const risk of [...workflows.flatMap((workflow) => workflowRisks(workflow)), ...localActionRisks(repo)]) {
    findings.push({
      severity: 'fail',
      text: risk.kind === 'injection' ? `${risk.file}: untrusted input expanded inside run: (script injection: \${{ ${risk.detail} }})` : `${risk.file}: ${risk.message}`,
      location: { file: risk.file, line: risk.line },
    });
  }
  if (findings.length === 0) {
    return pass(`All ${workflows.length} workflows default to a read-only token; no dangerous triggers or untrusted expressions in run: scripts.`);
  }
  const failing = findings.filter((f) => f.severity === 'fail');
  const shown = (failing.length > 0 ? failing : findings).slice(0, 3).map((f) => f.text);
  const more = findings.length > shown.length ? ` (+${findings.length - shown.length} more)` : '';
  const summary = `${shown.join('; ')}${more}.`;
  const locations = findings.slice(0, 20).map((f) => f.location);
  return failing.length > 0 ? fail(summary, locations) : partial(summary, locations);
};
