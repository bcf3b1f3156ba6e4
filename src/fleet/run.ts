// A fleet run's pieces shared by `survey --org/--repos` (one machine) and `fleet run` (one matrix
// job): audit repositories with a bound on concurrency, each failure a row with its reason, and
// gather the rows of a whole run into the survey report.
import { mkdirSync, readdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { aggregate, type SurveyResult } from '../check/survey.js';
import { mapLimit } from '../github/limit.js';
import { auditRepository, type AuditContext, type AuditEntry } from './audit.js';
import type { FleetPlan, PlannedRepo } from './plan.js';

export async function auditAll(
  repos: PlannedRepo[],
  ctx: AuditContext,
  concurrency: number,
  onDone?: (entry: AuditEntry, done: number, total: number) => void,
  audit: (repo: PlannedRepo, ctx: AuditContext) => Promise<AuditEntry> = auditRepository,
): Promise<AuditEntry[]> {
  let done = 0;
  return mapLimit(repos, concurrency, async (repo) => {
    const entry = await audit(repo, ctx);
    done += 1;
    onDone?.(entry, done, repos.length);
    return entry;
  });
}

/** Rows for the repositories the plan could not look up. */
export function problemRows(plan: FleetPlan): AuditEntry[] {
  return plan.problems.map((p) => ({ path: p.fullName, error: p.reason }));
}

export const resultFile = (dir: string, fullName: string) => path.join(dir, `${fullName.replace('/', '__')}.json`);

export function writeEntry(dir: string, entry: AuditEntry): void {
  mkdirSync(dir, { recursive: true });
  const file = resultFile(dir, entry.path);
  writeFileSync(`${file}.tmp`, JSON.stringify(entry));
  renameSync(`${file}.tmp`, file);
}

/**
 * The survey of a whole fleet run from the rows the matrix jobs wrote: a planned repository with
 * no row (its job was cancelled or crashed) is a row saying so, never a missing line.
 */
export function collect(plan: FleetPlan, resultsDir: string): SurveyResult {
  const rows = new Map<string, AuditEntry>();
  let names: string[] = [];
  try {
    names = readdirSync(resultsDir, { recursive: true }).map(String).filter((f) => f.endsWith('.json'));
  } catch {
    names = [];
  }
  for (const name of names) {
    try {
      const entry = JSON.parse(readFileSync(path.join(resultsDir, name), 'utf8')) as AuditEntry;
      if (typeof entry.path === 'string') rows.set(entry.path, entry);
    } catch {
      // A truncated file from a cancelled job: the repository is reported as without a result below.
    }
  }
  const entries: AuditEntry[] = [...problemRows(plan)];
  plan.chunks.forEach((indexes, chunkIndex) => {
    for (const i of indexes) {
      const repo = plan.repos[i];
      if (!repo) continue;
      entries.push(rows.get(repo.fullName) ?? { path: repo.fullName, error: `no result: the job for chunk ${chunkIndex} did not finish` });
    }
  });
  return aggregate(entries.sort((a, b) => a.path.localeCompare(b.path)));
}
