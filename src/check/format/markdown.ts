// Markdown for pull-request comments, job summaries and docs.
import { markdownCode, markdownText } from '../../escape.js';
import { LEVEL_NAMES } from '../../model.js';
import type { CheckReport } from '../report.js';
import { headline, STATUS_ICON, STATUS_LABEL, where, frameworkHeadline } from './common.js';

const cell = (text: string) => markdownText(text.replace(/\s+/g, ' '));

export function formatMarkdown(report: CheckReport): string {
  const out: string[] = [];
  out.push(`## secure-cncf check: ${markdownText(report.repository.slug ?? report.repository.root)}`, '', markdownText(headline(report)), '');
  out.push('| | Control | Level | Status | Evidence | Fix |', '|---|---|---|---|---|---|');
  for (const c of report.controls) {
    const evidence = [cell(c.summary), ...c.locations.slice(0, 3).map((l) => markdownCode(where(l)))].join('<br>');
    const fix = c.fix && c.required ? markdownCode(c.fix) : '';
    const title = c.required ? cell(c.title) : `${cell(c.title)} (not required)`;
    out.push(`| ${STATUS_ICON[c.status]} | ${title} | ${c.level} | ${STATUS_LABEL[c.status]} | ${evidence} | ${fix} |`);
  }
  if (report.nextLevel) {
    out.push('', `### To reach level ${report.nextLevel.level} (${LEVEL_NAMES[report.nextLevel.level]})`, '');
    if (report.nextLevel.steps.length === 0) out.push('Nothing left.');
    report.nextLevel.steps.forEach((s, i) => out.push(`${i + 1}. ${cell(s.title)} (${s.status}): ${markdownCode(s.fix)}`));
  }
  if (report.compliance.length > 0) {
    out.push('', '### Compliance evidence', '', 'Share of each framework\'s requirements the repository can evidence with a passing control; not a compliance verdict.', '', '| Framework | Requirements the repository can evidence |', '|---|---|');
    for (const f of report.compliance) out.push(`| ${cell(f.title)} | ${frameworkHeadline(f)} |`);
  }
  if (report.notes.length > 0) out.push('', ...report.notes.map((n) => `> ${cell(n)}`));
  return `${out.join('\n')}\n`;
}
