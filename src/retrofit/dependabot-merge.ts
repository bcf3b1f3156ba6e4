// Merge the profile's ecosystems into an existing dependabot.yml: add missing ecosystems and
// manifest directories, keep every existing entry, comment and ordering. Splices only.
import { isAlias, isMap, isPair, isScalar, isSeq, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { isDeepStrictEqual } from 'node:util';
import type { Ecosystem } from '../model.js';
import { afterLine, applySplices, columnOf, eolOf, lineOf, lineStart, linesAt, type Splice } from './text.js';
import { anchorAround, EditError, isFlow, parseForEdit, toModel, verifyEdit } from './yaml-doc.js';
import type { EditResult, Finding } from './types.js';

type Entry = Record<string, unknown>;

export const ECOSYSTEM_ORDER: Ecosystem[] = ['github-actions', 'gomod', 'cargo', 'pip', 'uv', 'npm', 'bun', 'maven', 'gradle', 'docker', 'helm'];

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key) as Pair | undefined;
}

/** Dependabot directory globs: `*` is one path segment, `**` any depth. */
export function dirMatches(pattern: string, dir: string): boolean {
  const norm = (p: string) => (p.length > 1 ? p.replace(/\/+$/, '') : p);
  const source = norm(pattern)
    .split('/')
    .map((s) => (s === '**' ? '.*' : s.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')))
    .join('/');
  return new RegExp(`^${source}$`).test(norm(dir)) || (norm(pattern) === '/**' && dir.startsWith('/'));
}

function coveredDirs(entry: Entry): string[] {
  const dirs = Array.isArray(entry['directories']) ? (entry['directories'] as unknown[]).map(String) : [];
  return typeof entry['directory'] === 'string' ? [...dirs, entry['directory']] : dirs;
}

/**
 * How the existing config writes its entries, copied into new ones: the schedule and labels of its
 * first entry as written (text and data), and whether it uses groups and cooldown at all.
 */
interface House {
  copied: Array<{ key: string; lines: string[]; value: unknown }>;
  groups: boolean;
  cooldown: boolean;
  limit?: { line: string; value: unknown } | undefined;
}

const COPIED_KEYS = ['schedule', 'labels'];

function houseStyle(text: string, first: YAMLMap, model: Entry[]): House {
  const copied: House['copied'] = [];
  const firstModel = model[0] ?? {};
  for (const key of COPIED_KEYS) {
    const pair = pairOf(first, key);
    if (!pair || isAlias(pair.value)) continue;
    // Labels name an ecosystem often ("go", "javascript"): copied only when every entry has the same.
    if (key === 'labels' && !model.every((e) => isDeepStrictEqual(e['labels'], firstModel['labels']))) continue;
    const start = (pair.key as Scalar).range?.[0];
    const valueEnd = (pair.value as { range?: [number, number, number] } | null)?.range?.[1];
    if (start === undefined || valueEnd === undefined) continue;
    const lines = text.slice(start, valueEnd).replace(/\r?\n$/, '').split(/\r?\n/).map((line) => line.replace(/\s+#.*$/, '').replace(/\s+$/, ''));
    // A comment inside the copied block would be copied too: keep only lines that carry data.
    const kept = lines.filter((line, index) => index === 0 || line.trim() !== '' && !line.trim().startsWith('#'));
    copied.push({ key, lines: kept, value: structuredClone(firstModel[key]) });
  }
  const limitPair = pairOf(first, 'open-pull-requests-limit');
  const limit = limitPair && firstModel['open-pull-requests-limit'] !== undefined ? { line: `open-pull-requests-limit: ${String(firstModel['open-pull-requests-limit'])}`, value: firstModel['open-pull-requests-limit'] } : undefined;
  return { copied, groups: model.some((e) => e['groups'] !== undefined), cooldown: model.some((e) => e['cooldown'] !== undefined), limit };
}

/** A new entry, as data (the intended model) and as lines (the text to insert), in the config's own style. */
function newEntry(ecosystem: Ecosystem, dirs: string[], house: House): Entry {
  const entry: Entry = { 'package-ecosystem': ecosystem };
  if (dirs.length === 1) entry['directory'] = dirs[0];
  else entry['directories'] = dirs;
  const schedule = house.copied.find((c) => c.key === 'schedule');
  entry['schedule'] = schedule ? structuredClone(schedule.value) : { interval: 'weekly', day: 'monday' };
  for (const copy of house.copied) if (copy.key !== 'schedule') entry[copy.key] = structuredClone(copy.value);
  if (house.cooldown) entry['cooldown'] = { 'default-days': 7 };
  if (house.groups) entry['groups'] = { [`${ecosystem}-minor-and-patch`]: { 'update-types': ['minor', 'patch'] } };
  if (house.limit) entry['open-pull-requests-limit'] = house.limit.value;
  return entry;
}

function entryLines(ecosystem: Ecosystem, dirs: string[], dash: number, key: number, unit: number, house: House): string[] {
  const pad = ' '.repeat(key);
  const i1 = ' '.repeat(key + unit);
  const i2 = ' '.repeat(key + 2 * unit);
  const lines = [`${' '.repeat(dash)}-${' '.repeat(key - dash - 1)}package-ecosystem: ${ecosystem}`];
  if (dirs.length === 1) lines.push(`${pad}directory: ${JSON.stringify(dirs[0])}`);
  else lines.push(`${pad}directories:`, ...dirs.map((d) => `${i1}- ${JSON.stringify(d)}`));
  const schedule = house.copied.find((c) => c.key === 'schedule');
  if (schedule) lines.push(`${pad}${schedule.lines[0]}`, ...schedule.lines.slice(1));
  else lines.push(`${pad}schedule:`, `${i1}interval: weekly`, `${i1}day: monday`);
  for (const copy of house.copied) if (copy.key !== 'schedule') lines.push(`${pad}${copy.lines[0]}`, ...copy.lines.slice(1));
  if (house.cooldown) lines.push(`${pad}cooldown:`, `${i1}default-days: 7`);
  if (house.groups) {
    lines.push(`${pad}groups:`, `${i1}${ecosystem}-minor-and-patch:`, `${i2}update-types:`, `${i2}${' '.repeat(unit)}- minor`, `${i2}${' '.repeat(unit)}- patch`);
  }
  if (house.limit) lines.push(`${pad}${house.limit.line}`);
  return lines;
}

function endOf(text: string, node: { range?: [number, number, number] | null | undefined }): number {
  const end = node.range?.[1] ?? 0;
  return text[end - 1] === '\n' ? end : afterLine(text, end);
}

/** Column of the `-` that introduces a block sequence item starting at `itemStart`. */
function dashColumn(text: string, itemStart: number): number | undefined {
  const start = lineStart(text, itemStart);
  const dash = text.slice(start, itemStart).lastIndexOf('-');
  return dash < 0 ? undefined : dash;
}

export function mergeDependabot(file: string, text: string, wanted: Partial<Record<Ecosystem, string[]>>): EditResult {
  const parsed = parseForEdit(file, text);
  const root = parsed.doc.contents;
  if (!isMap(root) || isFlow(root)) throw new EditError(file, 'is not a block mapping at the top level; left untouched');
  const updatesPair = pairOf(root, 'updates');
  const updates = updatesPair?.value;
  if (!isSeq(updates) || isFlow(updates) || updates.items.length === 0) {
    const line = updatesPair ? lineOf(text, (updatesPair.key as Scalar).range?.[0] ?? 0) : undefined;
    throw new EditError(file, 'has no non-empty block sequence under updates: to add to; left untouched', line);
  }
  const model = toModel(parsed.doc) as { updates: Entry[] };
  const intended = structuredClone(model);
  const eol = eolOf(text);
  const splices: Splice[] = [];
  const changes: string[] = [];
  const findings: Finding[] = [];

  const firstItem = updates.items[0] as YAMLMap;
  const itemStart = firstItem.range?.[0] ?? 0;
  const dash = dashColumn(text, itemStart);
  if (dash === undefined || isAlias(firstItem)) throw new EditError(file, 'updates: items are not in a form this tool can extend; left untouched', lineOf(text, itemStart));
  const key = columnOf(text, itemStart);
  const schedule = isMap(firstItem) ? pairOf(firstItem, 'schedule')?.value : undefined;
  const unit = isMap(schedule) && schedule.items[0] ? Math.max(columnOf(text, (schedule.items[0].key as Scalar).range?.[0] ?? 0) - key, 1) : 2;

  const house = houseStyle(text, firstItem, model.updates);
  const newLines: string[] = [];
  for (const ecosystem of ECOSYSTEM_ORDER) {
    const dirs = wanted[ecosystem];
    if (!dirs?.length) continue;
    const existing = model.updates.map((e, i) => ({ e, i })).filter(({ e }) => e['package-ecosystem'] === ecosystem);
    const covered = existing.flatMap(({ e }) => coveredDirs(e));
    const missing = dirs.filter((d) => !covered.some((pattern) => dirMatches(pattern, d)));
    if (missing.length === 0) continue;
    // Extend an existing `directories:` list of the same ecosystem when there is a plain one.
    const target = existing.find(({ e, i }) => {
      const node = updates.items[i];
      const list = isMap(node) ? pairOf(node, 'directories')?.value : undefined;
      return e['target-branch'] === undefined && isSeq(list) && !isFlow(list) && list.items.length > 0 && !anchorAround(parsed, (node as YAMLMap).range?.[0] ?? 0);
    });
    if (target) {
      const list = pairOf(updates.items[target.i] as YAMLMap, 'directories')?.value as YAMLSeq;
      const last = list.items[list.items.length - 1] as Scalar;
      const listDash = dashColumn(text, (list.items[0] as Scalar).range?.[0] ?? 0) ?? key + unit;
      const offset = endOf(text, last);
      splices.push({ start: offset, end: offset, text: linesAt(text, offset, missing.map((d) => `${' '.repeat(listDash)}- ${JSON.stringify(d)}`), eol) });
      (intended.updates[target.i]?.['directories'] as string[]).push(...missing);
      changes.push(`added ${missing.join(', ')} to the existing ${ecosystem} entry`);
      continue;
    }
    if (existing.length > 0) {
      // Entries with one `directory:` each are a scope the maintainers chose (etcd updates its root
      // module and lets the others follow it): the other directories are reported, not added.
      const listed = existing.flatMap(({ e }) => coveredDirs(e));
      findings.push({
        path: file,
        level: 'note',
        message: `${ecosystem}: ${missing.join(', ')} not added; the existing ${ecosystem} entries cover ${listed.join(', ')} only, which looks chosen`,
        fix: `add them to the ${ecosystem} entries if Dependabot should update them`,
      });
      continue;
    }
    newLines.push(...entryLines(ecosystem, missing, dash, key, unit, house));
    intended.updates.push(newEntry(ecosystem, missing, house));
    changes.push(existing.length ? `added a ${ecosystem} entry for ${missing.join(', ')} (not covered by the existing ${ecosystem} entries)` : `added ${ecosystem} for ${missing.join(', ')}`);
  }
  if (newLines.length) {
    const offset = endOf(text, updates.items[updates.items.length - 1] as YAMLMap);
    splices.push({ start: offset, end: offset, text: linesAt(text, offset, newLines, eol) });
  }
  if (splices.length === 0) return { after: text, changes, findings };
  const after = applySplices(text, splices);
  verifyEdit(file, after, intended);
  return { after, changes, findings };
}
