import type { EvidenceLocation, EvidenceStatus } from '../../catalog/types.js';
import type { CheckReport, ControlResult, FrameworkCoverage } from '../report.js';
import { headlineText, sharePercent } from '../../compliance/headline.js';

export const STATUS_LABEL: Record<EvidenceStatus, string> = { pass: 'pass', partial: 'partial', delegated: 'delegated', fail: 'fail', 'not-applicable': 'n/a' };
export const STATUS_ICON: Record<EvidenceStatus, string> = { pass: '✓', partial: '◐', delegated: '⇢', fail: '✗', 'not-applicable': '–' };

export function where(location: EvidenceLocation): string {
  return location.line ? `${location.file}:${location.line}` : location.file;
}

/** Controls grouped by level, in catalog order. */
export function byLevel(report: CheckReport): Array<{ level: number; controls: ControlResult[] }> {
  const levels = [...new Set(report.controls.map((c) => c.level))].sort();
  return levels.map((level) => ({ level, controls: report.controls.filter((c) => c.level === level) }));
}

export function headline(report: CheckReport): string {
  const achieved = report.achievedLevel === 0 ? 'no level yet' : `level ${report.achievedLevel}`;
  const result = report.targetMet ? 'target met' : `${report.gaps.length} gap${report.gaps.length === 1 ? '' : 's'} to the target`;
  return `Target level ${report.target.level} (${report.target.levelName}); achieved ${achieved}; ${result}.`;
}

export function percent(covered: number, total: number): number {
  return sharePercent(covered, total);
}

/** "23 of 50 requirements (46%) the repository can evidence" (src/compliance/headline.ts). */
export function frameworkHeadline(framework: FrameworkCoverage): string {
  return headlineText({ evidenced: framework.covered, total: framework.total });
}

export function frameworkPercent(framework: FrameworkCoverage): number {
  return sharePercent(framework.covered, framework.total);
}
