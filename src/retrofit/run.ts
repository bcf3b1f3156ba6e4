// `secure-cncf retrofit`: plan over the existing repository, choose, write, report.
import type { AnswerFlags } from '../answers.js';
import { uncommittedFiles } from './dirty.js';
import { STATE_FILE } from '../state.js';
import { planRetrofit, type PlanOptions, type ProposedChange, type RetrofitPlan } from './plan.js';
import { selectChanges, writeChanges, type Confirm } from './apply.js';
import { stateChange } from './state-change.js';
import { exitCode, retrofitReport, type ReportInput } from './report.js';
import { readRepoFile } from './read.js';
import { removeLeftovers } from '../safe-write.js';
import { resolveInside } from '../guard.js';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { prBody } from './pr-body.js';
import { commitGroups } from './commit.js';

export interface ExecuteOptions {
  dryRun: boolean;
  force: boolean;
  confirm?: Confirm | undefined;
  /** Called right before the first write (an interrupted run cancels there). */
  beforeWrite?: (() => void) | undefined;
  /** Prints the end of the run instead of the plain report (create's summary and next steps). */
  ending?: ((report: ReportInput) => string) | undefined;
  /** Write the pull-request description here (`--pr-body FILE`). */
  prBody?: string | undefined;
  /** One commit per group of changes (`--commit`). */
  commit?: boolean | undefined;
}

export interface RetrofitOptions extends ExecuteOptions {
  flags: AnswerFlags;
  plan?: PlanOptions;
}

function generatedPaths(changes: ProposedChange[]): string[] {
  return changes.filter((c) => c.action === 'create' || c.action === 'refresh' || c.action === 'conflict').map((c) => c.path);
}

/** Remove the temp and backup files a killed run left beside the files this run manages. */
function leftoversOf(root: string, files: string[]): string[] {
  const removed: string[] = [];
  for (const file of new Set(files)) {
    try {
      removed.push(...removeLeftovers(resolveInside(root, file)).map((full) => path.relative(root, full)));
    } catch {
      // An unsafe path is reported where it is planned; nothing to clean there.
    }
  }
  return removed;
}

export async function runRetrofit(root: string, options: RetrofitOptions, out: (text: string) => void): Promise<number> {
  return executePlan(root, await planRetrofit(root, options.flags, options.plan), options, out);
}

/** Choose (by --yes/--force or by asking), write with the state file, report; returns the exit code. */
export async function executePlan(root: string, rp: RetrofitPlan, options: ExecuteOptions, out: (text: string) => void): Promise<number> {
  const dirty = options.dryRun ? new Set<string>() : await uncommittedFiles(root);
  const selection = options.dryRun
    ? { chosen: rp.changes.filter((c) => c.safe || options.force), skipped: rp.changes.filter((c) => !c.safe && !options.force).map((change) => ({ change, why: change.details[0] ?? '' })), warnings: [] }
    : await selectChanges(rp.changes, { force: options.force, dirty, confirm: options.confirm });
  const nowGenerated = new Set([...rp.same, ...generatedPaths(selection.chosen)]);
  const state = stateChange(rp.answers, rp.plan.profile.facts.stored, readRepoFile(root, STATE_FILE), rp.hashes, nowGenerated, rp.plan.profile.date, rp.merged);
  const toWrite = state ? [...selection.chosen, state] : selection.chosen;
  const warnings = [...selection.warnings];
  if (!options.dryRun) {
    // Every question has been answered: an interrupted run stops here, before any change on disk.
    options.beforeWrite?.();
    const touched = [...rp.hashes.map((h) => h.path), ...rp.changes.map((c) => c.path), ...rp.kept.map((k) => k.path), STATE_FILE];
    for (const file of leftoversOf(root, touched)) warnings.push(`removed ${file}, a temporary file an interrupted run left behind`);
  }
  if (!options.dryRun && toWrite.length > 0) writeChanges(root, toWrite);
  const report = {
    dryRun: options.dryRun, written: toWrite, skipped: selection.skipped, kept: rp.kept, same: rp.same, findings: rp.findings, warnings,
    covered: rp.covered, manual: rp.manual, leftOut: rp.leftOut, pending: rp.pending,
  };
  out(options.ending ? options.ending(report) : retrofitReport(report));
  if (options.prBody) {
    writeFileSync(options.prBody, prBody(report));
    out(`wrote    ${options.prBody}  the pull-request description`);
  }
  if (options.commit && !options.dryRun && toWrite.length > 0) {
    for (const line of await commitGroups(root, toWrite)) out(line);
  }
  return exitCode(report);
}
