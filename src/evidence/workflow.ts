// GitHub Actions workflows and composite actions as the probes need them: triggers, permissions,
// jobs, steps, every `uses:` reference and every `run:` script, each with its 1-based line.
// GitHub's YAML reader accepts files the strict YAML 1.2 parser rejects (e.g. a quoted scalar whose
// continuation lines are under-indented): such a file is still read as far as the parser recovers
// it, and the problem is kept as a warning with its line instead of hiding the whole file.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode, type YAMLMap } from 'yaml';
import { githubReading } from './yaml-lenient.js';
import { longRunCheckpoint } from '../run-length.js';

export type UsesKind = 'action' | 'reusable-workflow' | 'docker' | 'local' | 'local-workflow';

export interface UsesRef {
  file: string;
  line: number;
  /** The `uses:` value as written ("owner/repo/path@ref"). */
  value: string;
  kind: UsesKind;
  /** "owner/repo" for remote references. */
  repo?: string;
  /** "owner/repo/sub/path" without the ref; for local references the path as written. */
  name: string;
  ref?: string;
  /** Pinned to a full commit SHA (or a docker image digest); local references count as pinned. */
  pinned: boolean;
  /** Step-level (`steps[].uses`) or job-level (`jobs.<id>.uses`, a reusable workflow call). */
  level: 'step' | 'job';
  /** The comment after the reference on its line (pins carry their tag there: "# v4.2.0"). */
  comment?: string;
}

export interface WorkflowStep {
  line: number;
  id?: string;
  name?: string;
  uses?: UsesRef;
  run?: string;
  runLine?: number;
  /** Offset of the `run:` value in the file (for edits and precise lines). */
  runOffset?: number;
  /** Whether the `run:` value is a block scalar (its text starts on the next line). */
  runBlock?: boolean;
  workingDirectory?: string;
  with: Record<string, unknown>;
  withLines: Record<string, number>;
  env: Record<string, unknown>;
}

export interface WorkflowJob {
  id: string;
  line: number;
  name?: string;
  /** Reusable workflow call. */
  uses?: UsesRef;
  with: Record<string, unknown>;
  /** undefined when the job declares no `permissions:`. */
  permissions?: unknown;
  permissionsLine?: number;
  runsOn?: unknown;
  container?: unknown;
  environment?: unknown;
  /** `defaults.run.working-directory` of the job. */
  workingDirectory?: string;
  steps: WorkflowStep[];
}

export interface YamlWarning {
  line: number;
  message: string;
}

export interface ParsedWorkflow {
  file: string;
  /** The file could not be read as a workflow at all (not YAML, or not a mapping). */
  error?: string;
  /** Problems the strict parser reported where it still recovered the document. */
  warnings: YamlWarning[];
  /** Event names under `on:`. */
  triggers: string[];
  triggerLines: Record<string, number>;
  /** Top-level `permissions:`; undefined when not declared. */
  permissions?: unknown;
  permissionsLine?: number;
  jobs: WorkflowJob[];
  uses: UsesRef[];
  /** The parsed document as plain data (for checks that need other keys). */
  data: Record<string, unknown>;
  /** The first lines of the file (comments included), for headers such as "generated, do not edit". */
  head: string;
}

const SHA = /^[0-9a-f]{40}$/;

export function parseUses(value: string, file: string, line: number, level: 'step' | 'job'): UsesRef {
  const base = { file, line, value, level };
  if (value.startsWith('./') || value.startsWith('../')) {
    const kind: UsesKind = /\.ya?ml$/.test(value) ? 'local-workflow' : 'local';
    return { ...base, kind, name: value, pinned: true };
  }
  if (value.startsWith('docker://')) {
    return { ...base, kind: 'docker', name: value.slice('docker://'.length).split(/[@:]/)[0] ?? value, pinned: /@sha256:[0-9a-f]{64}$/.test(value) };
  }
  const at = value.lastIndexOf('@');
  const name = at < 0 ? value : value.slice(0, at);
  const ref = at < 0 ? undefined : value.slice(at + 1);
  const parts = name.split('/');
  const repo = parts.length >= 2 ? `${parts[0]}/${parts[1]}` : name;
  const kind: UsesKind = /\/\.github\/workflows\/[^/]+\.ya?ml$/.test(name) ? 'reusable-workflow' : 'action';
  const result: UsesRef = { ...base, kind, name, repo, pinned: ref !== undefined && SHA.test(ref) };
  if (ref !== undefined) result.ref = ref;
  return result;
}

function lineOf(counter: LineCounter, node: YamlNode | null | undefined): number {
  const offset = node?.range?.[0];
  return offset === undefined ? 1 : counter.linePos(offset).line;
}

interface KeyValue {
  key: string;
  keyNode: YamlNode;
  value: YamlNode | null;
}

