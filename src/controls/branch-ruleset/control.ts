import { parse } from 'yaml';
import type { Control, PlanContext } from '../../catalog/types.js';
import { renderTemplate } from '../../render.js';
import { evidence } from './evidence.js';

/** App id of GitHub Actions: only a check run created by Actions can satisfy the requirement. */
export const GITHUB_ACTIONS_APP_ID = 15368;

type Json = unknown;

/** Matrix combinations of a job, or undefined when they cannot be told statically. */
function matrixCombinations(strategy: Json): Array<Record<string, unknown>> | undefined {
  const matrix = (strategy as { matrix?: unknown } | undefined)?.matrix;
  if (matrix === undefined) return [{}];
  if (typeof matrix !== 'object' || matrix === null || Array.isArray(matrix)) return undefined;
  const entries = Object.entries(matrix as Record<string, unknown>);
  const include = (matrix as { include?: unknown }).include;
  const axes = entries.filter(([key]) => key !== 'include' && key !== 'exclude');
  if ((matrix as { exclude?: unknown }).exclude !== undefined) return undefined;
  if (axes.length > 0 && include !== undefined) return undefined;
  if (axes.length === 0) {
    if (!Array.isArray(include) || include.some((e) => typeof e !== 'object' || e === null)) return undefined;
    return include as Array<Record<string, unknown>>;
  }
  let combos: Array<Record<string, unknown>> = [{}];
  for (const [key, values] of axes) {
    if (!Array.isArray(values)) return undefined;
    combos = combos.flatMap((combo) => values.map((value) => ({ ...combo, [key]: value })));
  }
  return combos;
}

/** The check-run names (status contexts) a job reports, or [] when they cannot be told statically. */
function jobCheckNames(jobId: string, job: Record<string, unknown>): string[] {
  if (job.uses !== undefined) return []; // Reusable workflows report "<caller> / <callee job>".
  const combos = matrixCombinations(job.strategy);
  if (!combos) return [];
  const name = typeof job.name === 'string' ? job.name : undefined;
  if (name === undefined) {
    // Unnamed matrix jobs get "<id> (<values>)"; the order of the values is not ours to guess.
    return combos.length === 1 && Object.keys(combos[0]!).length === 0 ? [jobId] : [];
  }
  const names: string[] = [];
  for (const combo of combos) {
    let unresolved = false;
    const rendered = name.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expression: string) => {
      const match = /^matrix\.([A-Za-z0-9_-]+)$/.exec(expression);
      const value = match ? combo[match[1]!] : undefined;
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
      unresolved = true;
      return '';
    });
    if (unresolved) return [];
    names.push(rendered);
  }
  return names;
}

/** Whether a workflow runs on every pull request to `branch` (so a required check is never left pending). */
function runsOnEveryPullRequest(workflow: Record<string, unknown>, branch: string): boolean {
  const on = workflow.on;
  if (on === 'pull_request') return true;
  if (Array.isArray(on)) return on.includes('pull_request');
  if (typeof on !== 'object' || on === null || !('pull_request' in on)) return false;
  const trigger = (on as Record<string, unknown>).pull_request;
  if (trigger === null || trigger === undefined) return true;
  const filter = trigger as Record<string, unknown>;
  if (filter.paths !== undefined || filter['paths-ignore'] !== undefined || filter.types !== undefined) return false;
  if (filter['branches-ignore'] !== undefined) return false;
  if (filter.branches === undefined) return true;
  return Array.isArray(filter.branches) && filter.branches.includes(branch);
}

/**
 * The status checks the other generated workflows report on a pull request to the default
 * branch, derived from their rendered job names (a matrix job reports one check per combination,
 * under its rendered name, e.g. "Analyze (go)").
 */
export function requiredStatusChecks(ctx: PlanContext): string[] {
  const checks = new Set<string>();
  const branch = ctx.profile.answers.defaultBranch;
  for (const control of ctx.controls) {
    // Covered controls write no workflow here (retrofit): a required check nobody reports blocks every merge.
    if (control.id === 'branch-ruleset' || ctx.covered?.has(control.id)) continue;
    for (const output of control.outputs(ctx)) {
      if (!/^\.github\/workflows\/[^/]+\.ya?ml$/.test(output.path)) continue;
      const workflow = parse(renderTemplate(output.template, output.path, output.data ?? {})) as Record<string, unknown>;
      if (!runsOnEveryPullRequest(workflow, branch)) continue;
      for (const [jobId, job] of Object.entries((workflow.jobs ?? {}) as Record<string, Record<string, unknown>>)) {
        for (const name of jobCheckNames(jobId, job)) checks.add(name);
      }
    }
  }
  return [...checks].sort((a, b) => a.localeCompare(b));
}

export const branchRuleset: Control = {
  evidence,
  fix: 'npx create-secure-cncf retrofit --level 2',
  id: 'branch-ruleset',
  title: 'Default-branch ruleset: reviewed pull requests and passing checks',
  why: 'Without it anyone with write access (or a stolen token) can push straight to the default branch, rewrite its history or delete it, and a change can merge while the security checks fail. The ruleset makes every change a reviewed pull request whose checks passed.',
  level: 2,
  osps: ['OSPS-AC-03.01', 'OSPS-AC-03.02', 'OSPS-QA-03.01', 'OSPS-QA-07.01'],
  practices: ['branch-protection'],
  outputs: (ctx) => {
    const { profile } = ctx;
    const level3 = profile.answers.level >= 3;
    // Where a merge bot merges on its own approvals (Prow), GitHub approvals would hold back every
    // merge: review stays with the bot unless a compliance preset asks for GitHub-enforced reviews.
    const mergedBy = ctx.settings?.requiredReviewers === undefined ? ctx.existing?.mergedBy : undefined;
    // The required checks render and parse every other control's workflows: worked out only when a
    // template reads them (`check` asks for the output paths alone).
    let checks: string[] | undefined;
    const data = {
      level: profile.answers.level,
      branch: profile.answers.defaultBranch,
      repoSlug: `${profile.answers.repository.owner}/${profile.answers.repository.name}`,
      get checks(): string[] {
        return (checks ??= requiredStatusChecks(ctx));
      },
      appId: GITHUB_ACTIONS_APP_ID,
      reviewCount: mergedBy ? 0 : (ctx.settings?.requiredReviewers ?? 1),
      codeOwnerReview: level3 && ctx.has('codeowners') && !mergedBy,
      dismissStale: level3 && !mergedBy,
      lastPushApproval: level3 && !mergedBy,
      mergedBy,
      // Signed commits are optional for the levels this tool targets: off unless a maintainer
      // turns it on in the ruleset (see the README next to it).
      requireSignatures: false,
    };
    return [
      { path: '.github/rulesets/default-branch.json', template: 'branch-ruleset/default-branch.json.ejs', data },
      { path: '.github/rulesets/README.md', template: 'branch-ruleset/README.md.ejs', data },
    ];
  },
};
