// Survey reports: Markdown (for the pain-point write-up), CSV (one row per repository, one column
// per control) and a self-contained HTML page.
import { markdownText } from '../../escape.js';
import type { SurveyResult } from '../survey.js';
import { escapeHtml as e } from './html.js';
import { percent } from './common.js';

export const SURVEY_FORMATS = ['markdown', 'csv', 'html'] as const;
export type SurveyFormat = (typeof SURVEY_FORMATS)[number];

const share = (n: number, of: number) => `${n}/${of} (${percent(n, of)}%)`;

export function surveyMarkdown(result: SurveyResult): string {
  const out: string[] = ['# secure-cncf survey', ''];
  out.push(`${result.audited} repositories audited${result.failed ? `, ${result.failed} could not be audited` : ''}.`, '');
  out.push('## Achieved level', '', '| Level | Repositories |', '|---|---|');
  for (const [level, count] of Object.entries(result.levels)) out.push(`| ${level === '0' ? 'none' : level} | ${share(count, result.audited)} |`);
  out.push('', '## Adoption per practice', '', '| Practice | Repositories with a passing control |', '|---|---|');
  for (const p of result.practices) out.push(`| ${markdownText(p.id)} | ${share(p.adopted, p.applicable)} |`);
  out.push('', '## Adoption per control', '', '| Control | Level | Pass | Partial | Fail |', '|---|---|---|---|---|');
  for (const c of result.controls) out.push(`| ${markdownText(c.title)} | ${c.level} | ${share(c.pass, c.applicable)} | ${c.partial} | ${c.fail} |`);
  out.push('', '## Most common gaps', '');
  result.topGaps.forEach((c, i) => out.push(`${i + 1}. ${markdownText(c.title)}: missing or incomplete in ${share(c.partial + c.fail, c.applicable)}`));
  const failures = result.entries.filter((entry) => entry.error);
  if (failures.length > 0) {
    out.push('', '## Not audited', '');
    for (const f of failures) out.push(`- ${markdownText(f.path)}: ${markdownText(f.error ?? '')}`);
  }
  return `${out.join('\n')}\n`;
}

function csvCell(value: string | number): string {
  const text = String(value);
  // Quote every field that needs it; neutralise spreadsheet formulas.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function surveyCsv(result: SurveyResult): string {
  const ids = result.controls.map((c) => c.id);
  const header = ['path', 'repository', 'target_level', 'achieved_level', 'gaps', 'error', ...ids];
  const rows = result.entries.map((entry) => {
    const r = entry.report;
    const status = new Map(r?.controls.map((c) => [c.id, c.status]) ?? []);
    return [entry.path, r?.repository.slug ?? '', r?.target.level ?? '', r?.achievedLevel ?? '', r?.gaps.length ?? '', entry.error ?? '', ...ids.map((id) => status.get(id) ?? '')];
  });
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

function bar(n: number, of: number, colour = '#0969da'): string {
  const p = percent(n, of);
  return `<svg role="img" aria-label="${p}%" viewBox="0 0 200 14" width="200" height="14" xmlns="http://www.w3.org/2000/svg"><rect width="200" height="14" rx="4" fill="#eaeef2"/><rect width="${p * 2}" height="14" rx="4" fill="${colour}"/></svg> ${share(n, of)}`;
}

export function surveyHtml(result: SurveyResult): string {
  const rows = (cells: string[][]) => cells.map((c) => `<tr>${c.map((x) => `<td>${x}</td>`).join('')}</tr>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>secure-cncf survey</title>
<style>body{font-family:system-ui,sans-serif;max-width:1100px;margin:24px auto;padding:0 16px;color:#1f2328}table{border-collapse:collapse;width:100%;margin-bottom:24px}td,th{border-bottom:1px solid #eaeef2;padding:6px 8px;text-align:left;font-size:.9rem;vertical-align:middle}th{background:#f6f8fa}</style>
</head><body>
<h1>secure-cncf survey</h1>
<p>${result.audited} repositories audited${result.failed ? `, ${result.failed} could not be audited` : ''}.</p>
<h2>Achieved level</h2><table><tr><th>Level</th><th>Repositories</th></tr>
${rows(Object.entries(result.levels).map(([level, n]) => [level === '0' ? 'none' : level, bar(n, result.audited, '#1a7f37')]))}</table>
<h2>Most common gaps</h2><table><tr><th>Control</th><th>Missing or incomplete</th></tr>
${rows(result.topGaps.map((c) => [e(c.title), bar(c.partial + c.fail, c.applicable, '#cf222e')]))}</table>
<h2>Adoption per practice</h2><table><tr><th>Practice</th><th>Repositories with a passing control</th></tr>
${rows(result.practices.map((p) => [e(p.id), bar(p.adopted, p.applicable)]))}</table>
<h2>Repositories</h2><table><tr><th>Path</th><th>Achieved level</th><th>Gaps / error</th></tr>
${rows(result.entries.map((x) => [e(x.path), x.report ? String(x.report.achievedLevel) : '–', x.report ? String(x.report.gaps.length) : e(x.error ?? '')]))}</table>
</body></html>
`;
}

export function renderSurvey(result: SurveyResult, format: SurveyFormat): string {
  return format === 'csv' ? surveyCsv(result) : format === 'html' ? surveyHtml(result) : surveyMarkdown(result);
}
