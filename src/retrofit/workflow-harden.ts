// Hardening of an existing (hand-written) workflow, in the spirit of StepSecurity's
// secure-workflows: pin `uses:` to commit SHAs with a version comment, add a least-privilege
// top-level `permissions:`, and `persist-credentials: false` on checkouts of jobs that do not push.
// The steps of the repository's composite actions get the same pins and checkout edits.
// Nothing else changes: every edit is a splice at source offsets, checked by re-parsing.
import { isAlias, isMap, isPair, isScalar, isSeq, Scalar, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { PinTable } from '../pins.js';
import { loadPins } from '../pins.js';
import { afterLine, applySplices, columnOf, eolOf, lineOf, lineStart, linesAt, type Splice } from './text.js';
import { anchorAround, EditError, isFlow, parseForEdit, toModel, verifyEdit, type ParsedYaml } from './yaml-doc.js';
import { decidePin } from './uses-ref.js';
import { isReadOnly, jobNeeds, pushReason, writeScopes, type Access, type Scopes } from '../evidence/probes/permission-needs.js';
import { parseActionFile, parseUses, parseWorkflow, type ParsedWorkflow } from '../evidence/workflow.js';
import { tagRequired } from '../evidence/probes/pinning.js';
import { grants, onlyCalled, type WorkflowCaller } from '../evidence/probes/reusable-callers.js';
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
    readonly options: HardenOptions = {},
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
    if (ref.pinned) return this.checkPinComment(ref.name, ref.ref, start);
    if (tagRequired(ref)) return;
    const decision = decidePin(scalar.value, this.table, this.options.self);
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

  /**
   * A SHA pin whose version comment names another release than the pin table gives that commit
   * (copied from elsewhere and not updated): readers and update bots trust the comment.
   */
  checkPinComment(name: string, sha: string | undefined, start: number): void {
    const pin = this.table.actions[name];
    if (!pin?.tag || !sha || pin.sha !== sha) return;
    const text = this.parsed.text;
    const lineEnd = text.indexOf('\n', start);
    const comment = /#\s*(v?\d+(?:\.\d+){0,2})\b/.exec(text.slice(start, lineEnd < 0 ? undefined : lineEnd))?.[1];
    if (comment && comment.replace(/^v/, '') !== pin.tag.replace(/^v/, '') && !pin.tag.replace(/^v/, '').startsWith(`${comment.replace(/^v/, '')}.`)) {
      this.note(start, `${name}@${sha.slice(0, 12)}… is commented ${comment}, but that commit is ${pin.tag}; correct the comment so people and update bots read the right version`);
    }
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
    const reusable = pairOf(job, 'uses');
    if (reusable) this.pin(reusable.value, (m, v) => (obj(obj(m['jobs'])[jobId])['uses'] = v));
    const stepsNode = pairOf(job, 'steps')?.value;
    if (!isSeq(stepsNode)) return;
    const probed = this.probedJobs.get(jobId);
    // When the top level's writes are about to move to the jobs that need them, judge by that.
    const top = this.willRestrictTop() ? { contents: 'read' } : this.workflow.permissions;
    const pushes = probed ? pushReason(probed, top) : undefined;
    this.hardenSteps(`job "${jobId}"`, stepsNode, (m) => obj(obj(m['jobs'])[jobId])['steps'], pushes);
  }

  /**
   * Pin each step's `uses:` and add `persist-credentials: false` to checkouts, unless `pushes`
   * says why the credentials are needed. `stepsOf` finds the same sequence in a model of the file.
   */
  hardenSteps(where: string, stepsNode: YAMLSeq, stepsOf: (m: Model) => unknown, pushes: string | undefined): void {
    const current = stepsOf(this.model) as unknown[];
    stepsNode.items.forEach((step, index) => {
      if (!isMap(step)) return;
      const uses = pairOf(step, 'uses');
      const stepModel = (m: Model) => obj((stepsOf(m) as unknown[])[index]);
      if (uses) this.pin(uses.value, (m, v) => (stepModel(m)['uses'] = v));
      const usesValue = isScalar(uses?.value) ? String(uses.value.value) : '';
      if (!usesValue.startsWith('actions/checkout@')) return;
      if (obj(obj(current[index])['with'])['persist-credentials'] !== undefined) return;
      const at = (uses?.key as Scalar).range?.[0];
      if (pushes) return this.note(at, `checkout in ${where} keeps its credentials because ${pushes}`);
      this.addPersistCredentials(where, step, at ?? 0, stepModel);
    });
  }

  /**
   * A composite action (action.yml): its `runs.steps` are hardened like a job's steps. Nothing
   * else applies: an action has no `permissions:` (its callers' jobs grant the token).
   */
  runAction(callers: ActionCallers): void {
    const root = this.parsed.doc.contents;
    if (!isMap(root) || isFlow(root)) throw new EditError(this.file, 'is not a block mapping at the top level; left untouched');
    const runsPair = pairOf(root, 'runs');
    const runs = runsPair?.value;
    if (!isMap(runs) || isFlow(runs)) return this.note((runsPair?.key as Scalar | undefined)?.range?.[0] ?? 0, 'has no runs: mapping that can be edited (alias or flow style?); left untouched');
    const stepsNode = pairOf(runs, 'steps')?.value;
    if (!isSeq(stepsNode)) return;
    const probed = this.probedJobs.get('runs');
    // The token is the calling job's: its checkout credentials are needed if the action or any job that runs it pushes.
    const pushes =
      (probed ? pushReason(probed, undefined) : undefined) ??
      callers.pushes ??
      (callers.jobs === 0 ? 'no workflow of this repository runs this action, so whether its callers push with those credentials is not known' : undefined);
    this.hardenSteps('the composite action', stepsNode, (m) => obj(m['runs'])['steps'], pushes);
  }

  addPersistCredentials(where: string, step: YAMLMap, at: number, stepOf: (m: Model) => Model): void {
    const fix = 'add `with: persist-credentials: false` to the checkout step by hand';
    if (isFlow(step)) return this.note(at, `checkout step in ${where} is a flow mapping`, fix);
    if (pairOf(step, '<<')) return this.note(at, `checkout step in ${where} uses a merge key (<<)`, fix);
    const anchor = anchorAround(this.parsed, at);
    if (anchor) return this.note(at, `checkout step in ${where} is inside the anchor &${anchor}, which is reused elsewhere`, fix);
    const text = this.parsed.text;
    const withPair = pairOf(step, 'with');
    if (withPair) {
      const withMap = withPair.value;
      if (!isMap(withMap) || isFlow(withMap) || withMap.items.length === 0) return this.note(at, `checkout step in ${where} has a with: that is not a block mapping`, fix);
      const last = withMap.items[withMap.items.length - 1] as Pair;
      const column = columnOf(text, (withMap.items[0]?.key as Scalar).range?.[0] ?? 0);
      const offset = afterPair(text, last);
      this.edits.push({
        splice: { start: offset, end: offset, text: linesAt(text, offset, [`${' '.repeat(column)}persist-credentials: false`], this.eol) },
        apply: (m) => (obj(stepOf(m)['with'])['persist-credentials'] = false),
        change: `added persist-credentials: false to the checkout in ${where} (line ${lineOf(text, at)})`,
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
      change: `added persist-credentials: false to the checkout in ${where} (line ${lineOf(text, at)})`,
    });
  }

  /**
   * Least privilege from the permission table: a top-level `contents: read` where permissions are
   * missing or grant writes, and a job-level block for each job that needs a write, so `write-all`
   * becomes each write where it is used. Only when every affected job's steps are known: a wrong
   * guess starves a working job, so otherwise the workflow is reported and left as it is.
   */
  addPermissions(jobsPair: Pair, jobs: YAMLMap): void {
    const top = this.model['permissions'];
    const grantsWrite = top !== undefined && !isReadOnly(top);
    if (top !== undefined && !grantsWrite) return;
    const jobsKey = jobsPair.key as Scalar;
    const keyStart = jobsKey.range?.[0] ?? 0;
    const where = (this.options.callers ?? []).map((c) => `${c.file}:${c.line}`).join(', ');
    if (onlyCalled(this.workflow)) {
      // Its jobs run with the caller's token; a block here that asks for more breaks the caller.
      return this.note(keyStart, `is a reusable workflow (its only trigger is workflow_call): its jobs get the calling job's token, so its permissions are set where it is called${where ? ` (${where})` : ''}; left as is`);
    }
    // Jobs with their own permissions: keep them; every other job inherits the top level.
    const affected = this.workflow.jobs.filter((job) => job.permissions === undefined);
    const unknown = affected.map((job) => ({ job, needs: jobNeeds(job) })).filter((j) => !j.needs.known);
    const what = grantsWrite ? `top-level permissions grant ${top === 'write-all' ? 'write-all' : writeScopes(top).join(', ') + ' write'}` : 'has no top-level permissions:';
    if (unknown.length > 0) {
      const reasons = unknown.map(({ job, needs }) => `job "${job.id}": ${needs.unknown[0]}`);
      return this.note(
        grantsWrite ? this.offsetOfLine(this.workflow.permissionsLine) : keyStart,
        `${what}; left as is because what some jobs need is not known: ${reasons.join('; ')}`,
        'add `permissions: contents: read` at the top and a least-privilege `permissions:` block to each job (what each step needs: see the action\'s documentation)',
        'warning',
      );
    }
    // Moving writes never widens them: a job gets only what the top level granted before (a
    // workflow granting `issues: write` to lock-threads keeps it from pull requests and discussions).
    const granted = (scopes: Scopes): Scopes => {
      if (!grantsWrite || top === 'write-all') return scopes;
      const before = (typeof top === 'object' && top !== null ? top : {}) as Record<string, unknown>;
      return Object.fromEntries(
        Object.entries(scopes).filter(([scope, access]) => scope === 'contents' || before[scope] === 'write' || (access === 'read' && before[scope] === 'read')),
      ) as Scopes;
    };
    const writers = affected
      .map((job) => ({ job, scopes: granted(jobNeeds(job).scopes) }))
      .filter(({ scopes }) => Object.entries(scopes).some(([scope, access]) => !(scope === 'contents' && access === 'read')));
    // The maintainers' reasons for each scope travel with it to the jobs that get it.
    const reasons = grantsWrite ? this.topScopeComments() : new Map<string, ScopeReason>();
    const jobEdits: Edit[] = [];
    for (const { job, scopes } of writers) {
      const item = jobs.items.find((i) => isScalar(i.key) && String(i.key.value) === job.id);
      const edit = item && isMap(item.value) ? this.jobPermissions(job.id, item.value, scopes, columnOf(this.parsed.text, (item.key as Scalar).range?.[0] ?? 0), reasons) : undefined;
      if (!edit) {
        return this.note(keyStart, `${what}; left as is because job "${job.id}" needs ${describeScopes(scopes)} and its mapping cannot be edited safely`, `give job "${job.id}" \`permissions:\` with ${describeScopes(scopes)} and set the top level to contents: read`, 'warning');
      }
      jobEdits.push(edit);
    }
    if (writers.length > 0 && this.workflow.triggers.includes('workflow_call')) {
      // Also a reusable workflow: a job block must fit what every caller grants, or GitHub rejects the caller.
      const blocks = writers.map(({ job, scopes }) => ({ job, scopes: { contents: 'read', ...scopes } as Scopes }));
      const misfit = blocks.flatMap(({ job, scopes }) =>
        ((this.options.callers ?? []).length === 0 ? [undefined] : this.options.callers!).flatMap((caller) =>
          caller && Object.entries(scopes).every(([scope, access]) => grants(caller.permissions, scope, access)) ? [] : [`job "${job.id}" needs ${describeScopes(scopes)}, which ${caller ? `${caller.file}:${caller.line} may not grant` : 'callers in other repositories may not grant'}`],
        ),
      );
      if (misfit.length > 0) {
        return this.note(keyStart, `${what}; left as is because it is also a reusable workflow and a job block that asks for more than a caller grants makes GitHub reject the caller: ${misfit[0]}`, 'set least privilege in the calling jobs, or give each caller what the blocks ask for first', 'warning');
      }
    }
    const moved = writers.map(({ job, scopes }) => `${job.id}: ${describeScopes(scopes)}`).join('; ');
    const topEdit = grantsWrite ? this.replaceTopPermissions() : this.insertTopPermissions(jobsPair, jobs, keyStart);
    if (!topEdit) return;
    this.edits.push(topEdit, ...jobEdits);
    if (moved) this.edits[this.edits.length - jobEdits.length - 1]!.change += `; writes moved to the jobs that need them (${moved})`;
  }

  /** Whether addPermissions will replace a write-granting top level (every inheriting job is known). */
  willRestrictTop(): boolean {
    const top = this.model['permissions'];
    if (top === undefined || isReadOnly(top)) return false;
    return this.workflow.jobs.filter((job) => job.permissions === undefined).every((job) => jobNeeds(job).known);
  }

  offsetOfLine(line: number | undefined): number | undefined {
    if (line === undefined) return undefined;
    let offset = 0;
    for (let l = 1; l < line; l++) offset = afterLine(this.parsed.text, offset);
    return offset;
  }

  /** `permissions:` + `contents: read` above `jobs:` (and above the comment lines that introduce it). */
  insertTopPermissions(jobsPair: Pair, jobs: YAMLMap, keyStart: number): Edit {
    const text = this.parsed.text;
    let offset = lineStart(text, keyStart);
    while (offset > 0) {
      const previous = lineStart(text, offset - 1);
      if (!/^[ \t]*#/.test(text.slice(previous, offset))) break;
      offset = previous;
    }
    void jobsPair;
    const column = columnOf(text, keyStart);
    const childColumn = columnOf(text, (jobs.items[0]?.key as Scalar | undefined)?.range?.[0] ?? keyStart + 2);
    const unit = Math.max(childColumn - column, 1);
    const pad = ' '.repeat(column);
    // Where a blank line separates the top-level sections, the new one is set off the same way.
    const spaced = /\r?\n[ \t]*\r?\n$/.test(text.slice(0, offset));
    return {
      splice: { start: offset, end: offset, text: linesAt(text, offset, [`${pad}permissions:`, `${pad}${' '.repeat(unit)}contents: read`, ...(spaced ? [''] : [])], this.eol) },
      apply: (m) => (m['permissions'] = { contents: 'read' }),
      change: 'added top-level permissions: contents: read',
    };
  }

  /** The top-level `permissions:` value replaced by `contents: read` (its writes go to the jobs). */
  replaceTopPermissions(): Edit | undefined {
    const root = this.parsed.doc.contents as YAMLMap;
    const pair = pairOf(root, 'permissions');
    const key = pair?.key as Scalar | undefined;
    const value = pair?.value as { range?: [number, number, number] } | null | undefined;
    if (!pair || !key?.range || !value?.range || anchorAround(this.parsed, key.range[0]) || isAlias(pair.value)) {
      this.note(key?.range?.[0], 'top-level permissions grant writes but cannot be edited safely (anchor or alias)', 'set them to contents: read and grant each write in the job that needs it', 'warning');
      return undefined;
    }
    const text = this.parsed.text;
    const start = key.range[0];
    let end = value.range[1];
    // Keep what follows the value on its line (a comment) and the line ending.
    if (text[end - 1] === '\n') end -= text[end - 2] === '\r' ? 2 : 1;
    const column = columnOf(text, start);
    const unit = 2;
    const before = text.slice(start, end).split(/\r?\n/)[0];
    return {
      splice: { start, end, text: `permissions:${this.eol}${' '.repeat(column + unit)}contents: read` },
      apply: (m) => (m['permissions'] = { contents: 'read' }),
      change: `replaced top-level ${before?.trim()} with contents: read`,
    };
  }

  /**
   * The comments of the top-level `permissions:` block, per scope: the comment lines above a
   * scope's line and a comment after its value (e.g. "# Required to generate OIDC tokens").
   */
  topScopeComments(): Map<string, ScopeReason> {
    const comments = new Map<string, ScopeReason>();
    const pair = pairOf(this.parsed.doc.contents as YAMLMap, 'permissions');
    const start = (pair?.key as Scalar | undefined)?.range?.[0];
    const end = (pair?.value as { range?: [number, number, number] } | null | undefined)?.range?.[1];
    if (start === undefined || end === undefined) return comments;
    let pending: string[] = [];
    for (const line of this.parsed.text.slice(start, end).split(/\r?\n/).slice(1)) {
      const comment = /^\s*#\s?(.*)$/.exec(line);
      if (comment) {
        pending.push(comment[1]!.trimEnd());
        continue;
      }
      const scope = /^\s*([A-Za-z-]+)\s*:\s*([A-Za-z-]+)\s*(?:#\s?(.*))?$/.exec(line);
      if (scope) {
        const texts = [...pending, ...(scope[3] ? [scope[3].trimEnd()] : [])].filter((t) => t !== '');
        if (texts.length > 0) comments.set(scope[1]!, { access: scope[2]!, texts });
      }
      pending = [];
    }
    return comments;
  }

  /** A job-level `permissions:` block, inserted above the job's `steps:`. */
  jobPermissions(jobId: string, job: YAMLMap, scopes: Scopes, jobColumn: number, reasons: ReadonlyMap<string, ScopeReason> = new Map()): Edit | undefined {
    if (isFlow(job) || pairOf(job, '<<')) return undefined;
    const steps = pairOf(job, 'steps');
    const key = steps?.key as Scalar | undefined;
    if (!key?.range || anchorAround(this.parsed, key.range[0])) return undefined;
    const text = this.parsed.text;
    const column = columnOf(text, key.range[0]);
    const offset = lineStart(text, key.range[0]);
    if (text.slice(offset, key.range[0]).trim() !== '') return undefined;
    const unit = ' '.repeat(Math.max(column - jobColumn, 1));
    const block: Scopes = { contents: 'read' };
    for (const [scope, access] of Object.entries(scopes)) if (block[scope] !== 'write') block[scope] = access;
    const sorted: Array<[string, Access]> = Object.entries(block).sort(([a], [b]) => (a === 'contents' ? -1 : b === 'contents' ? 1 : a.localeCompare(b)));
    const pad = ' '.repeat(column);
    return {
      splice: {
        start: offset,
        end: offset,
        text: linesAt(text, offset, [`${pad}permissions:`, ...sorted.flatMap(([s, a]) => [...(reasons.get(s)?.access === a ? reasons.get(s)!.texts : []).map((reason) => `${pad}${unit}# ${reason}`), `${pad}${unit}${s}: ${a}`])], this.eol),
      },
      apply: (m) => (obj(obj(m['jobs'])[jobId])['permissions'] = Object.fromEntries(sorted)),
      change: `job "${jobId}": permissions ${describeScopes(Object.fromEntries(sorted))}`,
    };
  }
}

/** Why the maintainers granted a scope at the top level, as their comments said, with the access granted. */
interface ScopeReason {
  access: string;
  texts: string[];
}

function describeScopes(scopes: Scopes): string {
  return Object.entries(scopes).map(([scope, access]) => `${scope}: ${access}`).join(', ');
}

/** The jobs of this repository that run a composite action, as far as its checkout credentials go. */
export interface ActionCallers {
  /** How many workflow jobs run the action (directly or through another local action). */
  jobs: number;
  /** Why one of them pushes with the credentials a checkout leaves behind; undefined when none does. */
  pushes?: string | undefined;
}

/** The edits to make, planned on a parse that is released before the result is verified (large files). */
/** What a workflow's hardening needs to know about the repository around it. */
export interface HardenOptions {
  /** The jobs of this repository that call this workflow (when it is a reusable one). */
  callers?: readonly WorkflowCaller[];
  /** This repository's owner/name (its own workflows called by reference get their own advice). */
  self?: string | undefined;
}

function planEdits(file: string, text: string, table: PinTable, callers?: ActionCallers, options: HardenOptions = {}): { edits: Edit[]; findings: Finding[]; model: Model; workflow: ParsedWorkflow } {
  const parsed = parseForEdit(file, text);
  const model = obj(toModel(parsed.doc));
  const workflow = callers ? parseActionFile(file, text) : parseWorkflow(file, text);
  const hardener = new Hardener(file, parsed, model, table, workflow, options);
  if (callers) hardener.runAction(callers);
  else hardener.run();
  return { edits: hardener.edits, findings: hardener.findings, model, workflow };
}

function applyEdits(file: string, text: string, planned: ReturnType<typeof planEdits>): EditResult & { workflow: ParsedWorkflow } {
  const { edits, findings, model, workflow } = planned;
  if (edits.length === 0) return { after: text, changes: [], findings, workflow };
  const after = applySplices(text, edits.map((e) => e.splice));
  // The edits apply to the model in place: it is not used afterwards, so no copy is needed.
  for (const edit of edits) edit.apply(model);
  verifyEdit(file, after, model);
  return { after, changes: edits.map((e) => e.change), findings, workflow };
}

/** Harden one workflow; throws EditError when the file cannot be edited safely (left untouched). */
export function hardenWorkflow(file: string, text: string, table: PinTable = loadPins(), options: HardenOptions = {}): EditResult & { workflow: ParsedWorkflow } {
  return applyEdits(file, text, planEdits(file, text, table, undefined, options));
}

/**
 * Harden one composite action (action.yml with `runs.using: composite`): pins in `runs.steps` and
 * `persist-credentials: false` on its checkouts when neither it nor the jobs that run it push.
 * Throws EditError when the file cannot be edited safely (left untouched).
 */
export function hardenCompositeAction(file: string, text: string, callers: ActionCallers, table: PinTable = loadPins()): EditResult & { workflow: ParsedWorkflow } {
  return applyEdits(file, text, planEdits(file, text, table, callers));
}
