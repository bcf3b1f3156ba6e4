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

/** Whether an entry of `ecosystem` in the config already covers `dir`. */
export function isCovered(entries: Entry[], ecosystem: string, dir: string): boolean {
  return entries.some((e) => e['package-ecosystem'] === ecosystem && coveredDirs(e).some((pattern) => dirMatches(pattern, dir)));
}

/**
 * How the existing config writes its entries, copied into new ones. Style comes from the entries of
 * package ecosystems (github-actions is often scheduled and labelled apart), github-actions only when
 * there is no other: for each key, the value most of those entries share (ties: the first entry's),
 * copied as written. Keys that name what an entry updates or where are never copied.
 */
interface Copied {
  key: string;
  /** The pair as written: the first line starts at the key, the others are indented relative to it. */
  lines: string[];
  value: unknown;
}

interface House {
  copied: Copied[];
  /** The house's catch-all group (patterns "*" or none), as written, with the ecosystem it was named for. */
  group?: { name: string; lines: string[]; value: unknown; ecosystem: string } | undefined;
  /** Key order of the first entry, then of the style entries (`directory`/`directories` as one). */
  order: string[];
  natural: string[];
  ecosystemQuote: Scalar['type'];
  directoryQuote: Scalar['type'];
  /** Entries are separated by blank lines. */
  blank: boolean;
}

const NEVER_COPIED = new Set([
  'package-ecosystem', 'directory', 'directories', 'ignore', 'allow', 'registries', 'target-branch', 'exclude-paths',
  'multi-ecosystem-group', 'patterns', 'name', 'groups',
]);
/** Options only some package managers take (Dependabot's options reference). */
const ONLY_FOR: Record<string, readonly Ecosystem[]> = {
  'versioning-strategy': ['cargo', 'npm', 'pip', 'uv'],
  vendor: ['gomod'],
  'insecure-external-code-execution': ['pip'],
};

const orderKey = (key: string): string => (key === 'directories' ? 'directory' : key);

function hasAnchorsOrAliases(node: unknown): boolean {
  if (node === null || typeof node !== 'object') return false;
  if (isAlias(node)) return true;
  if ((node as { anchor?: string }).anchor) return true;
  if (isPair(node)) return hasAnchorsOrAliases(node.key) || hasAnchorsOrAliases(node.value);
  if (isMap(node) || isSeq(node)) return (node.items as unknown[]).some(hasAnchorsOrAliases);
  return false;
}

