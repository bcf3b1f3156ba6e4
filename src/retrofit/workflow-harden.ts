// Hardening of an existing (hand-written) workflow, in the spirit of StepSecurity's
// secure-workflows: pin `uses:` to commit SHAs with a version comment, add a least-privilege
// top-level `permissions:`, and `persist-credentials: false` on checkouts of jobs that do not push.
// Nothing else changes: every edit is a splice at source offsets, checked by re-parsing.
import { isAlias, isMap, isPair, isScalar, isSeq, Scalar, type Pair, type YAMLMap } from 'yaml';
import type { PinTable } from '../pins.js';
import { loadPins } from '../pins.js';
import { afterLine, applySplices, columnOf, eolOf, lineOf, lineStart, linesAt, type Splice } from './text.js';
import { anchorAround, EditError, isFlow, parseForEdit, toModel, verifyEdit, type ParsedYaml } from './yaml-doc.js';
import { decidePin } from './uses-ref.js';
import { privilegeReason, pushReason } from '../evidence/probes/permission-needs.js';
import { parseUses, parseWorkflow, type ParsedWorkflow } from '../evidence/workflow.js';
import { tagRequired } from '../evidence/probes/pinning.js';
import type { EditResult, Finding } from './types.js';

type Model = Record<string, unknown>;
type Edit = { splice: Splice; apply: (intended: Model) => void; change: string };

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key) as Pair | undefined;
}

function obj(value: unknown): Model {
  return (typeof value === 'object' && value !== null ? value : {}) as Model;
}

/** Offset where a line inserted after this pair's value goes. */
function afterPair(text: string, pair: Pair): number {
  const node = (pair.value ?? pair.key) as { range?: [number, number, number] } | null;
  const end = node?.range?.[1] ?? 0;
  return text[end - 1] === '\n' ? end : afterLine(text, end);
}

class Hardener {
  readonly edits: Edit[] = [];
  readonly findings: Finding[] = [];
  readonly eol: string;
  constructor(
    readonly file: string,
    readonly parsed: ParsedYaml,
    readonly model: Model,
    readonly table: PinTable,
    /** The same file as the probes read it: every judgement (pinned? pushes? needs?) comes from them. */
    readonly workflow: ParsedWorkflow,
  ) {
    this.eol = eolOf(parsed.text);
    this.probedJobs = new Map(workflow.jobs.map((job) => [job.id, job]));
  }

  /** Jobs by id: a lookup per job over the list was quadratic in the number of jobs. */
  readonly probedJobs: Map<string, ParsedWorkflow['jobs'][number]>;

  note(offset: number | undefined, message: string, fix?: string, level: Finding['level'] = 'note'): void {
    this.findings.push({ path: this.file, line: offset === undefined ? undefined : lineOf(this.parsed.text, offset), message, fix, level });
  }

  pin(scalarNode: unknown, setModel: (intended: Model, value: string) => void): void {
    if (isAlias(scalarNode)) return;
    if (!isScalar(scalarNode) || typeof scalarNode.value !== 'string' || !scalarNode.range) return;
    const scalar = scalarNode as Scalar<string>;
    const [start, end] = scalar.range as [number, number, number];
    const ref = parseUses(scalar.value.trim(), this.file, lineOf(this.parsed.text, start), 'step');
    if (ref.pinned || tagRequired(ref)) return;
    const decision = decidePin(scalar.value, this.table);
    if (decision.kind === 'ok') return;
    if (decision.kind === 'skip') return this.note(start, decision.reason);
    if (scalar.type === Scalar.BLOCK_FOLDED || scalar.type === Scalar.BLOCK_LITERAL) return this.note(start, `uses: is a block scalar; pin ${scalar.value} by hand`);
    const text = this.parsed.text;
    const lineEnd = text.slice(end).search(/\r?\n|$/) + end;
    const rest = text.slice(end, lineEnd);
    let replacement = decision.text;
    let spliceEnd = end;
    if (decision.kind === 'pin') {
      const comment = /^\s*#\s?(.*)$/.exec(rest);
      replacement = `${decision.text} # ${decision.tag}${comment?.[1] ? ` (${comment[1].trim()})` : ''}`;
      if (comment) spliceEnd = lineEnd;
      else if (rest.trim() !== '') return this.note(start, `unexpected text after ${scalar.value}; pin it by hand`);
    }
    const value = decision.text;
    this.edits.push({
      splice: { start, end: spliceEnd, text: replacement },
      apply: (intended) => setModel(intended, value),
      change: `pinned ${scalar.value} to ${decision.kind === 'pin' ? `${decision.sha.slice(0, 12)}… # ${decision.tag}` : decision.tag} (line ${lineOf(text, start)})`,
    });
  }

