import { readFileSync } from 'node:fs';
import path from 'node:path';
import ejs from 'ejs';
import { templatePath } from './paths.js';
import { markdownCode, markdownText, yamlString } from './escape.js';

export type FileFormat = 'yaml' | 'markdown' | 'json' | 'text';

export function formatOf(filePath: string): FileFormat {
  const base = path.posix.basename(filePath).toLowerCase();
  if (base.endsWith('.yml') || base.endsWith('.yaml')) return 'yaml';
  if (base.endsWith('.md')) return 'markdown';
  if (base.endsWith('.json')) return 'json';
  return 'text';
}

// `<%= value %>` escapes for the format of the file being written, so a template author cannot
// forget to; `<%- value %>` is reserved for values the tool itself produced (pins, constants).
const ESCAPERS: Record<FileFormat, (value: unknown) => string> = {
  yaml: (value) => yamlString(String(value)),
  markdown: (value) => markdownText(String(value)),
  json: (value) => JSON.stringify(String(value)),
  text: (value) => {
    const text = String(value);
    if (/[\r\n]/.test(text)) throw new Error('Refusing to render a multi-line value into a line-based file.');
    return text;
  },
};

const templateCache = new Map<string, string>();

function readTemplate(name: string): string {
  let source = templateCache.get(name);
  if (source === undefined) {
    source = readFileSync(templatePath(name), 'utf8');
    templateCache.set(name, source);
  }
  return source;
}

export const templateHelpers = { yamlString, markdownText, markdownCode };

/** Render a control's template (`<id>/<file>`) for an output file; escaping follows the output file's format. */
export function renderTemplate(name: string, outputPath: string, data: Record<string, unknown>): string {
  const format = formatOf(outputPath);
  return ejs.render(readTemplate(name), { ...templateHelpers, ...data }, {
    escape: ESCAPERS[format],
    filename: templatePath(name),
    async: false,
  });
}
