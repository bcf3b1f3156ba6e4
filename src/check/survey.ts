// `secure-cncf survey`: `check` over many local repositories, aggregated into adoption per
// practice and control, the distribution of levels and the most common gaps. A repository that
// cannot be audited is recorded with its error; the survey goes on.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { SKIPPED_DIRS } from '../detect/walk.js';
import { LEVELS } from '../model.js';
import { runCheck } from './run.js';
import type { CheckReport } from './report.js';

export interface SurveyEntry {
  path: string;
  report?: CheckReport;
  error?: string;
}

export interface ControlAdoption {
  id: string;
  title: string;
  level: number;
  /** Repositories where the control applies. */
  applicable: number;
  pass: number;
  partial: number;
  /** Done by another repository's shared workflow that was not read (offline). */
  delegated: number;
  fail: number;
}

export interface PracticeAdoption {
  id: string;
  /** Repositories with at least one passing control for the practice, of those where one applies. */
  adopted: number;
  applicable: number;
}

export interface SurveyResult {
  entries: SurveyEntry[];
  audited: number;
  failed: number;
  /** achieved level -> repositories. */
  levels: Record<string, number>;
  controls: ControlAdoption[];
  practices: PracticeAdoption[];
  /** Controls most often not passing where they apply, most common first. */
  topGaps: ControlAdoption[];
}

/** Every git repository (a directory with .git) under `dir`, not descending into repositories found. */
export function findRepositories(dir: string, maxDepth = 6): string[] {
  const found: string[] = [];
  const visit = (current: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    if (entries.some((e) => e.name === '.git')) {
      found.push(current);
      return;
    }
    if (depth >= maxDepth) return;
    for (const entry of entries) {
      if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) visit(path.join(current, entry.name), depth + 1);
    }
  };
  visit(path.resolve(dir), 0);
  return found.sort();
}

export function aggregate(entries: SurveyEntry[]): SurveyResult {
  const reports = entries.flatMap((e) => (e.report ? [e.report] : []));
  const levels: Record<string, number> = { 0: 0 };
  for (const level of LEVELS) levels[level] = 0;
  for (const report of reports) levels[report.achievedLevel] = (levels[report.achievedLevel] ?? 0) + 1;
  const controls = new Map<string, ControlAdoption>();
  const practices = new Map<string, PracticeAdoption>();
  for (const report of reports) {
    const practiceState = new Map<string, boolean>();
    for (const c of report.controls) {
      const adoption = controls.get(c.id) ?? { id: c.id, title: c.title, level: c.level, applicable: 0, pass: 0, partial: 0, delegated: 0, fail: 0 };
      controls.set(c.id, adoption);
      if (c.status === 'not-applicable') continue;
      adoption.applicable += 1;
      adoption[c.status] += 1;
      for (const practice of c.practices) practiceState.set(practice, (practiceState.get(practice) ?? false) || c.status === 'pass');
    }
    for (const [practice, adopted] of practiceState) {
      const entry = practices.get(practice) ?? { id: practice, adopted: 0, applicable: 0 };
      practices.set(practice, entry);
      entry.applicable += 1;
      if (adopted) entry.adopted += 1;
    }
  }
  const controlList = [...controls.values()];
  const topGaps = controlList
    .filter((c) => c.partial + c.fail > 0)
    .sort((a, b) => b.partial + b.fail - (a.partial + a.fail) || a.level - b.level)
    .slice(0, 10);
  return {
    entries,
    audited: reports.length,
    failed: entries.length - reports.length,
    levels,
    controls: controlList,
    practices: [...practices.values()].sort((a, b) => b.adopted / b.applicable - a.adopted / a.applicable || a.id.localeCompare(b.id)),
    topGaps,
  };
}

export interface SurveyOptions {
  repositories: string[];
  level?: string | undefined;
  onProgress?: (done: number, total: number, entry: SurveyEntry) => void;
}

export async function runSurvey(options: SurveyOptions): Promise<SurveyResult> {
  const entries: SurveyEntry[] = [];
  for (const [i, repository] of options.repositories.entries()) {
    let entry: SurveyEntry;
    try {
      if (!statSync(repository).isDirectory()) throw new Error('not a directory');
      const { report } = await runCheck({ directory: repository, level: options.level });
      entry = { path: repository, report };
    } catch (error) {
      entry = { path: repository, error: (error as Error).message.split('\n')[0] ?? String(error) };
    }
    entries.push(entry);
    options.onProgress?.(i + 1, options.repositories.length, entry);
  }
  return aggregate(entries);
}