/** The text of `node` from `start` (a key) to its end, comments dropped, indented relative to `start`'s column. */
function pairLines(text: string, start: number, node: unknown): string[] | undefined {
  const end = (node as { range?: [number, number, number] } | null)?.range?.[1];
  if (end === undefined) return undefined;
  const column = columnOf(text, start);
  const lines = text.slice(start, end).replace(/\r?\n$/, '').split(/\r?\n/).map((line) => line.replace(/\s+#.*$/, '').replace(/\s+$/, ''));
  // A comment inside the copied block would be copied too: keep only lines that carry data.
  const kept = lines.filter((line, index) => index === 0 || (line.trim() !== '' && !line.trim().startsWith('#')));
  if (kept.slice(1).some((line) => line.length - line.trimStart().length < column)) return undefined;
  return kept.map((line, index) => (index === 0 ? line : line.slice(column)));
}

/** The value most entries share (absent counts as a value); ties go to the earliest entry's. */
function majority<T>(values: T[], same: (a: T, b: T) => boolean = isDeepStrictEqual): { value: T; index: number } | undefined {
  let best: { value: T; index: number; count: number } | undefined;
  values.forEach((value, index) => {
    if (values.findIndex((v) => same(v, value)) !== index) return;
    const count = values.filter((v) => same(v, value)).length;
    if (!best || count > best.count) best = { value, index, count };
  });
  return best && { value: best.value, index: best.index };
}

/** A group that takes every dependency (patterns "*" or none), the shape worth copying. */
function catchAllGroup(groups: unknown): [string, Record<string, unknown>] | undefined {
  if (groups === null || typeof groups !== 'object' || Array.isArray(groups)) return undefined;
  for (const [name, group] of Object.entries(groups as Record<string, unknown>)) {
    if (group === null || typeof group !== 'object' || Array.isArray(group)) continue;
    const patterns = (group as Record<string, unknown>)['patterns'];
    const excluded = (group as Record<string, unknown>)['exclude-patterns'];
    if (excluded === undefined && (patterns === undefined || (Array.isArray(patterns) && patterns.includes('*')))) return [name, group as Record<string, unknown>];
  }
  return undefined;
}

function scalarType(node: unknown): Scalar['type'] {
  return isScalar(node) ? node.type : undefined;
}

function houseStyle(text: string, updates: YAMLSeq, model: Entry[]): House {
  const items = updates.items.map((node, index) => ({ node, entry: model[index] ?? {} })).filter((i): i is { node: YAMLMap; entry: Entry } => isMap(i.node));
  const packages = items.filter((i) => i.entry['package-ecosystem'] !== 'github-actions');
  const style = packages.length > 0 ? packages : items;
  const natural: string[] = [];
  for (const { node } of style) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? orderKey(String(pair.key.value)) : undefined;
      if (key !== undefined && !natural.includes(key)) natural.push(key);
    }
  }
  const copied: Copied[] = [];
  for (const key of natural) {
    if (NEVER_COPIED.has(key)) continue;
    const chosen = majority(style.map((i) => i.entry[key]));
    if (!chosen || chosen.value === undefined) continue;
    // Copied as written by the first entry that writes it itself (not through a merge key or an alias).
    for (const { node, entry } of style) {
      const pair = isDeepStrictEqual(entry[key], chosen.value) ? pairOf(node, key) : undefined;
      const start = (pair?.key as Scalar | undefined)?.range?.[0];
      if (!pair || start === undefined || hasAnchorsOrAliases(pair.value)) continue;
      const lines = pairLines(text, start, pair.value);
      if (lines) copied.push({ key, lines, value: structuredClone(chosen.value) });
      break;
    }
  }
  let group: House['group'];
  const shapes = style.map((i) => catchAllGroup(i.entry['groups']));
  const chosen = majority(shapes, (a, b) => isDeepStrictEqual(a?.[1], b?.[1]));
  if (chosen?.value) {
    const [name, value] = chosen.value;
    const from = style[chosen.index] as { node: YAMLMap; entry: Entry };
    const groups = pairOf(from.node, 'groups')?.value;
    const pair = isMap(groups) ? pairOf(groups, name) : undefined;
    const start = (pair?.key as Scalar | undefined)?.range?.[0];
    const lines = pair && start !== undefined && !hasAnchorsOrAliases(pair) ? pairLines(text, start, pair.value) : undefined;
    if (lines && isScalar(pair?.key) && pair.key.type === 'PLAIN') {
      const indent = columnOf(text, start as number) - columnOf(text, (pairOf(from.node, 'groups')?.key as Scalar).range?.[0] ?? 0);
      if (indent > 0) group = { name, lines: lines.map((line) => `${' '.repeat(indent)}${line}`), value: structuredClone(value), ecosystem: String(from.entry['package-ecosystem']) };
    }
  }
  const first = items[0]?.node;
  const order = first ? first.items.map((p) => (isScalar(p.key) ? orderKey(String(p.key.value)) : '')).filter(Boolean) : [];
  const directoryNode = items.map(({ node }) => {
    const dir = pairOf(node, 'directory')?.value;
    if (isScalar(dir)) return dir;
    const dirs = pairOf(node, 'directories')?.value;
    return isSeq(dirs) ? dirs.items.find(isScalar) : undefined;
  }).find((n) => n !== undefined);
  // Blank lines between entries: above most entries after the first (comment lines aside) is an empty line.
  const gaps = items.slice(1).map(({ node }) => {
    for (let start = lineStart(text, node.range?.[0] ?? 0); start > 0; ) {
      const above = lineStart(text, start - 1);
      const line = text.slice(above, start - 1).trim();
      if (line === '') return true;
      if (!line.startsWith('#')) return false;
      start = above;
    }
    return false;
  });
  const blank = gaps.length > 0 && gaps.filter(Boolean).length * 2 > gaps.length;
  return { copied, group, order, natural, ecosystemQuote: scalarType(first ? pairOf(first, 'package-ecosystem')?.value : undefined), directoryQuote: scalarType(directoryNode), blank };
}

