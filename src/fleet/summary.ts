// The retrofit part of a fleet report: one line per repository whose pull request was touched.
import { markdownText } from '../escape.js';
import type { AuditEntry } from './audit.js';

export function fleetPullRequests(entries: AuditEntry[]): string {
  const touched = entries.filter((e) => e.retrofit);
  if (touched.length === 0) return '';
  const lines = ['', '## Pull requests (retrofit mode)', '', '| Repository | Outcome | Pull request |', '|---|---|---|'];
  for (const e of touched) {
    const r = e.retrofit!;
    lines.push(`| ${markdownText(e.path)} | ${markdownText(r.outcome)}${r.detail ? `: ${markdownText(r.detail)}` : ''} | ${r.url ? `<${r.url}>` : ''} |`);
  }
  return `${lines.join('\n')}\n`;
}

/** GitHub refuses a job summary over 1 MiB; the CSV and HTML always carry every row. */
export const SUMMARY_LIMIT = 1024 * 1024;

export function fitSummary(markdown: string, limit = SUMMARY_LIMIT): string {
  if (Buffer.byteLength(markdown) <= limit) return markdown;
  const note = '\n\n_The summary was cut to fit the job summary limit; every row is in fleet.csv and index.html (artifact secure-cncf-fleet-report)._\n';
  let cut = markdown.slice(0, limit - Buffer.byteLength(note) - 4096);
  cut = cut.slice(0, cut.lastIndexOf('\n'));
  return `${cut}${note}`;
}
