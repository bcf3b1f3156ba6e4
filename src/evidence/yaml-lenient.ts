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

/** A broken file with more such values than this is treated as malformed (each one costs a parse). */
const MAX_REPAIRS = 50;

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

/** The first quoted value the strict parser cut short (it ends before its closing quote). */
function firstCutQuote(text: string): number | undefined {
  for (const token of new Parser().parse(text)) {
    if (token.type !== 'document') continue;
    let found: number | undefined;
    CST.visit(token, (item) => {
      for (const node of [item.key, item.value]) {
        if (node?.type !== 'double-quoted-scalar' && node?.type !== 'single-quoted-scalar') continue;
        if (closingQuote(node.source, 0) !== node.source.length - 1) {
          found = node.offset;
          return CST.visit.BREAK;
        }
      }
      return undefined;
    });
    if (found !== undefined) return found;
  }
  return undefined;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Indent the continuation lines of the quoted value opening at `open` under its key. */
function indentContinuations(text: string, open: number, close: number): { text: string; lines: number[] } {
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
      lines.push(lineAt(text, next));
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
 * under-indented continuation lines; undefined when it parses already or is broken otherwise.
 */
export function githubReading(text: string): GitHubReading | undefined {
  if (parsesCleanly(text)) return undefined;
  let current = text;
  const repairs: GitHubReading['repairs'] = [];
  for (let round = 0; round < MAX_REPAIRS; round++) {
    const open = firstCutQuote(current);
    if (open === undefined) return undefined;
    const close = closingQuote(current, open);
    if (close < 0) return undefined;
    const indented = indentContinuations(current, open, close);
    if (indented.lines.length === 0) return undefined;
    repairs.push({ line: lineAt(current, open), continuations: indented.lines });
    current = indented.text;
    if (parsesCleanly(current)) return { text: current, repairs };
  }
  return undefined;
}
