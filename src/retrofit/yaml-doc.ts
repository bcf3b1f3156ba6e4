// Parsing an existing YAML file for a structural edit, and checking an edit before it is written.
import { isDeepStrictEqual } from 'node:util';
import { LineCounter, isAlias, isCollection, isNode, isScalar, parseAllDocuments, parseDocument, visit, type Document, type Node } from 'yaml';
import { longRunCheckpoint } from '../run-length.js';

// The parser's own unique-key check compares every key with every earlier key of its map, which
// is quadratic in the number of jobs; duplicateKey() below does the same check in linear time.
const OPTIONS = { merge: true, prettyErrors: false, uniqueKeys: false } as const;

/** Offset of the first key that repeats an earlier key of the same mapping (`<<` merge keys may repeat). */
function duplicateKey(doc: Document): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = pair.key;
        if (!isScalar(key) || key.value === '<<') continue;
        const id = `${typeof key.value}:${String(key.value)}`;
        if (seen.has(id)) {
          found = key.range?.[0] ?? 0;
          return visit.BREAK;
        }
        seen.add(id);
      }
      return undefined;
    },
  });
  return found;
}

/** A file that cannot be edited: the message names the file and, when known, the line. */
export class EditError extends Error {
  override readonly name = 'EditError';
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly line?: number,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${reason}`);
  }
}

export interface ParsedYaml {
  text: string;
  doc: Document.Parsed;
  /** Source ranges of nodes that carry an anchor (`&name`), with the anchor name. */
  anchored: Array<{ start: number; end: number; anchor: string }>;
  hasAliases: boolean;
}

/** Parse one YAML document for editing; malformed or multi-document files are an EditError. */
export function parseForEdit(file: string, text: string): ParsedYaml {
  longRunCheckpoint();
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { ...OPTIONS, lineCounter });
  const all = Array.isArray(docs) ? docs : [];
  for (const doc of all) {
    const error = doc.errors[0];
    if (error) {
      const line = lineCounter.linePos(error.pos[0]).line;
      throw new EditError(file, `not valid YAML (${error.message.split('\n')[0]}); the file was left untouched`, line);
    }
  }
  if (all.length > 1) {
    throw new EditError(file, `holds ${all.length} YAML documents; it is left untouched (edit it by hand)`);
  }
  const duplicate = all[0] ? duplicateKey(all[0]) : undefined;
  if (duplicate !== undefined) {
    throw new EditError(file, 'not valid YAML (Map keys must be unique); the file was left untouched', lineCounter.linePos(duplicate).line);
  }
  const doc = all[0] ?? (parseDocument(text, OPTIONS) as Document.Parsed);
  const anchored: ParsedYaml['anchored'] = [];
  let hasAliases = false;
  visit(doc, (_key, node) => {
    if (isAlias(node)) hasAliases = true;
    else if (isNode(node) && node.anchor && node.range) anchored.push({ start: node.range[0], end: node.range[2], anchor: node.anchor });
  });
  return { text, doc, anchored, hasAliases };
}

/** The anchor whose node contains `offset`, if any. */
export function anchorAround(parsed: ParsedYaml, offset: number): string | undefined {
  return parsed.anchored.find((a) => a.start <= offset && offset < a.end)?.anchor;
}

export function isFlow(node: unknown): boolean {
  return isCollection(node) && Boolean(node.flow);
}

export function toModel(doc: Document): unknown {
  return doc.toJS({ maxAliasCount: -1 });
}

/**
 * Re-parse an edited text and compare its data with the intended data. Anything else (a parse
 * error, an empty result, any difference) is refused: the edit is never written.
 */
export function verifyEdit(file: string, edited: string, intended: unknown): void {
  if (edited.trim() === '') throw new EditError(file, 'the edit would leave the file empty; refused');
  if (!isDeepStrictEqual(editedModel(file, edited), intended)) {
    throw new EditError(file, 'the edited file does not mean what the edit intended; refused, file untouched');
  }
}

/** The data of the edited text; its parse tree is released before the (large) comparison. */
function editedModel(file: string, edited: string): unknown {
  longRunCheckpoint();
  const docs = parseAllDocuments(edited, OPTIONS);
  const list = Array.isArray(docs) ? docs : [];
  const error = list.flatMap((d) => d.errors)[0];
  if (error || list.length !== 1) {
    throw new EditError(file, `the edited file would not parse (${error?.message.split('\n')[0] ?? 'document count changed'}); refused, file untouched`);
  }
  if (duplicateKey(list[0] as Document) !== undefined) throw new EditError(file, 'the edit would repeat a key; refused, file untouched');
  return toModel(list[0] as Document);
}

export type { Node };
