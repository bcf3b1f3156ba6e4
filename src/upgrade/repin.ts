// Rewrite pinned `uses:` references of a workflow (SHA + version comment, or a full tag where the
// action must be referenced by tag), as splices checked by re-parsing like every other edit.
import { isMap, isPair, isScalar, isSeq, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { applySplices, lineOf, type Splice } from '../retrofit/text.js';
import { parseForEdit, toModel, verifyEdit } from '../retrofit/yaml-doc.js';

export interface UsesSite {
  name: string;
  ref: string;
  /** The version named by the trailing comment (`# v1.2.3`), if any. */
  comment?: string;
  line: number;
  /** Sets the value in a data model of the workflow (for verification). */
  set: (model: Record<string, unknown>, value: string) => void;
  scalar: Scalar;
  lineEnd: number;
}

export interface NewRef {
  /** The value after `uses:` (owner/repo@sha or owner/repo@vX.Y.Z). */
  value: string;
  /** The version comment to write, when pinned by SHA. */
  comment?: string;
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key) as Pair | undefined;
}

type M = Record<string, unknown>;
const o = (v: unknown) => (v ?? {}) as M;

/**
 * Every `uses:` (job level and step level of a workflow, or the steps of a composite action's
 * `runs:`) that is a plain scalar in a block mapping.
 */
export function usesSites(text: string, parsedDoc = parseForEdit('workflow', text).doc): UsesSite[] {
  const sites: UsesSite[] = [];
  const root = parsedDoc.contents;
  const runs = isMap(root) ? pairOf(root, 'runs')?.value : undefined;
  const jobs = isMap(root) ? pairOf(root, 'jobs')?.value : undefined;
  const add = (node: unknown, set: UsesSite['set']) => {
    if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return;
    const value = node.value;
    const at = value.lastIndexOf('@');
    if (at <= 0 || value.startsWith('./') || value.startsWith('docker://')) return;
    const end = node.range[1];
    const lineEnd = text.slice(end).search(/\r?\n|$/) + end;
    const comment = /^\s*#\s*(v?\d+(?:\.\d+){0,2})\b/.exec(text.slice(end, lineEnd))?.[1];
    sites.push({ name: value.slice(0, at), ref: value.slice(at + 1), ...(comment ? { comment } : {}), line: lineOf(text, node.range[0]), set, scalar: node, lineEnd });
  };
  const actionSteps = isMap(runs) ? pairOf(runs, 'steps')?.value : undefined;
  if (isSeq(actionSteps)) {
    actionSteps.items.forEach((step, index) => {
      if (isMap(step)) add(pairOf(step, 'uses')?.value, (m, v) => (o((o(m['runs'])['steps'] as unknown[])[index])['uses'] = v));
    });
  }
  if (!isMap(jobs)) return sites;
  for (const job of jobs.items) {
    if (!isMap(job.value)) continue;
    const id = String((job.key as Scalar).value);
    add(pairOf(job.value, 'uses')?.value, (m, v) => (o(o(m['jobs'])[id])['uses'] = v));
    const steps = pairOf(job.value, 'steps')?.value;
    if (!isSeq(steps)) continue;
    steps.items.forEach((step, index) => {
      if (isMap(step)) add(pairOf(step, 'uses')?.value, (m, v) => (o((o(o(m['jobs'])[id])['steps'] as unknown[])[index])['uses'] = v));
    });
  }
  return sites;
}

/**
 * Apply new references to a workflow. `decide` returns the new reference for a site, or
 * undefined to leave it. The version comment is replaced; any other comment text is kept.
 */
export function repinWorkflow(file: string, text: string, decide: (site: UsesSite) => NewRef | undefined): { after: string; changed: string[] } {
  const parsed = parseForEdit(file, text);
  const model = toModel(parsed.doc) as M;
  const intended = structuredClone(model);
  const splices: Splice[] = [];
  const changed: string[] = [];
  for (const site of usesSites(text, parsed.doc)) {
    const next = decide(site);
    if (!next) continue;
    const [start, end] = site.scalar.range as [number, number, number];
    const rest = text.slice(end, site.lineEnd);
    const other = /^\s*#\s*(?:v?\d+(?:\.\d+){0,2}\b)?\s*(.*)$/.exec(rest)?.[1] ?? '';
    const replacement = next.comment ? `${next.value} # ${next.comment}${other ? ` ${other}` : ''}` : `${next.value}${other ? ` # ${other}` : ''}`;
    const current = text.slice(start, site.lineEnd);
    if (replacement === current) continue;
    splices.push({ start, end: site.lineEnd, text: replacement });
    site.set(intended, next.value);
    changed.push(`${site.name}@${site.comment ?? site.ref} -> ${next.comment ?? next.value.slice(next.value.lastIndexOf('@') + 1)} (line ${site.line})`);
  }
  if (splices.length === 0) return { after: text, changed };
  const after = applySplices(text, splices);
  verifyEdit(file, after, intended);
  return { after, changed };
}
