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