function pairs(node: unknown): KeyValue[] {
  if (!isMap(node)) return [];
  return (node as YAMLMap<YamlNode, YamlNode | null>).items.flatMap((item) => {
    const key = isScalar(item.key) ? String(item.key.value) : undefined;
    return key === undefined ? [] : [{ key, keyNode: item.key as YamlNode, value: item.value }];
  });
}

function get(node: unknown, key: string): KeyValue | undefined {
  return pairs(node).find((pair) => pair.key === key);
}

function toJS(node: YamlNode | null | undefined): unknown {
  if (node === null || node === undefined) return null;
  return (node as { toJSON: () => unknown }).toJSON();
}

function scalarText(node: unknown): string | undefined {
  return isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : undefined;
}

function parseSteps(file: string, stepsNode: unknown, counter: LineCounter): WorkflowStep[] {
  if (!isSeq(stepsNode)) return [];
  return stepsNode.items.map((stepNode) => {
    const step: WorkflowStep = { line: lineOf(counter, stepNode as YamlNode), with: {}, withLines: {}, env: {} };
    const id = scalarText(get(stepNode, 'id')?.value);
    if (id !== undefined) step.id = id;
    const name = scalarText(get(stepNode, 'name')?.value);
    if (name !== undefined) step.name = name;
    const uses = get(stepNode, 'uses');
    if (uses && isScalar(uses.value) && typeof uses.value.value === 'string') {
      step.uses = parseUses(uses.value.value.trim(), file, lineOf(counter, uses.keyNode), 'step');
    }
    const run = get(stepNode, 'run');
    if (run && isScalar(run.value)) {
      step.run = String(run.value.value);
      step.runLine = lineOf(counter, run.keyNode);
      if (run.value.range) step.runOffset = run.value.range[0];
      step.runBlock = run.value.type === 'BLOCK_LITERAL' || run.value.type === 'BLOCK_FOLDED';
    }
    const workingDirectory = scalarText(get(stepNode, 'working-directory')?.value);
    if (workingDirectory !== undefined) step.workingDirectory = workingDirectory;
    for (const pair of pairs(get(stepNode, 'with')?.value)) {
      step.with[pair.key] = toJS(pair.value);
      step.withLines[pair.key] = lineOf(counter, pair.keyNode);
    }
    for (const pair of pairs(get(stepNode, 'env')?.value)) step.env[pair.key] = toJS(pair.value);
    return step;
  });
}

/** The leading lines of a file (its header comments), however long each line is. */
function headOf(text: string): string {
  return text.split('\n', 20).join('\n').slice(0, 64 * 1024);
}

/** Attach the trailing comment of each reference's line (the version a SHA pin stands for). */
function attachComments(refs: UsesRef[], text: string): void {
  if (refs.length === 0) return;
  const lines = text.split('\n');
  for (const ref of refs) {
    const comment = /\s#\s*(.+?)\s*$/.exec(lines[ref.line - 1] ?? '')?.[1];
    if (comment) ref.comment = comment;
  }
}

function emptyWorkflow(file: string, text: string, error?: string): ParsedWorkflow {
  const workflow: ParsedWorkflow = { file, warnings: [], triggers: [], triggerLines: {}, jobs: [], uses: [], data: {}, head: headOf(text) };
  if (error !== undefined) workflow.error = error;
  return workflow;
}

/** Why strict YAML rejects a quoted value GitHub reads. */
export function underIndented(continuations: number[]): string {
  const where = continuations.length === 1 ? `line ${continuations[0]}` : `lines ${continuations.join(', ')}`;
  return `the quoted value opened on this line continues on ${where}, indented less than its key: GitHub reads it, strict YAML 1.2 rejects it`;
}

interface Parsed {
  doc: Document.Parsed;
  counter: LineCounter;
  warnings: YamlWarning[];
}

function parseDoc(file: string, text: string): Parsed | { error: string } {
  longRunCheckpoint();
  let counter = new LineCounter();
  let doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false });
  // Read the file as GitHub does when only under-indented quoted values stand in the way (same lines).
  const reading = doc.errors.length > 0 ? githubReading(text) : undefined;
  if (reading) {
    counter = new LineCounter();
    doc = parseDocument(reading.text, { lineCounter: counter, uniqueKeys: false });
  }
  const warnings = reading
    ? reading.repairs.map(({ line, continuations }) => ({ line, message: underIndented(continuations) }))
    : doc.errors.map((error) => ({
        line: error.linePos?.[0]?.line ?? counter.linePos(error.pos[0]).line,
        message: error.message.split('\n')[0] ?? 'invalid YAML',
      }));
  if (!isMap(doc.contents)) return { error: warnings[0]?.message ?? `${file} is not a YAML mapping` };
  return { doc, counter, warnings };
}

