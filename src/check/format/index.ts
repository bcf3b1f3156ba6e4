import type { CheckReport } from '../report.js';
import { formatText } from './text.js';
import { formatJson } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatHtml } from './html.js';

export const FORMATS = ['text', 'json', 'markdown', 'sarif', 'html'] as const;
export type ReportFormat = (typeof FORMATS)[number];

export function renderReport(report: CheckReport, format: ReportFormat, colour: boolean): string {
  switch (format) {
    case 'text':
      return formatText(report, colour);
    case 'json':
      return formatJson(report);
    case 'markdown':
      return formatMarkdown(report);
    case 'sarif':
      return formatSarif(report);
    case 'html':
      return formatHtml(report);
  }
}
