import type { CheckReport } from '../report.js';

/** The report as JSON, valid against schemas/check-report.schema.json. */
export function formatJson(report: CheckReport): string {
  return JSON.stringify(report, null, 2);
}
