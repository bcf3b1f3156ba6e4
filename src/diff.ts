import { createTwoFilesPatch, formatPatch, type StructuredPatchHunk } from 'diff';

/**
 * Line pairs (old lines x new lines) above which the minimal (Myers) diff is replaced by a linear
 * alignment: Myers is O(N·D), and a workflow with thousands of edited jobs made it quadratic.
 */
const MYERS_LIMIT = 4_000_000;
/** How far the linear alignment looks ahead for the next common line. */
const WINDOW = 64;
const CONTEXT = 3;

/** A unified diff of one file, as `git diff` would print it. */
export function unifiedDiff(filePath: string, before: string | undefined, after: string): string {
  const oldName = before === undefined ? '/dev/null' : `a/${filePath}`;
  const newName = `b/${filePath}`;
  const a = splitLines(before ?? '');
  const b = splitLines(after);
  if (a.length * b.length <= MYERS_LIMIT) {
    return createTwoFilesPatch(oldName, newName, before ?? '', after, undefined, undefined, { context: CONTEXT }).replace(/^=+\n/, '');
  }
  const hunks = toHunks(align(a, b));
  return formatPatch({ oldFileName: oldName, newFileName: newName, oldHeader: undefined, newHeader: undefined, hunks }).replace(/^=+\n/, '');
}

/** Lines with their end-of-line kept (the last one may have none). */
function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
    lines.push(text.slice(start, nl + 1));
    start = nl + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

type Op = [' ' | '-' | '+', string];

/**
 * A valid (not always minimal) edit script in O(N·WINDOW·log N): equal lines are kept; at a
 * difference, the cheapest way back to a common line within the window is taken (deletions plus
 * insertions), else the line counts as replaced. Edits of this tool are short splices, which this
 * finds exactly.
 */
function align(a: string[], b: string[]): Op[] {
  const positions = new Map<string, number[]>();
  b.forEach((line, index) => {
    const list = positions.get(line);
    if (list) list.push(index);
    else positions.set(line, [index]);
  });
  const firstAtOrAfter = (list: number[], j: number): number | undefined => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as number) < j) lo = mid + 1;
      else hi = mid;
    }
    return list[lo];
  };
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      ops.push([' ', a[i++] as string]);
      j++;
      continue;
    }
    let best: { del: number; ins: number } | undefined;
    for (let del = 0; del < WINDOW && i + del < a.length; del++) {
      if (best && del >= best.del + best.ins) break;
      const list = positions.get(a[i + del] as string);
      const p = list ? firstAtOrAfter(list, j) : undefined;
      if (p === undefined || p - j >= WINDOW) continue;
      if (!best || del + (p - j) < best.del + best.ins) best = { del, ins: p - j };
    }
    const { del, ins } = best ?? { del: 1, ins: 1 };
    for (let k = 0; k < del; k++) ops.push(['-', a[i++] as string]);
    for (let k = 0; k < ins; k++) ops.push(['+', b[j++] as string]);
  }
  while (i < a.length) ops.push(['-', a[i++] as string]);
  while (j < b.length) ops.push(['+', b[j++] as string]);
  return ops;
}

function lineText(op: Op): string[] {
  const [kind, line] = op;
  if (line.endsWith('\n')) return [`${kind}${line.slice(0, -1)}`];
  return [`${kind}${line}`, '\\ No newline at end of file'];
}

/** Unified-diff hunks with CONTEXT lines around each change; nearby changes share a hunk. */
function toHunks(ops: Op[]): StructuredPatchHunk[] {
  const hunks: StructuredPatchHunk[] = [];
  const changed = ops.map((op, index) => (op[0] === ' ' ? -1 : index)).filter((index) => index >= 0);
  let k = 0;
  // Line numbers before each op, computed once.
  const oldAt: number[] = [];
  const newAt: number[] = [];
  let o = 1;
  let n = 1;
  for (const op of ops) {
    oldAt.push(o);
    newAt.push(n);
    if (op[0] !== '+') o++;
    if (op[0] !== '-') n++;
  }
  while (k < changed.length) {
    const start = Math.max(0, (changed[k] as number) - CONTEXT);
    let end = (changed[k] as number) + CONTEXT + 1;
    while (k + 1 < changed.length && (changed[k + 1] as number) - CONTEXT <= end) end = (changed[++k] as number) + CONTEXT + 1;
    end = Math.min(end, ops.length);
    k++;
    const slice = ops.slice(start, end);
    const oldLines = slice.filter((op) => op[0] !== '+').length;
    const newLines = slice.filter((op) => op[0] !== '-').length;
    hunks.push({
      oldStart: oldLines === 0 ? (oldAt[start] as number) - 1 : (oldAt[start] as number),
      oldLines,
      newStart: newLines === 0 ? (newAt[start] as number) - 1 : (newAt[start] as number),
      newLines,
      lines: slice.flatMap(lineText),
    });
  }
  return hunks;
}
