// A small seeded generator of hostile input for property tests: random bytes, and random but
// plausible workflows and dependabot.yml files (CRLF or LF, byte-order marks, tabs in comments,
// non-ASCII and invalid UTF-8 in comments, odd quoting and indentation, anchors). Same seed, same bytes.
import { loadPins } from '../../src/pins.js';

/** mulberry32: tiny, fast, good enough to spread test cases. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Gen {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = rng(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)] as T;
  }
  bytes(length: number): Buffer {
    return Buffer.from(Array.from({ length }, () => this.int(0, 255)));
  }
}

const PINNED = Object.entries(loadPins().actions)
  .filter(([, pin]) => pin.pinBy === 'sha' && pin.tag && pin.kind === 'action')
  .map(([name, pin]) => ({ name, major: (pin.tag as string).split('.')[0] as string }))
  .slice(0, 12);

/** Comment text: ASCII, non-ASCII UTF-8, tabs, or (with `allowInvalid`) bytes that are not UTF-8. */
function commentBytes(g: Gen, allowInvalid: boolean): Buffer {
  const kind = g.int(0, allowInvalid ? 4 : 3);
  if (kind === 0) return Buffer.from(`note ${g.int(0, 999)}`);
  if (kind === 1) return Buffer.from(g.pick(['Café ©', 'Ünïcode — “quotes”', '日本語', 'emoji 🚀', 'zero\u200bwidth']));
  if (kind === 2) return Buffer.from(`tab\there\t${g.int(0, 9)}`);
  if (kind === 3) return Buffer.from(`${g.pick(['TODO', 'FIXME', 'keep'])}: ${'x'.repeat(g.int(0, 30))}`);
  // Latin-1 or random high bytes: never valid UTF-8 as a whole.
  return Buffer.concat([Buffer.from('bad '), Buffer.from([0xe9, g.int(0x80, 0xbf) & 0xff, 0xa9]), g.bytes(g.int(0, 4)).map((b) => (b === 10 || b === 13 ? 0x20 : b))]);
}

export interface RandomFile {
  bytes: Buffer;
  eol: '\n' | '\r\n';
  bom: boolean;
}

/** Join lines (Buffers or strings) with the chosen end of line, optionally a BOM and a final newline. */
function assemble(g: Gen, lines: Array<string | Buffer>): RandomFile {
  const eol = g.chance(0.3) ? '\r\n' : '\n';
  const bom = g.chance(0.15);
  const parts: Buffer[] = bom ? [Buffer.from('\uFEFF')] : [];
  lines.forEach((line, index) => {
    parts.push(typeof line === 'string' ? Buffer.from(line) : line);
    if (index < lines.length - 1 || g.chance(0.85)) parts.push(Buffer.from(eol));
  });
  return { bytes: Buffer.concat(parts), eol, bom };
}

function comment(g: Gen, indent: string, allowInvalid: boolean): Buffer {
  return Buffer.concat([Buffer.from(`${indent}# `), commentBytes(g, allowInvalid)]);
}

/** A random workflow that retrofit can usually edit (and sometimes must refuse). */
export function randomWorkflow(g: Gen, allowInvalid = true): RandomFile {
  const unit = g.pick([2, 2, 4]);
  const i = (n: number) => ' '.repeat(unit * n);
  const lines: Array<string | Buffer> = [];
  if (g.chance(0.6)) lines.push(comment(g, '', allowInvalid));
  lines.push(`name: ${g.pick(['ci', '"CI"', "'build & test'", 'release-é'])}`);
  lines.push(g.pick(['on: push', 'on: [push, pull_request]', `on:${g.pick(['', ' '])}\n${i(1)}push:\n${i(2)}branches: [main]`]));
  if (g.chance(0.2)) lines.push('permissions:', `${i(1)}contents: read`);
  if (g.chance(0.3)) lines.push('');
  lines.push('jobs:');
  const jobs = g.int(1, 4);
  for (let j = 0; j < jobs; j++) {
    if (g.chance(0.3)) lines.push(comment(g, i(1), allowInvalid));
    lines.push(`${i(1)}job-${j}:${g.chance(0.2) ? ' # trailing' : ''}`);
    lines.push(`${i(2)}runs-on: ${g.pick(['ubuntu-24.04', 'ubuntu-latest', '${{ matrix.os }}'])}`);
    if (g.chance(0.15)) lines.push(`${i(2)}permissions:`, `${i(3)}contents: write`);
    lines.push(`${i(2)}steps:`);
    const steps = g.int(1, 4);
    for (let s = 0; s < steps; s++) {
      if (g.chance(0.25)) lines.push(comment(g, i(3), allowInvalid));
      if (g.chance(0.65)) {
        const action = g.pick(PINNED);
        const ref = g.pick([action.major, `${action.major}.0.0`, 'main', action.major]);
        const quote = g.pick(['', '', "'", '"']);
        const tail = g.chance(0.3) ? Buffer.concat([Buffer.from(' # '), commentBytes(g, allowInvalid)]) : Buffer.alloc(0);
        lines.push(Buffer.concat([Buffer.from(`${i(3)}- uses: ${quote}${action.name}@${ref}${quote}`), tail]));
        if (g.chance(0.3)) lines.push(`${i(3)}${' '.repeat(2)}with:`, `${i(3)}${' '.repeat(2)}${i(1)}fetch-depth: ${g.int(0, 2)}`);
      } else {
        lines.push(`${i(3)}- run: ${g.pick(['make test', 'echo "${{ github.sha }}"', '|'])}`);
        const last = lines[lines.length - 1] as string;
        if (last.endsWith('|')) lines.push(`${i(3)}${' '.repeat(4)}echo one`, `${i(3)}${' '.repeat(4)}echo two`);
      }
    }
    if (g.chance(0.2)) lines.push('');
  }
  if (g.chance(0.3)) lines.push(comment(g, '', allowInvalid));
  return assemble(g, lines);
}

/** A random dependabot.yml with at least one update entry (retrofit adds missing ecosystems). */
export function randomDependabot(g: Gen, allowInvalid = true): RandomFile {
  const unit = g.pick([2, 4]);
  const i = (n: number) => ' '.repeat(unit * n);
  const lines: Array<string | Buffer> = [];
  if (g.chance(0.5)) lines.push(comment(g, '', allowInvalid));
  lines.push('version: 2', 'updates:');
  const entries = g.int(1, 3);
  for (let e = 0; e < entries; e++) {
    if (g.chance(0.3)) lines.push(comment(g, i(1), allowInvalid));
    lines.push(`${i(1)}- package-ecosystem: ${g.pick(['npm', 'pip', 'docker', 'cargo'])}`);
    lines.push(`${i(1)}  directory: ${g.pick(['"/"', "'/'", '/', '"/sub"'])}`);
    lines.push(`${i(1)}  schedule:`, `${i(1)}  ${i(1)}interval: ${g.pick(['daily', 'weekly', '"monthly"'])}`);
  }
  if (g.chance(0.3)) lines.push(comment(g, '', allowInvalid));
  return assemble(g, lines);
}
