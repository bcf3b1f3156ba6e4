import { formatOf } from './render.js';

type Prettier = typeof import('prettier');
let prettierPromise: Promise<Prettier> | undefined;

// Prettier is the largest thing we load; only paths that produce file content pay for it.
function loadPrettier(): Promise<Prettier> {
  prettierPromise ??= import('prettier');
  return prettierPromise;
}

const PARSERS = { yaml: 'yaml', markdown: 'markdown', json: 'json' } as const;

/** Format generated content the way a maintainer's editor would, so diffs stay small. */
export async function formatGenerated(filePath: string, content: string): Promise<string> {
  const format = formatOf(filePath);
  if (format === 'text') return content.endsWith('\n') ? content : `${content}\n`;
  const prettier = await loadPrettier();
  return prettier.format(content, {
    parser: PARSERS[format],
    printWidth: 100,
    proseWrap: 'preserve',
    singleQuote: false,
  });
}
