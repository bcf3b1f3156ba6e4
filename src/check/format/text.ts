import type { EvidenceStatus } from '../../catalog/types.js';
import { LEVEL_NAMES, type Level } from '../../model.js';
import type { CheckReport } from '../report.js';
import { byLevel, headline, STATUS_ICON, STATUS_LABEL, where, frameworkHeadline } from './common.js';

const COLOURS: Record<EvidenceStatus | 'dim' | 'bold', [number, number]> = {
  pass: [32, 39],
  partial: [33, 39],
  delegated: [36, 39],
  fail: [31, 39],
  'not-applicable': [2, 22],
  dim: [2, 22],
  bold: [1, 22],
};

/** Human-readable report, grouped by level; ANSI colours only when `colour` (stdout is a TTY). */
export function formatText(report: CheckReport, colour = false): string {
  const paint = (style: keyof typeof COLOURS, text: string) => (colour ? `\u001b[${COLOURS[style][0]}m${text}\u001b[${COLOURS[style][1]}m` : text);
  const lines: string[] = [];
  lines.push(paint('bold', `secure-cncf check: ${report.repository.slug ?? report.repository.root}`));
  lines.push(headline(report));
  for (const group of byLevel(report)) {
    lines.push('', paint('bold', `Level ${group.level} (${LEVEL_NAMES[group.level as Level]})${group.level > report.target.level ? ' — above the target' : ''}`));
    for (const control of group.controls) {
      const status = paint(control.status, `${STATUS_ICON[control.status]} ${STATUS_LABEL[control.status].padEnd(7)}`);
      lines.push(`  ${status} ${control.title}${control.required ? '' : paint('dim', ' (not required)')}`);
      lines.push(`            ${control.summary}`);
      if (control.locations.length > 0 && control.status !== 'not-applicable') lines.push(paint('dim', `            at ${control.locations.slice(0, 4).map(where).join(', ')}`));
      if (control.fix && control.required) lines.push(`            fix: ${control.fix}`);
    }
  }
  if (report.nextLevel) {
    lines.push('', paint('bold', `To reach level ${report.nextLevel.level} (${LEVEL_NAMES[report.nextLevel.level]}):`));
    report.nextLevel.steps.forEach((step, i) => lines.push(`  ${i + 1}. ${step.title} (${step.status}) — ${step.fix}`));
  }
  if (report.compliance.length > 0) {
    lines.push('', paint('bold', 'Compliance evidence (requirements the repository can evidence with a passing control; not a compliance verdict)'));
    for (const framework of report.compliance) lines.push(`  ${framework.title}: ${frameworkHeadline(framework)}`);
  }
  for (const note of report.notes) lines.push('', paint('dim', `note: ${note}`));
  return lines.join('\n');
}
