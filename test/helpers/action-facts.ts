// Checks generated workflows against data/action-inputs.json: the inputs, argument strings,
// token permissions, caches and runtimes of every action, as read at its pinned commit.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '../..');

export type Condition =
  | 'private-repository'
  | { input: string; equals?: string; oneOf?: string[]; present?: boolean; and?: Condition };

export interface PermissionFact {
  scope: string;
  access: 'read' | 'write';
  when?: Condition;
  source: string;
}

export interface ActionFacts {
  commit: string;
  ref: string;
  kind: 'action' | 'reusable-workflow';
  runsUsing: string | null;
  deprecatedRuntime?: boolean;
  inputs: Record<string, { required: boolean; default: string | null }>;
  fixedArguments?: Record<string, string[] | string>;
  permissions: PermissionFact[];
  cache: { byDefault: boolean; off?: Record<string, string>; enabledBy?: string; source: string } | null;
  exportsEnv?: Record<string, string>;
  filters?: Record<string, { source: string }>;
}

let facts: Record<string, ActionFacts> | undefined;

export function actionFacts(): Record<string, ActionFacts> {
  facts ??= (JSON.parse(readFileSync(path.join(root, 'data/action-inputs.json'), 'utf8')) as { actions: Record<string, ActionFacts> }).actions;
  return facts;
}

/** `owner/repo[/path]@ref` -> `owner/repo[/path]`. */
export function actionName(uses: string): string {
  return uses.replace(/@.*$/, '');
}

/** Text of every ADR, for the runtimes an ADR allows. */
function adrTexts(): string[] {
  const dir = path.join(root, 'docs/adr');
  return readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => readFileSync(path.join(dir, f), 'utf8'));
}

/** Whether an ADR names the action and says it stays on node20. */
export function adrAllowsNode20(name: string): boolean {
  return adrTexts().some((text) => text.includes(name) && /node20/.test(text));
}

const str = (value: unknown): string | undefined => (value === undefined || value === null ? undefined : String(value));

/** `present` asks whether the workflow sets the input; the other tests see the defaults too. */
function holds(condition: Condition | undefined, effective: Record<string, string | undefined>, given: Record<string, string | undefined>): boolean {
  if (condition === undefined || condition === 'private-repository') return true; // generated workflows must work in private repositories
  const value = (effective[condition.input] ?? '').toLowerCase();
  let ok = true;
  if (condition.equals !== undefined) ok = value === condition.equals.toLowerCase();
  if (condition.oneOf) ok = condition.oneOf.map((v) => v.toLowerCase()).includes(value);
  if (condition.present !== undefined) ok = (given[condition.input] !== undefined) === condition.present;
  return ok && holds(condition.and, effective, given);
}

type Permissions = string | Record<string, string> | undefined;

function grants(permissions: Permissions, scope: string, access: 'read' | 'write'): boolean {
  if (permissions === 'write-all') return true;
  if (permissions === 'read-all') return access === 'read';
  if (!permissions || typeof permissions !== 'object') return false;
  const granted = permissions[scope];
  return granted === 'write' || (granted === 'read' && access === 'read');
}

export interface Violation {
  file: string;
  job: string;
  step?: string;
  rule: 'unknown-action' | 'unknown-input' | 'missing-input' | 'repeated-argument' | 'missing-permission' | 'cache-in-release' | 'node20' | 'pin-comment';
  detail: string;
}

interface Uses {
  job: string;
  step?: string;
  uses: string;
  with: Record<string, unknown>;
  permissions: Permissions;
}

function usesOf(workflow: any): Uses[] {
  const list: Uses[] = [];
  for (const [job, body] of Object.entries<any>(workflow.jobs ?? {})) {
    const permissions = (body.permissions ?? workflow.permissions) as Permissions;
    if (typeof body.uses === 'string') list.push({ job, uses: body.uses, with: body.with ?? {}, permissions });
    for (const [index, step] of (body.steps ?? []).entries()) {
      if (typeof step.uses === 'string' && !step.uses.startsWith('./') && !step.uses.startsWith('docker://')) {
        list.push({ job, step: step.name ?? `#${index}`, uses: step.uses, with: step.with ?? {}, permissions });
      }
    }
  }
  return list;
}

/** Every way a generated workflow disagrees with what its actions need. */
export function checkWorkflow(file: string, source: string, options: { release: boolean }): Violation[] {
  const all = actionFacts();
  const violations: Violation[] = [];
  // Pins: a SHA always carries a comment naming the tag or branch it was resolved from.
  for (const line of source.split('\n')) {
    const match = /uses:\s*([^@\s]+)@([0-9a-f]{40})(.*)$/.exec(line);
    if (!match) continue;
    const expected = all[match[1] as string]?.ref;
    if (!expected || match[3]?.trim() !== `# ${expected}`) {
      violations.push({ file, job: '', rule: 'pin-comment', detail: `${match[1]}@${(match[2] as string).slice(0, 7)} needs the comment "# ${expected ?? '<ref>'}"` });
    }
  }
  for (const use of usesOf(parse(source))) {
    const name = actionName(use.uses);
    const at = { file, job: use.job, ...(use.step ? { step: use.step } : {}) };
    const action = all[name];
    if (!action) {
      violations.push({ ...at, rule: 'unknown-action', detail: name });
      continue;
    }
    const given = Object.fromEntries(Object.entries(use.with).map(([k, v]) => [k, str(v)]));
    const effective: Record<string, string | undefined> = {
      ...Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default ?? undefined])),
      ...given,
    };
    for (const key of Object.keys(given)) {
      if (!(key in action.inputs)) violations.push({ ...at, rule: 'unknown-input', detail: `${name} has no input "${key}"` });
    }
    for (const [key, input] of Object.entries(action.inputs)) {
      if (input.required && input.default === null && given[key] === undefined) {
        violations.push({ ...at, rule: 'missing-input', detail: `${name} requires "${key}"` });
      }
    }
    for (const [key, flags] of Object.entries(action.fixedArguments ?? {})) {
      if (!Array.isArray(flags)) continue;
      const tokens = (given[key] ?? '').split(/\s+/);
      for (const flag of flags) {
        if (tokens.some((t) => t === flag || t.startsWith(`${flag}=`))) {
          violations.push({ ...at, rule: 'repeated-argument', detail: `${name} already passes ${flag} before "${key}"` });
        }
      }
    }
    for (const need of action.permissions) {
      if (holds(need.when, effective, given) && !grants(use.permissions, need.scope, need.access)) {
        const when = need.when === 'private-repository' ? ' (private and internal repositories)' : need.when ? ' (for the inputs given)' : '';
        violations.push({ ...at, rule: 'missing-permission', detail: `${name} needs ${need.scope}: ${need.access}${when}` });
      }
    }
    if (options.release && action.cache) {
      const cache = action.cache;
      const offNow = Object.entries(cache.off ?? {}).every(([k, v]) => (given[k] ?? '').toLowerCase() === v);
      const enabled = cache.enabledBy !== undefined && !['', 'false'].includes((given[cache.enabledBy] ?? '').toLowerCase());
      if ((cache.byDefault && (!cache.off || !offNow)) || enabled) {
        violations.push({ ...at, rule: 'cache-in-release', detail: `${name} restores a cache here; set ${JSON.stringify(cache.off ?? {})}` });
      }
    }
    if (action.deprecatedRuntime && !adrAllowsNode20(name)) {
      violations.push({ ...at, rule: 'node20', detail: `${name} runs on ${action.runsUsing} and no ADR allows it` });
    }
  }
  return violations;
}
