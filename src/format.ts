import { formatOf } from './render.js';
import { alignMarkdownTables } from './markdown-tables.js';

interface PrettierBundle {
  format: (source: string, options: Record<string, unknown>) => Promise<string>;
  plugins: unknown[];
}
let prettierPromise: Promise<PrettierBundle> | undefined;

// Prettier's standalone build with only the YAML and Markdown plugins: the full package with every
// language plugin is ~5 MB bundled. It is loaded only on paths that produce file content.
function loadPrettier(): Promise<PrettierBundle> {
  prettierPromise ??= Promise.all([
    import('prettier/standalone'),
    import('prettier/plugins/yaml'),
    import('prettier/plugins/markdown'),
  ]).then(([standalone, yaml, markdown]) => ({ format: standalone.format, plugins: [yaml, markdown] }));
  return prettierPromise;
}

/**
 * Format generated content the way a maintainer's editor would, so diffs stay small.
 * YAML templates are written prettier-clean and user values are quoted the way prettier quotes
 * them, so YAML skips the formatter at run time (test/formatting.test.ts runs prettier over every
 * generated YAML and Markdown file of the matrix and requires no change). Markdown templates are
 * prettier-clean too except for table padding, which depends on the answers: tables are aligned
 * the way prettier aligns them, and only a table prettier would measure differently (non-ASCII
 * cells) sends the file through prettier itself.
 */
export async function formatGenerated(filePath: string, content: string): Promise<string> {
  const format = formatOf(filePath);
  if (format === 'text' || format === 'yaml') return content.endsWith('\n') ? content : `${content}\n`;
  // JSON is canonicalised by re-serialising: it also proves the rendered template is valid JSON.
  if (format === 'json') return `${JSON.stringify(JSON.parse(content), null, 2)}\n`;
  if (format === 'markdown') {
    const aligned = alignMarkdownTables(content);
    if (aligned !== undefined) return aligned.endsWith('\n') ? aligned : `${aligned}\n`;
  }
  const prettier = await loadPrettier();
  return prettier.format(content, {
    parser: format,
    plugins: prettier.plugins,
    printWidth: 100,
    proseWrap: 'preserve',
    singleQuote: false,
  });
}
