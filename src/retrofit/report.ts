// Text report of a retrofit or upgrade: what changes (or would), what is kept and why, findings.
import { unifiedDiff } from '../diff.js';
import type { ProposedChange } from './plan.js';
import type { Finding } from './types.js';
import { skipped, type CoverDecision } from './coverage.js';

export interface ReportInput {
  dryRun: boolean;
  written: ProposedChange[];
  skipped: Array<{ change: ProposedChange; why: string }>;
  kept: Array<{ path: string; why: string }>;
  same: string[];
  findings: Finding[];
  warnings: string[];
  /** Controls left out because the repository already covers them. */
  covered?: CoverDecision[];
  /** What a maintainer must still do by hand. */
  manual?: string[];
  /** Manifest directories left out of Dependabot on purpose. */
  leftOut?: Array<{ ecosystem: string; dirs: string[] }>;
  /** Controls the level asks for that this version cannot write yet, and why. */
  pending?: Array<{ control: string; reason: string }>;
}

function label(change: ProposedChange): string {
  return `${change.path}${change.controls.length ? ` [${change.controls.join(', ')}]` : ''}`;
}

export function findingLines(findings: Finding[]): string[] {
  const order = { error: 0, warning: 1, note: 2 } as const;
  return [...findings]
    .sort((a, b) => order[a.level] - order[b.level] || a.path.localeCompare(b.path) || (a.line ?? 0) - (b.line ?? 0))
    .flatMap((f) => [`${f.level.padEnd(8)} ${f.path}${f.line ? `:${f.line}` : ''}  ${f.message}`, ...(f.fix ? [`${' '.repeat(9)}fix: ${f.fix}`] : [])]);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function retrofitReport(input: ReportInput): string {
  const lines: string[] = [];
  if (input.dryRun) lines.push('Dry run: nothing is written.', '');
  for (const warning of input.warnings) lines.push(`warning  ${warning}`);
  for (const change of input.written) {
    lines.push(`${change.action.padEnd(8)} ${label(change)}${change.details.length ? `  ${change.details.join('; ')}` : ''}`);
  }
  for (const { change, why } of input.skipped) lines.push(`skipped  ${label(change)}  ${why}`);
  for (const { path, why } of input.kept) lines.push(`kept     ${path}  ${why}`);
  if (input.same.length) lines.push(`same     ${input.same.length} file(s) already up to date`);
  for (const cover of input.covered ?? []) lines.push(`${skipped(cover) ? 'skipped' : 'covered'}  ${cover.control}  ${oneLine(cover.by)}`);
  for (const { control, reason } of input.pending ?? []) lines.push(`pending  ${control}  ${oneLine(reason)}`);
  for (const { ecosystem, dirs } of input.leftOut ?? []) lines.push(`left out ${ecosystem} ${dirs.join(', ')}  tests, examples, templates and the like get no Dependabot entry`);
  if (input.manual?.length) lines.push('', 'To do by hand:', ...input.manual.map((step) => `  - ${step}`));
  const findings = findingLines(input.findings);
  if (findings.length) lines.push('', ...findings);
  if (input.written.length === 0 && input.skipped.length === 0) lines.push('', 'Nothing to do: no file needs a change.');
  if (input.dryRun) {
    for (const change of [...input.written, ...input.skipped.map((s) => s.change)]) lines.push('', unifiedDiff(change.path, change.before, change.after).trimEnd());
  }
  return lines.join('\n');
}

/** 0: all done; 1: something was not applied or needs attention; 3: some files could not be processed. */
export function exitCode(input: Pick<ReportInput, 'skipped' | 'findings'>): number {
  if (input.findings.some((f) => f.level === 'error')) return 3;
  if (input.skipped.length > 0 || input.findings.some((f) => f.level === 'warning')) return 1;
  return 0;
}