function quoted(value: string, type: Scalar['type']): string {
  if (type === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  if (type === 'PLAIN' && /^[A-Za-z0-9_/][A-Za-z0-9_./@*-]*$/.test(value)) return value;
  return JSON.stringify(value);
}

/** The group's name for another ecosystem: a name that names the house entry's ecosystem names the new one. */
function groupName(name: string, from: string, ecosystem: Ecosystem): string {
  return from && name.includes(from) ? name.split(from).join(ecosystem) : name;
}

/** Keys in the first entry's order; the others after the key they follow in the style entries. */
function ordered(keys: string[], house: House): string[] {
  const result = house.order.filter((k) => keys.includes(k));
  for (const key of keys) {
    if (result.includes(key)) continue;
    const before = house.natural.slice(0, Math.max(house.natural.indexOf(key), 0)).reverse().find((k) => result.includes(k));
    result.splice(before === undefined ? Math.min(result.length, 2) : result.indexOf(before) + 1, 0, key);
  }
  return result;
}

/** Labels that name an ecosystem (Dependabot's own language labels among them), and the ecosystems they name. */
const ECOSYSTEM_LABELS: Record<string, readonly Ecosystem[]> = {
  go: ['gomod'], golang: ['gomod'], gomod: ['gomod'], javascript: ['npm', 'bun'], typescript: ['npm', 'bun'], npm: ['npm'], bun: ['bun'],
  python: ['pip', 'uv'], pip: ['pip'], uv: ['uv'], rust: ['cargo'], cargo: ['cargo'], java: ['maven', 'gradle'], maven: ['maven'], gradle: ['gradle'],
  docker: ['docker'], helm: ['helm'], github_actions: ['github-actions'], 'github-actions': ['github-actions'], terraform: ['terraform'],
};

/** The house's labels for another ecosystem: a label naming a different ecosystem ("go" on a docker entry) is left out. */
function labelsFor(copy: Copied, ecosystem: Ecosystem, unit: number): Copied | undefined {
  if (!Array.isArray(copy.value)) return copy;
  const labels = copy.value as unknown[];
  const kept = labels.filter((label) => {
    const names = typeof label === 'string' ? ECOSYSTEM_LABELS[label.toLowerCase().replace(/^(area|lang|language|ecosystem)\//, '')] : undefined;
    return !names || names.includes(ecosystem);
  });
  if (kept.length === labels.length) return copy;
  if (kept.length === 0) return undefined;
  const quote = copy.lines.join('\n').includes('"') ? 'QUOTE_DOUBLE' : copy.lines.join('\n').includes("'") ? 'QUOTE_SINGLE' : 'PLAIN';
  const items = kept.map((label) => quoted(String(label), quote));
  const lines = copy.lines.length === 1 ? [`labels: [${items.join(', ')}]`] : ['labels:', ...items.map((item) => `${' '.repeat(unit)}- ${item}`)];
  return { key: copy.key, lines, value: kept };
}

/** A new entry, as data (the intended model) and as lines (the text to insert), in the config's own style. */
function newEntry(ecosystem: Ecosystem, dirs: string[], dash: number, key: number, unit: number, house: House): { entry: Entry; lines: string[] } {
  const pad = ' '.repeat(key);
  const parts = new Map<string, { value: unknown; lines: string[] }>();
  parts.set('package-ecosystem', { value: ecosystem, lines: [`package-ecosystem: ${quoted(ecosystem, house.ecosystemQuote ?? 'PLAIN')}`] });
  const dirQuote = house.directoryQuote ?? 'QUOTE_DOUBLE';
  if (dirs.length === 1) parts.set('directory', { value: dirs[0], lines: [`directory: ${quoted(dirs[0] as string, dirQuote)}`] });
  else parts.set('directory', { value: dirs, lines: ['directories:', ...dirs.map((d) => `${' '.repeat(unit)}- ${quoted(d, dirQuote)}`)] });
  for (const houseCopy of house.copied) {
    if (ONLY_FOR[houseCopy.key] && !ONLY_FOR[houseCopy.key]?.includes(ecosystem)) continue;
    const copy = houseCopy.key === 'labels' ? labelsFor(houseCopy, ecosystem, unit) : houseCopy;
    if (copy) parts.set(copy.key, { value: structuredClone(copy.value), lines: copy.lines });
  }
  if (!parts.has('schedule')) parts.set('schedule', { value: { interval: 'weekly', day: 'monday' }, lines: ['schedule:', `${' '.repeat(unit)}interval: weekly`, `${' '.repeat(unit)}day: monday`] });
  if (house.group) {
    const name = groupName(house.group.name, house.group.ecosystem, ecosystem);
    const [head, ...rest] = house.group.lines;
    parts.set('groups', { value: { [name]: structuredClone(house.group.value) }, lines: ['groups:', `${head!.replace(/^(\s*)[^:]+:/, `$1${name}:`)}`, ...rest] });
  }
  const entry: Entry = {};
  const lines: string[] = [];
  for (const k of ordered([...parts.keys()], house)) {
    const part = parts.get(k)!;
    entry[k === 'directory' && dirs.length !== 1 ? 'directories' : k] = part.value;
    const [head, ...rest] = part.lines;
    lines.push(lines.length === 0 ? `${' '.repeat(dash)}-${' '.repeat(key - dash - 1)}${head}` : `${pad}${head}`, ...rest.map((line) => `${pad}${line}`));
  }
  if (house.blank) lines.unshift('');
  return { entry, lines };
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

  const house = houseStyle(text, updates, model.updates);
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
      const listed = [...new Set(existing.flatMap(({ e }) => coveredDirs(e)))];
      findings.push({
        path: file,
        level: 'note',
        message: `${ecosystem}: ${missing.join(', ')} not added; the existing ${ecosystem} entries cover ${listed.join(', ')} only, which looks chosen`,
        fix: `add them to the ${ecosystem} entries if Dependabot should update them`,
      });
      continue;
    }
    const added = newEntry(ecosystem, missing, dash, key, unit, house);
    newLines.push(...added.lines);
    intended.updates.push(added.entry);
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
