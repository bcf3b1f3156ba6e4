// GitHub Actions workflows and composite actions as `check` needs them: triggers, permissions,
// jobs, steps, every `uses:` reference and every `run:` script, each with its 1-based line.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';

export type UsesKind = 'action' | 'reusable-workflow' | 'docker' | 'local';

export interface UsesRef {
  file: string;
  line: number;
  /** The `uses:` value as written ("owner/repo/path@ref"). */
  value: string;
  kind: UsesKind;
  /** "owner/repo" for remote references. */
  repo?: string;
  /** "owner/repo/sub/path" without the ref. */
  name: string;
  ref?: string;
  /** Pinned to a full commit SHA (or a docker image digest). */
  pinned: boolean;
  /** Step-level (`steps[].uses`) or job-level (`jobs.<id>.uses`, a reusable workflow call). */
  level: 'step' | 'job';
}

export interface WorkflowStep {
  line: number;
  name?: string;
  uses?: UsesRef;
  run?: string;
  runLine?: number;
  with: Record<string, unknown>;
  withLines: Record<string, number>;
}

export interface WorkflowJob {
  id: string;
  line: number;
  /** Reusable workflow call. */
  uses?: UsesRef;
  with: Record<string, unknown>;
  /** undefined when the job declares no `permissions:`. */
  permissions?: unknown;
  permissionsLine?: number;
  steps: WorkflowStep[];
}

export interface ParsedWorkflow {
  file: string;
  /** Parse error (the file is not YAML, or not a mapping). */
  error?: string;
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
}

const SHA = /^[0-9a-f]{40}$/;

export function parseUses(value: string, file: string, line: number, level: 'step' | 'job'): UsesRef {
  const base = { file, line, value, level };
  if (value.startsWith('./') || value.startsWith('../')) return { ...base, kind: 'local', name: value, pinned: true };
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

function pairs(node: unknown): Array<{ key: string; keyNode: YamlNode; value: YamlNode | null }> {
  if (!isMap(node)) return [];
  return (node as YAMLMap<YamlNode, YamlNode | null>).items.flatMap((item) => {
    const key = isScalar(item.key) ? String(item.key.value) : undefined;
    return key === undefined ? [] : [{ key, keyNode: item.key as YamlNode, value: item.value }];
  });
}

function get(node: unknown, key: string) {
  return pairs(node).find((pair) => pair.key === key);
}

function toJS(node: YamlNode | null | undefined): unknown {
  if (node === null || node === undefined) return null;
  return (node as { toJSON: () => unknown }).toJSON();
}

function parseSteps(file: string, stepsNode: unknown, counter: LineCounter): WorkflowStep[] {
  if (!isSeq(stepsNode)) return [];
  return stepsNode.items.map((stepNode) => {
    const step: WorkflowStep = { line: lineOf(counter, stepNode as YamlNode), with: {}, withLines: {} };
    const name = get(stepNode, 'name');
    if (name && isScalar(name.value)) step.name = String(name.value.value);
    const uses = get(stepNode, 'uses');
    if (uses && isScalar(uses.value) && typeof uses.value.value === 'string') {
      step.uses = parseUses(uses.value.value.trim(), file, lineOf(counter, uses.keyNode), 'step');
    }
    const run = get(stepNode, 'run');
    if (run && isScalar(run.value)) {
      step.run = String(run.value.value);
      step.runLine = lineOf(counter, run.keyNode);
    }
    const withPair = get(stepNode, 'with');
    for (const pair of pairs(withPair?.value)) {
      step.with[pair.key] = toJS(pair.value);
      step.withLines[pair.key] = lineOf(counter, pair.keyNode);
    }
    return step;
  });
}

function emptyWorkflow(file: string, error?: string): ParsedWorkflow {
  const workflow: ParsedWorkflow = { file, triggers: [], triggerLines: {}, jobs: [], uses: [], data: {} };
  if (error !== undefined) workflow.error = error;
  return workflow;
}

function parseDoc(file: string, text: string): { doc: ReturnType<typeof parseDocument>; counter: LineCounter } | { error: string } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false });
  if (doc.errors.length > 0) return { error: doc.errors[0]!.message.split('\n')[0] ?? 'invalid YAML' };
  if (!isMap(doc.contents)) return { error: `${file} is not a YAML mapping` };
  return { doc, counter };
}

/** A workflow file; never throws (a broken file is returned with `error`). */
export function parseWorkflow(file: string, text: string): ParsedWorkflow {
  const parsed = parseDoc(file, text);
  if ('error' in parsed) return emptyWorkflow(file, parsed.error);
  const { doc, counter } = parsed;
  const workflow = emptyWorkflow(file);
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
    job.steps = parseSteps(file, get(pair.value, 'steps')?.value, counter);
    for (const step of job.steps) if (step.uses) workflow.uses.push(step.uses);
    workflow.jobs.push(job);
  }
  return workflow;
}

/** A composite action (action.yml): its steps become one pseudo-job named "runs". */
export function parseActionFile(file: string, text: string): ParsedWorkflow {
  const parsed = parseDoc(file, text);
  if ('error' in parsed) return emptyWorkflow(file, parsed.error);
  const { doc, counter } = parsed;
  const action = emptyWorkflow(file);
  action.data = (doc.toJSON() ?? {}) as Record<string, unknown>;
  const runs = get(doc.contents, 'runs');
  if (!runs) return action;
  const job: WorkflowJob = { id: 'runs', line: lineOf(counter, runs.keyNode), with: {}, steps: parseSteps(file, get(runs.value, 'steps')?.value, counter) };
  for (const step of job.steps) if (step.uses) action.uses.push(step.uses);
  action.jobs.push(job);
  return action;
}
