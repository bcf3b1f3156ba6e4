// Everything GitHub Actions runs in this repository, as "units": each action a step or job uses,
// each `run:` script, and what those scripts call in the repository — Makefile targets (with
// their prerequisites and recursive `$(MAKE)` calls), package-manager scripts, shell scripts and
// tox environments — plus the steps of local composite actions and local reusable workflows.
// A reusable workflow that only runs on `workflow_call` inherits its callers' triggers, so a
// CodeQL workflow called from the pull-request CI counts as running on pull requests.
import path from 'node:path';
import { parse as parseIni } from './ini.js';
import type { RepoView } from './repo-view.js';
import type { ParsedWorkflow, UsesRef, WorkflowJob, WorkflowStep } from './workflow.js';
import { defaultGoal, defaultMakefile, expandVariables, makeCalls, parseMakefile, rulesFor, type MakeRule, type Makefile } from './makefile.js';

export interface Unit {
  /** The workflow GitHub runs. */
  entry: ParsedWorkflow;
  /** The entry's triggers, `workflow_call` replaced by its callers' triggers. */
  triggers: string[];
  /** The entry publishes releases, or is a reusable workflow a release workflow calls. */
  onRelease?: boolean;
  /** The entry's job. */
  job: WorkflowJob;
  step?: WorkflowStep;
  /** An action (step level) or a remote reusable workflow (job level). */
  uses?: UsesRef;
  /** Command text: a `run:` script, a recipe line, a package script or a script file. */
  text?: string;
  /** Where the action or text is written, and its first line. */
  file: string;
  firstLine: number;
  /** How a workflow reaches it, outermost first (e.g. ".github/workflows/ci.yml (lint)", "make lint"). */
  via: string[];
}

const MAX_DEPTH = 5;
const MAX_MAKE_TARGETS = 400;

