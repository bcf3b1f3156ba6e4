import type { Evidence, EvidenceLocation, RepoView } from '../../catalog/types.js';
import { fail, partial, pass } from '../../evidence/kit.js';
import type { ParsedWorkflow } from '../../evidence/workflow.js';

/** Contexts an outsider controls (Scorecard's Dangerous-Workflow list, plus head_ref). */
const UNTRUSTED = new RegExp(
  [
    String.raw`github\.event\.(issue|pull_request|discussion)\.(title|body)`,
    String.raw`github\.event\.(comment|review|review_comment)\.body`,
    String.raw`github\.event\.pages\.[^}]*\.page_name`,
    String.raw`github\.event\.commits\.[^}]*\.(message|author\.(email|name))`,
    String.raw`github\.event\.head_commit\.(message|author\.(email|name))`,
    String.raw`github\.event\.pull_request\.head\.(ref|label|repo\.default_branch)`,
    String.raw`github\.event\.workflow_run\.(head_branch|head_commit\.(message|author\.(email|name))|pull_requests\.[^}]*\.head\.ref)`,
    String.raw`github\.head_ref`,
  ].map((p) => String.raw`\$\{\{[^}]*` + p).join('|'),
);
const PR_HEAD = /github\.event\.pull_request\.head\.(sha|ref)|github\.head_ref|refs\/pull\/|github\.event\.workflow_run\.head_(sha|branch)/;

function readOnly(permissions: unknown): boolean {
  if (permissions === 'read-all' || permissions === null) return true;
  if (typeof permissions === 'string') return false; // write-all
  if (typeof permissions !== 'object') return false;
  return Object.values(permissions as Record<string, unknown>).every((v) => v === 'read' || v === 'none');
}

interface Finding {
  severity: 'fail' | 'partial';
  text: string;
  location: EvidenceLocation;
}

function inspect(workflow: ParsedWorkflow): Finding[] {
  const findings: Finding[] = [];
  const file = workflow.file;
  if (workflow.permissions === undefined) {
    const allJobsDeclare = workflow.jobs.length > 0 && workflow.jobs.every((job) => job.permissions !== undefined);
    findings.push({
      severity: allJobsDeclare ? 'partial' : 'fail',
      text: allJobsDeclare ? `${file}: no top-level permissions (every job sets its own)` : `${file}: no top-level permissions, so jobs get the repository's default token`,
      location: { file, line: 1 },
    });
  } else if (!readOnly(workflow.permissions)) {
    findings.push({ severity: 'fail', text: `${file}: top-level permissions grant write access`, location: { file, line: workflow.permissionsLine } });
  }
  const privileged = workflow.triggers.filter((t) => t === 'pull_request_target' || t === 'workflow_run');
  for (const job of workflow.jobs) {
    for (const step of job.steps) {
      if (privileged.length > 0 && step.uses?.name.toLowerCase() === 'actions/checkout' && PR_HEAD.test(String(step.with['ref'] ?? ''))) {
        findings.push({
          severity: 'fail',
          text: `${file}: ${privileged.join('/')} checks out pull-request code with a privileged token`,
          location: { file, line: step.withLines['ref'] ?? step.line },
        });
      }
      if (step.run !== undefined && UNTRUSTED.test(step.run)) {
        const offset = step.run.split('\n').findIndex((line) => UNTRUSTED.test(line));
        const line = step.runLine === undefined ? step.line : step.run.includes('\n') ? step.runLine + 1 + Math.max(offset, 0) : step.runLine;
        findings.push({ severity: 'fail', text: `${file}: untrusted input expanded inside run: (script injection)`, location: { file, line } });
      }
    }
  }
  return findings;
}

/** Read-only top-level token permissions in every workflow, and no dangerous trigger or script-injection pattern. */
export const evidence = (repo: RepoView): Evidence => {
  const workflows = repo.workflows().filter((w) => !w.error);
  if (workflows.length === 0) return { status: 'not-applicable', summary: 'No workflows.', locations: [] };
  const findings = workflows.flatMap(inspect);
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