  run(): void {
    const root = this.parsed.doc.contents;
    if (!isMap(root) || isFlow(root)) throw new EditError(this.file, 'is not a block mapping at the top level; left untouched');
    const jobsPair = pairOf(root, 'jobs');
    const jobs = jobsPair?.value;
    if (!isMap(jobs)) {
      this.note(jobsPair ? undefined : 0, 'has no jobs: mapping that can be edited (alias or flow style?); left untouched');
      return;
    }
    for (const item of jobs.items) {
      const jobId = String((item.key as Scalar).value);
      if (isAlias(item.value)) {
        this.note((item.key as Scalar).range?.[0], `job "${jobId}" is an alias; its steps are checked where the anchor is defined`);
        continue;
      }
      if (!isMap(item.value)) continue;
      this.hardenJob(jobId, item.value);
    }
    if (jobsPair) this.addPermissions(jobsPair, jobs);
  }

  hardenJob(jobId: string, job: YAMLMap): void {
    const jobModel = obj(obj(this.model['jobs'])[jobId]);
    const reusable = pairOf(job, 'uses');
    if (reusable) this.pin(reusable.value, (m, v) => (obj(obj(m['jobs'])[jobId])['uses'] = v));
    const stepsNode = pairOf(job, 'steps')?.value;
    if (!isSeq(stepsNode)) return;
    const probed = this.probedJobs.get(jobId);
    const pushes = probed ? pushReason(probed, this.workflow.permissions) : undefined;
    stepsNode.items.forEach((step, index) => {
      if (!isMap(step)) return;
      const uses = pairOf(step, 'uses');
      const stepModel = () => (m: Model) => obj((obj(obj(m['jobs'])[jobId])['steps'] as unknown[])[index]);
      if (uses) this.pin(uses.value, (m, v) => (stepModel()(m)['uses'] = v));
      const usesValue = isScalar(uses?.value) ? String(uses.value.value) : '';
      if (!usesValue.startsWith('actions/checkout@')) return;
      const current = obj((jobModel['steps'] as unknown[])[index]);
      if (obj(current['with'])['persist-credentials'] !== undefined) return;
      const at = (uses?.key as Scalar).range?.[0];
      if (pushes) return this.note(at, `checkout in job "${jobId}" keeps its credentials because ${pushes}`);
      this.addPersistCredentials(jobId, step, at ?? 0, (m) => stepModel()(m));
    });
  }