function normalise(file: string): string {
  return path.posix.normalize(file).replace(/^\.\//, '');
}

/** Effective triggers of every workflow: `workflow_call` replaced by the callers' (transitively). */
function effectiveTriggers(workflows: ParsedWorkflow[], selfSlug: string | undefined): Map<string, string[]> {
  const callers = new Map<string, string[]>();
  for (const workflow of workflows) {
    for (const job of workflow.jobs) {
      const callee = localWorkflowPath(job.uses, selfSlug);
      if (callee) callers.set(callee, [...(callers.get(callee) ?? []), workflow.file]);
    }
  }
  const result = new Map<string, string[]>();
  const resolve = (file: string, seen: Set<string>): string[] => {
    const known = result.get(file);
    if (known) return known;
    const workflow = workflows.find((w) => w.file === file);
    if (!workflow) return [];
    const own = workflow.triggers.filter((t) => t !== 'workflow_call');
    const inherited = workflow.triggers.includes('workflow_call')
      ? (callers.get(file) ?? []).filter((caller) => !seen.has(caller)).flatMap((caller) => resolve(caller, new Set([...seen, file])))
      : [];
    const triggers = [...new Set([...own, ...inherited])];
    if (seen.size === 0) result.set(file, triggers);
    return triggers;
  };
  for (const workflow of workflows) result.set(workflow.file, resolve(workflow.file, new Set()));
  return result;
}

/** A workflow that publishes releases: on `release`, on tag pushes, or named for releasing. */
export function isReleaseWorkflow(entry: ParsedWorkflow, triggers: string[]): boolean {
  if (triggers.includes('release')) return true;
  const on = entry.data['on'] ?? entry.data['true'];
  const push = on && typeof on === 'object' && !Array.isArray(on) ? (on as Record<string, unknown>)['push'] : undefined;
  if (push && typeof push === 'object' && push !== null && ('tags' in push || 'tags-ignore' in push)) return true;
  return /(^|\/)[^/]*(release|publish|deliver)[^/]*\.ya?ml$/i.test(entry.file);
}

/**
 * Release workflows and the reusable workflows of this repository they call, transitively: a
 * `workflow_call` workflow inherits its callers' event names, but not their `tags:` filter.
 */
function releaseEntries(workflows: ParsedWorkflow[], triggers: Map<string, string[]>, selfSlug: string | undefined): Set<string> {
  const release = new Set(workflows.filter((w) => isReleaseWorkflow(w, triggers.get(w.file) ?? w.triggers)).map((w) => w.file));
  for (let grew = true; grew; ) {
    grew = false;
    for (const workflow of workflows) {
      if (!release.has(workflow.file)) continue;
      for (const job of workflow.jobs) {
        const callee = localWorkflowPath(job.uses, selfSlug);
        if (callee && !release.has(callee)) {
          release.add(callee);
          grew = true;
        }
      }
    }
  }
  return release;
}

/** The repository path of a reusable workflow this repository calls on itself (`./…` or `<self>/…@ref`). */
export function localWorkflowPath(uses: UsesRef | undefined, selfSlug: string | undefined): string | undefined {
  if (!uses) return undefined;
  if (uses.kind === 'local-workflow') return normalise(uses.name);
  if (uses.kind === 'reusable-workflow' && selfSlug && uses.repo?.toLowerCase() === selfSlug.toLowerCase()) return uses.name.slice(uses.repo.length + 1);
  return undefined;
}

class Reach {
  readonly units: Unit[] = [];
  private readonly emitted = new Set<string>();
  private readonly makefiles = new Map<string, Makefile | undefined>();

  constructor(
    private readonly repo: RepoView,
    private readonly selfSlug: string | undefined,
  ) {}

  run(): Unit[] {
    const workflows = this.repo.workflows().filter((w) => !w.error);
    const triggers = effectiveTriggers(workflows, this.selfSlug);
    const release = releaseEntries(workflows, triggers, this.selfSlug);
    for (const entry of workflows) {
      const context = { entry, triggers: triggers.get(entry.file) ?? entry.triggers, onRelease: release.has(entry.file) };
      for (const job of entry.jobs) {
        const via = [`${entry.file} (${job.id})`];
        if (localWorkflowPath(job.uses, this.selfSlug)) continue; // the callee is an entry of its own, with these triggers
        if (job.uses) {
          this.units.push({ ...context, job, uses: job.uses, file: entry.file, firstLine: job.uses.line, via });
          this.remoteWorkflow(context, job.uses, via, 0);
        }
        for (const step of job.steps) this.step(context, job, step, entry.file, job.workingDirectory ?? '.', via, 0);
      }
    }
    return this.units;
  }

  /** The jobs of another repository's reusable workflow, read by --online, run with the caller's triggers. */
  private remoteWorkflow(context: Pick<Unit, 'entry' | 'triggers' | 'onRelease'>, uses: UsesRef, via: string[], depth: number): void {
    const callee = depth < MAX_DEPTH ? this.repo.remote.workflow(uses) : undefined;
    if (!callee) return;
    for (const job of callee.jobs) {
      const jobVia = [...via, `${uses.value} (${job.id})`];
      if (job.uses) {
        this.units.push({ ...context, job, uses: job.uses, file: callee.file, firstLine: job.uses.line, via: jobVia });
        this.remoteWorkflow(context, job.uses, jobVia, depth + 1);
      }
      for (const step of job.steps) this.step(context, job, step, callee.file, job.workingDirectory ?? '.', jobVia, depth + 1);
    }
  }

  private step(context: Pick<Unit, 'entry' | 'triggers' | 'onRelease'>, job: WorkflowJob, step: WorkflowStep, file: string, workdir: string, via: string[], depth: number): void {
    if (step.uses) {
      this.units.push({ ...context, job, step, uses: step.uses, file: step.uses.file, firstLine: step.uses.line, via });
      if (step.uses.kind === 'local' && depth < MAX_DEPTH) {
        const action = this.repo.localAction(step.uses.name);
        for (const inner of action?.jobs[0]?.steps ?? []) this.step(context, job, inner, action!.file, '.', [...via, step.uses.name], depth + 1);
      }
      // A shared composite action of another repository, read by --online.
      const remote = step.uses.kind === 'action' && depth < MAX_DEPTH ? this.repo.remote.action(step.uses) : undefined;
      for (const inner of remote?.jobs[0]?.steps ?? []) this.step(context, job, inner, remote!.file, '.', [...via, step.uses.value], depth + 1);
    }
    if (step.run !== undefined) {
      const firstLine = step.runBlock ? (step.runLine ?? step.line) + 1 : (step.runLine ?? step.line);
      this.units.push({ ...context, job, step, text: step.run, file, firstLine, via });
      for (const variant of matrixVariants(context.entry, job.id, step.run)) this.command(context, job, step, variant, normalise(step.workingDirectory ?? workdir), via, depth);
    }
  }

  /** Follow what a command text calls in the repository. */
  private command(context: Pick<Unit, 'entry' | 'triggers' | 'onRelease'>, job: WorkflowJob, step: WorkflowStep, text: string, workdir: string, via: string[], depth: number): void {
    if (depth >= MAX_DEPTH) return;
    const emit = (unitText: string, file: string, firstLine: number, label: string, dir: string) => {
      // One step reaches the same recipe line or script once, whatever the path.
      const key = `${context.entry.file}|${job.id}|${step.line}|${file}:${firstLine}`;
      if (this.emitted.has(key)) return;
      this.emitted.add(key);
      const unitVia = [...via, label];
      this.units.push({ ...context, job, step, text: unitText, file, firstLine, via: unitVia });
      this.command(context, job, step, unitText, dir, unitVia, depth + 1);
    };
    for (const call of makeCalls(text)) {
      const dir = normalise(path.posix.join(workdir, call.directory ?? '.'));
      const makefileName = call.makefile ? normalise(path.posix.join(dir, call.makefile)) : defaultMakefile(dir, (f) => this.repo.has(f));
      if (!makefileName) continue;
      const { rules, variables } = this.rules(makefileName);
      const goal = defaultGoal(rules);
      const targets = call.targets.length > 0 || call.dynamic ? call.targets : goal ? [goal] : [];
      for (const line of this.recipes(rules, targets)) emit(expandVariables(line.text, variables), line.file, line.line, `make ${line.target}`, dir);
    }
    // A package script, also in another directory: `npm --prefix ui run x`, `pnpm -C ui x`, `yarn --cwd ui x`.
    for (const match of text.matchAll(/(?:^|[\s;&|(`@+])(npm|pnpm|yarn|bun)((?:\s+(?:--prefix|--dir|--cwd|-C)(?:=|\s+)[^\s;&|)`'"]+)*)\s+(?:(?:run|run-script)\s+)?([\w:./-]+)/g)) {
      const name = match[3]!;
      if (/^(install|ci|add|remove|exec|dlx|x|publish|pack|audit|outdated|i|update|upgrade|init|config|set|version|view|info|why|ls|list|link|cache|login|whoami)$/.test(name)) continue;
      const prefix = /(?:--prefix|--dir|--cwd|-C)(?:=|\s+)(\S+)\s*$/.exec(match[2] ?? '')?.[1];
      const dir = prefix ? normalise(path.posix.join(workdir, prefix)) : workdir;
      const manifest = path.posix.join(dir === '.' ? '' : dir, 'package.json');
      const scripts = this.packageScripts(manifest);
      const script = scripts?.[name];
      if (typeof script === 'string') emit(script, manifest, this.lineOf(manifest, `"${name}"`), `${match[1]} ${name}`, dir);
    }
    // Shell scripts: *.sh anywhere, and extension-less scripts named by a path (./x, scripts/x, hack/x).
    const scripts = /(?:^|[\s;&|(`@+-])(?:(?:bash|sh|zsh|source|\.)\s+)?((?:\.{1,2}\/)?(?:[\w.@-]+\/)*[\w.@-]+\.(?:sh|bash)|\.\/(?:[\w.@-]+\/)*[\w@-]+|(?:scripts?|hack|build|tools|ci|\.ci)\/(?:[\w.@-]+\/)*[\w@-]+)(?=$|[\s;&|)`])/gm;
    for (const match of text.matchAll(scripts)) {
      const candidate = [normalise(path.posix.join(workdir, match[1]!)), normalise(match[1]!)].find((file) => this.repo.has(file));
      if (!candidate) continue;
      const content = this.repo.read(candidate);
      if (content !== undefined) emit(content, candidate, 1, candidate, path.posix.dirname(candidate));
    }
    for (const match of text.matchAll(/\btox\b[^\n]*?\s-e\s*([\w,.-]+)/g)) {
      const ini = this.repo.read(normalise(path.posix.join(workdir, 'tox.ini')));
      if (ini === undefined) continue;
      const sections = parseIni(ini);
      for (const env of match[1]!.split(',')) {
        const commands = sections.get(`testenv:${env}`)?.get('commands');
        if (commands) emit(commands.value, normalise(path.posix.join(workdir, 'tox.ini')), commands.line, `tox -e ${env}`, workdir);
      }
    }
  }

  private lineOf(file: string, needle: string): number {
    const text = this.repo.read(file) ?? '';
    const index = text.indexOf(needle);
    return index < 0 ? 1 : text.slice(0, index).split('\n').length;
  }

  private packageScripts(file: string): Record<string, unknown> | undefined {
    return this.repo.memo(`package-scripts:${file}`, () => {
      try {
        const json = JSON.parse(this.repo.read(file) ?? 'null') as { scripts?: unknown } | null;
        return json && typeof json.scripts === 'object' && json.scripts !== null ? (json.scripts as Record<string, unknown>) : undefined;
      } catch {
        return undefined;
      }
    });
  }

  /** Rules and variables of a makefile and everything it includes (globs resolved against the repository). */
  private rules(file: string, seen = new Set<string>()): { rules: MakeRule[]; variables: Map<string, string[]> } {
    const none = { rules: [], variables: new Map<string, string[]>() };
    if (seen.has(file)) return none;
    seen.add(file);
    let makefile = this.makefiles.get(file);
    if (!this.makefiles.has(file)) {
      const text = this.repo.read(file);
      makefile = text === undefined ? undefined : parseMakefile(file, text);
      this.makefiles.set(file, makefile);
    }
    if (!makefile) return none;
    const dir = path.posix.dirname(file);
    const included = makefile.includes.flatMap((pattern) => {
      if (/[$(]/.test(pattern)) return [];
      const full = normalise(path.posix.join(dir, pattern));
      if (!full.includes('*')) return this.repo.has(full) ? [full] : [];
      const re = new RegExp(`^${full.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);
      // Most includes glob names in one directory (`include mk/*.mk`): only its files are tested.
      const slash = full.lastIndexOf('/');
      const globDir = slash < 0 ? '' : full.slice(0, slash);
      return (globDir.includes('*') ? this.repo.files : this.repo.filesIn(globDir)).filter((f) => re.test(f));
    });
    const rules = [...makefile.rules];
    const variables = new Map(makefile.variables);
    for (const inc of included) {
      const nested = this.rules(inc, seen);
      rules.push(...nested.rules);
      for (const [name, values] of nested.variables) variables.set(name, [...(variables.get(name) ?? []), ...values]);
    }
    return { rules, variables };
  }

  /** Recipe lines run for targets: their rules, prerequisites and `$(MAKE) <target>` calls. */
  private recipes(rules: MakeRule[], targets: string[]): Array<{ text: string; file: string; line: number; target: string }> {
    const lines: Array<{ text: string; file: string; line: number; target: string }> = [];
    const queue = [...targets];
    const seen = new Set<string>();
    while (queue.length > 0 && seen.size < MAX_MAKE_TARGETS) {
      const target = queue.shift()!;
      if (seen.has(target)) continue;
      seen.add(target);
      for (const rule of rulesFor(rules, target)) {
        queue.push(...rule.prerequisites.filter((p) => !/[$%]/.test(p)));
        for (const line of rule.recipe) {
          lines.push({ ...line, target });
          for (const call of makeCalls(line.text)) if (!call.directory && !call.makefile) queue.push(...call.targets);
        }
      }
    }
    return lines;
  }
}

/** A `run:` script with `${{ matrix.x }}` replaced by each value the job's matrix gives x (at most 16 variants). */
export function matrixVariants(entry: ParsedWorkflow, jobId: string, text: string): string[] {
  const keys = [...new Set([...text.matchAll(/\$\{\{\s*matrix\.([\w-]+)\s*\}\}/g)].map((m) => m[1]!))];
  if (keys.length === 0) return [text];
  const matrix = ((entry.data['jobs'] as Record<string, { strategy?: { matrix?: unknown } }> | undefined)?.[jobId]?.strategy?.matrix ?? {}) as Record<string, unknown>;
  const valuesOf = (key: string): string[] => {
    const direct = Array.isArray(matrix[key]) ? (matrix[key] as unknown[]) : [];
    const included = Array.isArray(matrix['include']) ? (matrix['include'] as Array<Record<string, unknown>>).map((entry) => entry?.[key]).filter((v) => v !== undefined) : [];
    return [...new Set([...direct, ...included].filter((v) => typeof v === 'string' || typeof v === 'number').map(String))];
  };
  let variants = [text];
  for (const key of keys) {
    const values = valuesOf(key);
    if (values.length === 0) continue;
    const pattern = new RegExp(String.raw`\$\{\{\s*matrix\.${key}\s*\}\}`, 'g');
    variants = variants.flatMap((variant) => values.map((value) => variant.replace(pattern, value))).slice(0, 16);
  }
  return variants;
}

/** Every unit GitHub Actions runs in the repository (memoised per view). */
export function reachableUnits(repo: RepoView, selfSlug?: string): Unit[] {
  return repo.memo(`reach:${selfSlug ?? ''}`, () => new Reach(repo, selfSlug).run());
}

/** 1-based line of the first line of a unit's text that matches (undefined when none does). */
const singleMatch = new WeakMap<RegExp, RegExp>();

export function unitLineMatching(unit: Unit, pattern: RegExp): number | undefined {
  if (unit.text === undefined) return undefined;
  let re = singleMatch.get(pattern);
  if (!re) {
    re = pattern.global || pattern.sticky ? new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')) : pattern;
    singleMatch.set(pattern, re);
  }
  // Most units do not mention the tool at all: one test of the whole text before looking for the line.
  if (!re.test(unit.text)) return undefined;
  const lines = unit.text.split('\n');
  const index = lines.findIndex((line) => re.test(line));
  if (index >= 0) return unit.firstLine + index;
  return re.test(unit.text) ? unit.firstLine : undefined;
}
