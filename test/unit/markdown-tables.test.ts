import { describe, expect, it } from 'vitest';
import * as prettier from 'prettier';
import { alignMarkdownTables } from '../../src/markdown-tables.js';

const format = (md: string) => prettier.format(md, { parser: 'markdown', printWidth: 100, proseWrap: 'preserve' });

describe('alignMarkdownTables', () => {
  it.each([
    '| a | b |\n| --- | --- |\n| long cell | x |\n',
    '| left | center | right |\n| :--- | :---: | ---: |\n| 1 | 22 | 333 |\n| 4444 | 5 | 6 |\n',
    'text\n\n| x |\n|-|\n| `code` with \\| pipe |\n\nmore text\n',
    '```\n| not | a table |\n| - | - |\n```\n',
    '| step | result |\n| --- | --- |\n| build → sign | done — ok |\n| ünïcödé ≥ 2 | ✗ |\n'.replace('✗', 'x'),
  ])('matches prettier on %j', async (source) => {
    const aligned = alignMarkdownTables(source);
    expect(aligned).toBeDefined();
    expect(aligned).toBe(await format(source));
  });

  it('leaves tables with wide or zero-width characters to prettier', () => {
    expect(alignMarkdownTables('| a |\n| - |\n| 漢字 |\n')).toBeUndefined();
    expect(alignMarkdownTables('| a |\n| - |\n| ☃ |\n')).toBeUndefined();
    expect(alignMarkdownTables('| a |\n| - |\n| e\u0301 |\n')).toBeUndefined();
  });
});

describe('formatGenerated for Markdown', () => {
  it('falls back to prettier for a table it cannot measure, with the same result prettier gives', async () => {
    const { formatGenerated } = await import('../../src/format.js');
    const source = '| project | level |\n| - | - |\n| 漢字 | 3 |\n';
    expect(await formatGenerated('docs/x.md', source)).toBe(await format(source));
  });
});