  addPersistCredentials(jobId: string, step: YAMLMap, at: number, stepOf: (m: Model) => Model): void {
    const fix = 'add `with: persist-credentials: false` to the checkout step by hand';
    if (isFlow(step)) return this.note(at, `checkout step in job "${jobId}" is a flow mapping`, fix);
    if (pairOf(step, '<<')) return this.note(at, `checkout step in job "${jobId}" uses a merge key (<<)`, fix);
    const anchor = anchorAround(this.parsed, at);
    if (anchor) return this.note(at, `checkout step in job "${jobId}" is inside the anchor &${anchor}, which is reused elsewhere`, fix);
    const text = this.parsed.text;
    const withPair = pairOf(step, 'with');
    if (withPair) {
      const withMap = withPair.value;
      if (!isMap(withMap) || isFlow(withMap) || withMap.items.length === 0) return this.note(at, `checkout step in job "${jobId}" has a with: that is not a block mapping`, fix);
      const last = withMap.items[withMap.items.length - 1] as Pair;
      const column = columnOf(text, (withMap.items[0]?.key as Scalar).range?.[0] ?? 0);
      const offset = afterPair(text, last);
      this.edits.push({
        splice: { start: offset, end: offset, text: linesAt(text, offset, [`${' '.repeat(column)}persist-credentials: false`], this.eol) },
        apply: (m) => (obj(stepOf(m)['with'])['persist-credentials'] = false),
        change: `added persist-credentials: false to the checkout in job "${jobId}" (line ${lineOf(text, at)})`,
      });
      return;
    }
    const first = step.items[0]?.key as Scalar | undefined;
    const last = step.items[step.items.length - 1] as Pair;
    const column = columnOf(text, first?.range?.[0] ?? 0);
    const offset = afterPair(text, last);
    const pad = ' '.repeat(column);
    this.edits.push({
      splice: { start: offset, end: offset, text: linesAt(text, offset, [`${pad}with:`, `${pad}  persist-credentials: false`], this.eol) },
      apply: (m) => (stepOf(m)['with'] = { 'persist-credentials': false }),
      change: `added persist-credentials: false to the checkout in job "${jobId}" (line ${lineOf(text, at)})`,
    });
  }

  addPermissions(jobsPair: Pair, jobs: YAMLMap): void {
    if (this.model['permissions'] !== undefined) return;
    const jobsKey = jobsPair.key as Scalar;
    const keyStart = jobsKey.range?.[0] ?? 0;
    const reasons = this.workflow.jobs.map((job) => privilegeReason(job)).filter((r): r is string => Boolean(r));
    if (reasons.length > 0) {
      return this.note(
        keyStart,
        `has no top-level permissions:; contents: read was not added because some jobs need more or may: ${reasons.join('; ')}`,
        'add `permissions: {}` at the top and a least-privilege `permissions:` block to each job',
        'warning',
      );
    }
    const text = this.parsed.text;
    // Insert above the comment lines that introduce `jobs:`, so they stay attached to it.
    let offset = lineStart(text, keyStart);
    while (offset > 0) {
      const previous = lineStart(text, offset - 1);
      if (!/^[ \t]*#/.test(text.slice(previous, offset))) break;
      offset = previous;
    }
    const column = columnOf(text, keyStart);
    const childColumn = columnOf(text, (jobs.items[0]?.key as Scalar | undefined)?.range?.[0] ?? keyStart + 2);
    const unit = Math.max(childColumn - column, 1);
    const pad = ' '.repeat(column);
    this.edits.push({
      splice: { start: offset, end: offset, text: linesAt(text, offset, [`${pad}permissions:`, `${pad}${' '.repeat(unit)}contents: read`], this.eol) },
      apply: (m) => (m['permissions'] = { contents: 'read' }),
      change: 'added top-level permissions: contents: read (every job\'s steps are known to need no more)',
    });
  }
}

/** The edits to make, planned on a parse that is released before the result is verified (large files). */
function planEdits(file: string, text: string, table: PinTable): { edits: Edit[]; findings: Finding[]; model: Model; workflow: ParsedWorkflow } {
  const parsed = parseForEdit(file, text);
  const model = obj(toModel(parsed.doc));
  const workflow = parseWorkflow(file, text);
  const hardener = new Hardener(file, parsed, model, table, workflow);
  hardener.run();
  return { edits: hardener.edits, findings: hardener.findings, model, workflow };
}

/** Harden one workflow; throws EditError when the file cannot be edited safely (left untouched). */
export function hardenWorkflow(file: string, text: string, table: PinTable = loadPins()): EditResult & { workflow: ParsedWorkflow } {
  const { edits, findings, model, workflow } = planEdits(file, text, table);
  if (edits.length === 0) return { after: text, changes: [], findings, workflow };
  const after = applySplices(text, edits.map((e) => e.splice));
  // The edits apply to the model in place: it is not used afterwards, so no copy is needed.
  for (const edit of edits) edit.apply(model);
  verifyEdit(file, after, model);
  return { after, changes: edits.map((e) => e.change), findings, workflow };
}
