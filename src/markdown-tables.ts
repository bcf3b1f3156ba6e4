// Aligns GFM tables exactly as prettier's Markdown printer does (with proseWrap "preserve"):
// every column padded to its widest cell (at least 3), the delimiter row filled with dashes and
// keeping the alignment colons. Generated Markdown is otherwise written prettier-clean by its
// templates, so this is the only formatting it needs; test/formatting.test.ts compares the result
// with prettier over the whole matrix. Tables with characters whose display width needs Unicode
// width tables (CJK, emoji, combining marks) return undefined, and the caller uses prettier.

type Align = 'left' | 'right' | 'center' | 'none';

const DELIMITER_CELL = /^:?-+:?$/;

// Characters prettier measures as one column: printable ASCII and the narrow (or East Asian
// "ambiguous", which prettier counts as narrow) letters, punctuation, arrows and math symbols the
// templates and most project names use; the few in these ranges that emoji sequences can start
// with (©, ®, ‼, ⁉, ↔…↙, ↩, ↪) are left out. Anything else makes the table prettier's to align.
const ONE_COLUMN = /^[\x20-\x7e\u00a0-\u00a8\u00aa-\u00ad\u00af-\u024f\u0370-\u04ff\u2010-\u203b\u203d-\u2048\u204a-\u205e\u2190-\u2193\u219a-\u21a8\u21ab-\u21ff\u2200-\u22ff]*$/;

/** Split a table row on unescaped pipes, dropping the outer ones. */
function cells(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

function alignOf(cell: string): Align {
  const left = cell.startsWith(':');
  const right = cell.endsWith(':');
  return left && right ? 'center' : left ? 'left' : right ? 'right' : 'none';
}

function alignTable(lines: string[]): string[] | undefined {
  const rows = lines.map(cells);
  const delimiter = rows[1] as string[];
  if (!delimiter.every((cell) => DELIMITER_CELL.test(cell))) return undefined;
  const columns = (rows[0] as string[]).length;
  if (rows.some((row) => row.length !== columns)) return undefined;
  const body = rows.filter((_, index) => index !== 1);
  if (body.some((row) => row.some((cell) => !ONE_COLUMN.test(cell)))) return undefined;
  const aligns = delimiter.map(alignOf);
  const width = (text: string) => [...text].length;
  const widths = Array.from({ length: columns }, (_, c) => Math.max(3, ...body.map((row) => width(row[c] as string))));
  const printRow = (row: string[]) =>
    `| ${row
      .map((text, c) => {
        const spaces = (widths[c] as number) - width(text);
        const before = aligns[c] === 'right' ? spaces : aligns[c] === 'center' ? Math.floor(spaces / 2) : 0;
        return `${' '.repeat(before)}${text}${' '.repeat(spaces - before)}`;
      })
      .join(' | ')} |`;
  const printDelimiter = () =>
    `| ${widths
      .map((width, c) => {
        const align = aligns[c];
        const first = align === 'center' || align === 'left' ? ':' : '-';
        const last = align === 'center' || align === 'right' ? ':' : '-';
        return `${first}${'-'.repeat(width - 2)}${last}`;
      })
      .join(' | ')} |`;
  return [printRow(body[0] as string[]), printDelimiter(), ...body.slice(1).map(printRow)];
}

/** The Markdown with every table aligned, or undefined when a table needs prettier's full handling. */
export function alignMarkdownTables(markdown: string): string | undefined {
  const lines = markdown.split('\n');
  const out: string[] = [];
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const fenceMatch = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      const marker = (fenceMatch[1] as string)[0] as string;
      if (fence === undefined) fence = marker;
      else if (fence === marker) fence = undefined;
    }
    if (fence === undefined && line.startsWith('|') && (lines[i + 1] ?? '').startsWith('|')) {
      let end = i;
      while (end < lines.length && (lines[end] as string).startsWith('|')) end++;
      const aligned = alignTable(lines.slice(i, end));
      if (!aligned) return undefined;
      out.push(...aligned);
      i = end - 1;
      continue;
    }
    out.push(line);
  }
  return out.join('\n');
}
