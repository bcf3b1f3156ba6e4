// GitHub's YAML reader accepts a quoted value whose continuation lines are indented less than its
// key; strict YAML 1.2 rejects the file there and its recovery loses everything after that line.
// Inside a quoted value the leading spaces of a continuation line are folded away, so indenting
// those lines changes no value: the result is the file as GitHub reads it, with the same line
// numbers. That text is only read, never written back.
import { CST, Parser, parseAllDocuments } from 'yaml';

export interface GitHubReading {
  /** The text with the under-indented continuation lines indented (for reading only). */
  text: string;
  /** Each quoted value that needed it: the line it opens on and the lines that were indented. */
  repairs: Array<{ line: number; continuations: number[] }>;
}

/** Rounds of repair: each repairs every cut value the parser sees; what one round hides, the next finds. */
const MAX_ROUNDS = 4;

/** Offset of the quote that closes the quoted value opening at `start`, or -1 when it never closes. */
function closingQuote(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/** Offsets of the quoted values the strict parser cut short (each ends before its closing quote). */
function cutQuotes(text: string): number[] {
  const found: number[] = [];
  for (const token of new Parser().parse(text)) {
    if (token.type !== 'document') continue;
    CST.visit(token, (item) => {
      for (const node of [item.key, item.value]) {
        if (node?.type !== 'double-quoted-scalar' && node?.type !== 'single-quoted-scalar') continue;
        if (closingQuote(node.source, 0) !== node.source.length - 1) found.push(node.offset);
      }
    });
  }
  return found;
}

/** 1-based line of an offset, from the sorted offsets of the line starts. */
function lineAt(starts: number[], offset: number): number {
  let [low, high] = [0, starts.length - 1];
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Indent the continuation lines of the quoted value opening at `open` under its key. */
function indentContinuations(text: string, starts: number[], open: number, close: number): { text: string; lines: number[] } {
  const lineStart = text.lastIndexOf('\n', open - 1) + 1;
  // The key sits after the line's indentation and any "- " sequence indicators; one more column suffices.
  const minimum = (/^ *(?:- +)*/.exec(text.slice(lineStart, open))?.[0].length ?? 0) + 1;
  const lines: number[] = [];
  let out = text.slice(0, open);
  let at = open;
  for (let nl = text.indexOf('\n', open); nl >= 0 && nl < close; nl = text.indexOf('\n', nl + 1)) {
    const next = nl + 1;
    out += text.slice(at, next);
    at = next;
    const end = text.indexOf('\n', next);
    const line = text.slice(next, end < 0 ? text.length : end);
    const indent = /^ */.exec(line)?.[0].length ?? 0;
    if (line.trim() !== '' && indent < minimum) {
      out += ' '.repeat(minimum - indent);
      lines.push(lineAt(starts, next));
    }
  }
  return { text: out + text.slice(at), lines };
}

function parsesCleanly(text: string): boolean {
  const docs = parseAllDocuments(text, { uniqueKeys: false });
  return Array.isArray(docs) && docs.length === 1 && docs[0]!.errors.length === 0;
}

/**
 * The file as GitHub reads it, when the only thing strict YAML rejects in it is quoted values with
 * under-indented continuation lines; undefined when it has none (valid, or broken otherwise).
 */
export function githubReading(text: string): GitHubReading | undefined {
  // No initial parse: callers ask after the strict parser failed, and a valid file has no cut value.
  let current = text;
  const repairs: GitHubReading['repairs'] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const starts = lineStarts(current);
    // Each cut value's span up to its closing quote; a "value" inside an earlier span is not one.
    const spans: Array<{ open: number; close: number }> = [];
    for (const open of cutQuotes(current).sort((a, b) => a - b)) {
      if (spans.length > 0 && open <= spans[spans.length - 1]!.close) continue;
      const close = closingQuote(current, open);
      if (close < 0) return undefined;
      spans.push({ open, close });
    }
    // Last first, so the offsets of the earlier values stay right while lines grow (no line is added).
    const done: GitHubReading['repairs'] = [];
    for (const { open, close } of spans.reverse()) {
      const indented = indentContinuations(current, starts, open, close);
      if (indented.lines.length === 0) return undefined;
      done.unshift({ line: lineAt(starts, open), continuations: indented.lines });
      current = indented.text;
    }
    if (done.length === 0) return undefined;
    repairs.push(...done);
    if (parsesCleanly(current)) return { text: current, repairs: repairs.sort((a, b) => a.line - b.line) };
  }
  return undefined;
}