/** A workflow file; never throws (a file that cannot be read as one is returned with `error`). */
export function parseWorkflow(file: string, text: string): ParsedWorkflow {
  const parsed = parseDoc(file, text);
  if ('error' in parsed) return emptyWorkflow(file, text, parsed.error);
  const { doc, counter } = parsed;
  const workflow = emptyWorkflow(file, text);
  workflow.warnings = parsed.warnings;
  workflow.data = (doc.toJSON() ?? {}) as Record<string, unknown>;
  // YAML 1.1 readers turn a bare `on` key into `true`; the yaml package (1.2) keeps "on".
  const on = get(doc.contents, 'on') ?? get(doc.contents, 'true');
  if (on) {
    if (isScalar(on.value)) {
      workflow.triggers.push(String(on.value.value));
      workflow.triggerLines[String(on.value.value)] = lineOf(counter, on.keyNode);
    } else if (isSeq(on.value)) {
      for (const item of on.value.items) {
        if (isScalar(item)) {
          workflow.triggers.push(String(item.value));
          workflow.triggerLines[String(item.value)] = lineOf(counter, item as YamlNode);
        }
      }
    } else {
      for (const pair of pairs(on.value)) {
        workflow.triggers.push(pair.key);
        workflow.triggerLines[pair.key] = lineOf(counter, pair.keyNode);
      }
    }
  }
  const permissions = get(doc.contents, 'permissions');
  if (permissions) {
    workflow.permissions = toJS(permissions.value);
    workflow.permissionsLine = lineOf(counter, permissions.keyNode);
  }
  for (const pair of pairs(get(doc.contents, 'jobs')?.value)) {
    const job: WorkflowJob = { id: pair.key, line: lineOf(counter, pair.keyNode), with: {}, steps: [] };
    const name = scalarText(get(pair.value, 'name')?.value);
    if (name !== undefined) job.name = name;
    const uses = get(pair.value, 'uses');
    if (uses && isScalar(uses.value) && typeof uses.value.value === 'string') {
      job.uses = parseUses(uses.value.value.trim(), file, lineOf(counter, uses.keyNode), 'job');
      workflow.uses.push(job.uses);
    }
    const withPair = get(pair.value, 'with');
    if (withPair) job.with = (toJS(withPair.value) ?? {}) as Record<string, unknown>;
    const jobPermissions = get(pair.value, 'permissions');
    if (jobPermissions) {
      job.permissions = toJS(jobPermissions.value);
      job.permissionsLine = lineOf(counter, jobPermissions.keyNode);
    }
    const runsOn = get(pair.value, 'runs-on');
    if (runsOn) job.runsOn = toJS(runsOn.value);
    const container = get(pair.value, 'container');
    if (container) job.container = toJS(container.value);
    const environment = get(pair.value, 'environment');
    if (environment) job.environment = toJS(environment.value);
    const workingDirectory = scalarText(get(get(get(pair.value, 'defaults')?.value, 'run')?.value, 'working-directory')?.value);
    if (workingDirectory !== undefined) job.workingDirectory = workingDirectory;
    job.steps = parseSteps(file, get(pair.value, 'steps')?.value, counter);
    for (const step of job.steps) if (step.uses) workflow.uses.push(step.uses);
    workflow.jobs.push(job);
  }
  attachComments(workflow.uses, text);
  return workflow;
}

/** A composite action (action.yml): its steps become one pseudo-job named "runs". */
export function parseActionFile(file: string, text: string): ParsedWorkflow {
  const parsed = parseDoc(file, text);
  if ('error' in parsed) return emptyWorkflow(file, text, parsed.error);
  const { doc, counter } = parsed;
  const action = emptyWorkflow(file, text);
  action.warnings = parsed.warnings;
  action.data = (doc.toJSON() ?? {}) as Record<string, unknown>;
  const runs = get(doc.contents, 'runs');
  if (!runs) return action;
  const job: WorkflowJob = { id: 'runs', line: lineOf(counter, runs.keyNode), with: {}, steps: parseSteps(file, get(runs.value, 'steps')?.value, counter) };
  for (const step of job.steps) if (step.uses) action.uses.push(step.uses);
  action.jobs.push(job);
  attachComments(action.uses, text);
  return action;
}

/** 1-based line of the first line of a step's `run:` script matching a pattern (undefined when none does). */
export function runLineMatching(step: WorkflowStep, pattern: RegExp): number | undefined {
  if (step.run === undefined || step.runLine === undefined) return undefined;
  const re = new RegExp(pattern.source, pattern.flags.replace('g', ''));
  const lines = step.run.split('\n');
  const index = lines.findIndex((line) => re.test(line));
  if (index < 0) return re.test(step.run) ? step.runLine : undefined;
  return step.runBlock ? step.runLine + 1 + index : step.runLine + index;
}
