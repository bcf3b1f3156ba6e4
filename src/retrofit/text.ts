// Offsets, lines and splices over the original text of a file. Every edit of an existing file is
// a list of splices at source offsets, so bytes outside the edited spans stay identical (CRLF,
// a byte-order mark, tabs and comments included).

export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** The line ending the file already uses ("\r\n" when most of its lines end that way). */
export function eolOf(text: string): string {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length;
  return crlf > 0 && crlf * 2 >= lf ? '\r\n' : '\n';
}

// Line numbers come from an index of line starts built once per text and searched in O(log n):
// rescanning from the start for every finding made large workflows quadratic (minutes at 20 MB).
let indexedText: string | undefined;
let lineStarts: number[] = [];

function lineStartsOf(text: string): number[] {
  if (text !== indexedText) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    [indexedText, lineStarts] = [text, starts];
  }
  return lineStarts;
}

/** 1-based line number of an offset. */
export function lineOf(text: string, offset: number): number {
  const starts = lineStartsOf(text);
  const target = Math.min(Math.max(offset, 0), text.length);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= target) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just after the end-of-line of the line holding `offset` (text length on the last line). */
export function afterLine(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** Apply non-overlapping splices; overlapping ones are a bug in the caller. */
export function applySplices(text: string, splices: Splice[]): string {
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) {
    if ((sorted[i] as Splice).start < (sorted[i - 1] as Splice).end) throw new Error('Overlapping edits');
  }
  let result = '';
  let cursor = 0;
  for (const splice of sorted) {
    result += text.slice(cursor, splice.start) + splice.text;
    cursor = splice.end;
  }
  return result + text.slice(cursor);
}

/**
 * Text to insert at `offset` so that it starts on a line of its own: when the offset is not at a
 * line start (e.g. the file has no final newline), an end-of-line goes first.
 */
export function linesAt(text: string, offset: number, lines: string[], eol: string): string {
  const body = lines.map((line) => `${line}${eol}`).join('');
  return offset > 0 && text[offset - 1] !== '\n' ? `${eol}${body}` : body;
}
