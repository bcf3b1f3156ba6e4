// The retrofit plan: the `create` plan laid over an existing repository. New files are created;
// files this tool generated earlier follow the upgrade rules; dependabot.yml is merged; existing
// workflows and composite actions are hardened and audited; everything else that exists is kept and reported.
import type { Answers, Plan, PlannedFile, SecurityCommitments } from '../model.js';
import { orgPolicy } from './org-policy.js';
import { releaseState } from './releases.js';
import { openSession } from '../engine/session.js';
import { retrofitContext } from './context.js';
import type { CoverDecision } from './coverage.js';
import { generatedHeader } from '../evidence/probes/generated.js';
import type { AnswerFlags } from '../answers.js';
import type { PlanContext } from '../catalog/types.js';
import { loadPins, type PinTable } from '../pins.js';
import { STATE_FILE, sha256 } from '../state.js';
import { isExpectedError } from '../errors.js';
import { classify, isSafe } from '../upgrade/classify.js';
import { applyTable, effectiveTable, readPinOverrides } from '../upgrade/pin-overrides.js';
import { hasMarker } from './markers.js';
import { isCovered, mergeDependabot } from './dependabot-merge.js';
import { unversionedDockerDirs, unversionedDockerNote } from './docker-updatable.js';
import { hardenWorkflow } from './workflow-harden.js';
import { auditWorkflow } from './workflow-audit.js';
import { planCompositeActions } from './composite-actions.js';
import { parseWorkflow } from '../evidence/workflow.js';
import { checkRenovate } from './renovate-check.js';
import { missingSecuritySections } from './security-md.js';
import { findSecurityPolicy } from './repository-facts.js';
import { callersOf } from '../evidence/probes/reusable-callers.js';
import { parseForEdit, EditError } from './yaml-doc.js';
import { listWorkflows, readRepoFile } from './read.js';
import { updateWorkflows } from './update-workflows.js';
import { lenientWorkflowFinding } from './lenient-workflow.js';
import type { Finding } from './types.js';

export interface ProposedChange {
  path: string;
  before: string | undefined;
  after: string;
  /** What kind of change, for the report. */
  action: 'create' | 'refresh' | 'merge' | 'harden' | 'conflict';
  details: string[];
  controls: string[];
  /** Applied by --yes; unsafe changes need --force or an interactive yes. */
  safe: boolean;
}

export interface PendingNote {
  control: string;
  reason: string;
}

/** The plan context's pending controls, as the report and the pull-request description list them. */
export function pendingNotesOf(ctx: PlanContext): PendingNote[] {
  return ctx.pending.map(({ control, reason }) => ({ control: control.id, reason }));
}

export interface RetrofitPlan {
  plan: Plan;
  answers: Answers;
  changes: ProposedChange[];
  /** Files already as planned. */
  same: string[];
  /** Existing files left as they are, with the reason. */
  kept: Array<{ path: string; why: string }>;
  findings: Finding[];
  /** Planned path -> hash of its planned content, and the previously stored hash (for the state file). */
  hashes: Array<{ path: string; next: string; stored: string | undefined }>;
  /** Controls whose files are left out because the repository already does the work. */
  covered: CoverDecision[];
  /** What a maintainer must still do by hand (edits this tool does not make). */
  manual: string[];
  /** Manifest directories left out of Dependabot on purpose (tests, examples, templates...). */
  leftOut: Array<{ ecosystem: string; dirs: string[] }>;
  /** Controls the level asks for that this version cannot write yet, and why (the check gate before its action is pinned). */
  pending: PendingNote[];
  /** Planned path -> the real path of the user's file it was merged into (dependabot.yaml). */
  merged: Record<string, string>;
}

function errorFinding(path: string, error: unknown): Finding {
  if (error instanceof EditError) return { path: error.file, line: error.line, level: 'error', message: error.reason };
  return { path, level: 'error', message: (error as Error).message.replace(/^Refusing to write [^:]+: /, 'refused: ') };
}

/** Pin table in force for this repository: the package's, with newer `pins --update` results. */
export function repoPinTable(root: string): { base: PinTable; table: PinTable } {
  const base = loadPins();
  return { base, table: effectiveTable(base, readPinOverrides(root)) };
}

/** Planned files with the repository's refreshed pins applied to workflows. */
export function withRepoPins(files: PlannedFile[], base: PinTable, table: PinTable): PlannedFile[] {
  if (base === table) return files;
  return files.map((f) => (f.path.startsWith('.github/workflows/') ? { ...f, content: applyTable(f.path, f.content, base, table) } : f));
}

export interface PlanOptions {
  /** The maintainers confirm no organisation-wide SECURITY.md applies (`--security-policy`). */
  securityPolicy?: boolean | undefined;
  /** Ask GitHub whether `<owner>/.github` has a security policy (`--online`). */
  online?: boolean | undefined;
  commitments?: SecurityCommitments | undefined;
  /** `create` in a directory without commit history: a project being started gets the full setup. */
  newProject?: boolean | undefined;
}

export async function planRetrofit(root: string, flags: AnswerFlags, options: PlanOptions = {}): Promise<RetrofitPlan> {
  const session = await openSession(root);
  const { facts } = session;
  let writePolicy = Boolean(options.securityPolicy || options.newProject);
  let onlineNote: string | undefined;
  let organisationPolicy: string | undefined;
  if (!writePolicy && options.online) {
    const owner = flags.repo?.split('/')[0] ?? facts.stored?.answers.repository.owner ?? facts.remote?.owner ?? '';
    const org = await orgPolicy(owner);
    if (org.state === 'absent') writePolicy = true;
    else if (org.state === 'present') {
      organisationPolicy = org.url;
      onlineNote = `The organisation's security policy (${org.url}) applies to this repository; no SECURITY.md is added.`;
    } else onlineNote = `Whether an organisation-wide security policy applies is not known: ${org.why}. No SECURITY.md is added; run again online, or confirm with --security-policy.`;
  }
  const { answers, ctx, plan, covered, policyNote, codeownersStep } = await retrofitContext(session, flags, { writePolicy, commitments: options.commitments, releases: await releaseState(root), newProject: Boolean(options.newProject), organisationPolicy });
  const { base, table } = repoPinTable(root);
  const files = withRepoPins(plan.files, base, table).filter((f) => f.path !== STATE_FILE);
  const stored = facts.stored?.files ?? {};
  const leftOut = Object.entries(facts.otherManifests ?? {})
    .filter(([, dirs]) => dirs && dirs.length > 0)
    .map(([ecosystem, dirs]) => ({ ecosystem, dirs: dirs as string[] }));
  const result: RetrofitPlan = {
    plan, answers, changes: [], same: [], kept: [], findings: [], hashes: [], covered, manual: covered.flatMap((c) => c.manual), leftOut, merged: {}, pending: pendingNotesOf(ctx),
  };
  const policyStep = onlineNote ?? policyNote;
  if (policyStep && policyNote) result.manual.push(policyStep);
  if (codeownersStep) result.manual.push(codeownersStep);
  // Edits that complete a covered control in the repository's own files (its retrofit hook).
  const hookEdits = new Map<string, { after: string; details: string[]; controls: string[] }>();
  for (const decision of covered) {
    for (const edit of decision.edits) {
      if (hookEdits.has(edit.path)) continue; // one hook per file; the next run takes the other
      hookEdits.set(edit.path, { after: edit.after, details: edit.details, controls: [decision.control] });
    }
  }
  const handled = new Set<string>();

  const read = (path: string): string | undefined | Error => {
    try {
      return readRepoFile(root, path);
    } catch (error) {
      if (!isExpectedError(error)) throw error;
      result.findings.push(errorFinding(path, error));
      return error;
    }
  };

  // The repository's own policy, found where and as GitHub finds it (any case); one of ours is managed, not kept.
  const policyFile = findSecurityPolicy(session.repo);
  const existingPolicy = policyFile && !hasMarker(session.repo.read(policyFile) ?? '') ? policyFile : undefined;

  if (existingPolicy && !files.some((f) => f.path === 'SECURITY.md')) {
    result.kept.push({ path: existingPolicy, why: 'your security policy; GitHub shows it, so no second SECURITY.md is written' });
    const text = read(existingPolicy);
    if (typeof text === 'string') result.findings.push(...missingSecuritySections(existingPolicy, text));
  }
  for (const file of files) {
    result.hashes.push({ path: file.path, next: sha256(file.content), stored: stored[file.path] });
    let target = file.path;
    let disk = read(target);
    if (disk instanceof Error) continue;
    if (disk === undefined && target === '.github/dependabot.yml') {
      const alt = read('.github/dependabot.yaml');
      if (alt instanceof Error) continue;
      if (alt !== undefined) {
        [target, disk] = ['.github/dependabot.yaml', alt];
        result.merged[file.path] = target;
      }
    }
    handled.add(target);
    if (disk === undefined && file.path === 'SECURITY.md' && existingPolicy) {
      result.kept.push({ path: existingPolicy, why: 'your security policy; GitHub shows it, so no second SECURITY.md is written' });
      continue;
    }
    const action = target === file.path ? classify({ path: file.path, disk, stored: stored[file.path], next: file.content }) : 'not-ours';
    const change = (kind: ProposedChange['action'], after: string, safe: boolean, details: string[] = []): void => {
      result.changes.push({ path: target, before: disk as string | undefined, after, action: kind, details, controls: file.controls, safe });
    };
    switch (action) {
      case 'same':
        result.same.push(file.path);
        continue;
      case 'create':
      case 'refresh':
        change(action, file.content, isSafe(action), [file.reason]);
        if (file.path === '.github/dependabot.yml' && ctx.existing?.unversionedDocker?.length) {
          const dirs = ctx.existing.unversionedDocker;
          result.findings.push({ path: file.path, level: 'note', message: unversionedDockerNote(dirs) });
        }
        continue;
      case 'deleted':
        result.kept.push({ path: file.path, why: 'generated earlier and deleted since; not recreated (delete its entry in .secure-cncf.json to get it back)' });
        continue;
      case 'keep-edited':
        result.kept.push({ path: file.path, why: 'you edited it and the template has not changed since; your version stays' });
        continue;
      case 'conflict':
        change('conflict', file.content, false, ['you edited this generated file and its template changed too; written only with --force or your yes']);
        continue;
      case 'not-ours':
        break;
    }
    const text = disk as string;
    if (target.startsWith('.github/dependabot.')) {
      try {
        // Ecosystems the config leaves out while another workflow updates them: reported, not added.
        const updaters = updateWorkflows(session.repo);
        const listed = (parseForEdit(target, text).doc.toJS() as { updates?: unknown } | null)?.updates;
        const entries = (Array.isArray(listed) ? listed : []).filter((u): u is Record<string, unknown> => u !== null && typeof u === 'object');
        const present = new Set(entries.map((u) => String(u['package-ecosystem'])));
        const wanted = { ...plan.profile.ecosystems };
        // Dependabot's helm updater only updates a chart's `dependencies:`; a chart without any gets nothing from an entry.
        if (wanted.helm) {
          const charts = wanted.helm;
          const idle = charts.filter((dir) => {
            const chart = session.repo.read(`${dir === '/' ? '' : `${dir.replace(/^\//, '')}/`}Chart.yaml`);
            return chart !== undefined && !/^dependencies\s*:/m.test(chart);
          });
          if (idle.length > 0) {
            wanted.helm = charts.filter((dir) => !idle.includes(dir));
            result.findings.push({ path: target, level: 'note', message: `helm: ${idle.join(', ')} not added; ${idle.length === 1 ? 'that chart declares' : 'those charts declare'} no dependencies, which is all Dependabot updates in a chart` });
          }
        }
        // Dependabot's docker updater moves a FROM image's version tag or digest; `latest`, `alpine` or `${ARG}` give it nothing.
        if (wanted.docker) {
          const candidates = wanted.docker.filter((dir) => !isCovered(entries, 'docker', dir));
          const unversioned = unversionedDockerDirs(candidates, (dir) => session.repo.filesIn(dir), (file) => session.repo.read(file));
          if (unversioned.length > 0) {
            wanted.docker = wanted.docker.filter((dir) => !unversioned.includes(dir));
            result.findings.push({ path: target, level: 'note', message: unversionedDockerNote(unversioned) });
          }
        }
        for (const ecosystem of Object.keys(wanted) as Array<keyof typeof wanted>) {
          const by = updaters.get(ecosystem);
          if (by && !present.has(ecosystem)) {
            delete wanted[ecosystem];
            result.findings.push({ path: target, level: 'note', message: `${ecosystem} is not in this config and ${by} updates it; no Dependabot entry added (two updaters open competing pull requests)` });
          }
        }
        const merged = mergeDependabot(target, text, wanted);
        if (merged.after !== text) change('merge', merged.after, true, merged.changes);
        else result.kept.push({ path: target, why: 'already covers every ecosystem and manifest directory' });
        result.findings.push(...merged.findings);
      } catch (error) {
        if (!(error instanceof EditError)) throw error;
        result.findings.push(errorFinding(target, error));
      }
    } else if (file.path === 'SECURITY.md') {
      result.kept.push({ path: target, why: 'your security policy, kept as is' });
      result.findings.push(...missingSecuritySections(target, text));
    } else if (file.path.startsWith('.github/workflows/')) {
      result.kept.push({ path: target, why: `a workflow of yours has this name; it is kept (and hardened below) instead of the generated one [${file.controls.join(', ')}]` });
      handled.delete(target); // harden it with the others
    } else {
      result.kept.push({ path: target, why: `exists and was not generated by secure-cncf; kept [${file.controls.join(', ')}] (see --dry-run for the generated version)` });
    }
  }

  let workflows: string[] = [];
  try {
    workflows = listWorkflows(root);
  } catch (error) {
    if (!isExpectedError(error)) throw error;
    if (!result.findings.some((f) => f.path.startsWith('.github/'))) result.findings.push(errorFinding('.github/workflows', error));
  }
  for (const path of workflows) {
    if (handled.has(path)) continue;
    const text = read(path);
    if (typeof text !== 'string' || hasMarker(text)) continue;
    const hook = hookEdits.get(path);
    hookEdits.delete(path);
    const header = generatedHeader(text);
    try {
      // The hook's edit first (it was made on this text), then the usual hardening on top of it.
      const start = hook?.after ?? text;
      const hardened = hardenWorkflow(path, start, table, { callers: callersOf(session.repo, path), self: `${answers.repository.owner}/${answers.repository.name}` });
      result.findings.push(...auditWorkflow(parseWorkflow(path, text)));
      if (header) {
        // A generated workflow: an edit here fails the repository's own drift check. Say what to change at its source.
        const wanted = [...(hook?.details ?? []), ...hardened.changes];
        if (wanted.length > 0) {
          result.manual.push(`${path} is generated (line ${header.line}: "${header.text}"); make these changes in ${header.source ?? 'the file or template it is generated from'}: ${wanted.join('; ')}`);
          result.kept.push({ path, why: `generated${header.source ? ` from ${header.source}` : ''} ("${header.text}"); not edited, the changes are listed for its source` });
        }
        continue;
      }
      result.findings.push(...hardened.findings);
      if (hardened.after !== text) {
        const controls = [...(hook?.controls ?? []), ...(hardened.changes.length ? ['pinned-actions', 'workflow-permissions'] : [])];
        result.changes.push({ path, before: text, after: hardened.after, action: 'harden', details: [...(hook?.details ?? []), ...hardened.changes], controls, safe: true });
      }
    } catch (error) {
      if (!(error instanceof EditError)) throw error;
      // A workflow GitHub runs though strict YAML rejects it: left as is, a warning instead of exit 3.
      const lenient = lenientWorkflowFinding(path, text, table, hook?.details);
      if (lenient) result.findings.push(lenient, ...auditWorkflow(parseWorkflow(path, text)));
      else result.findings.push(errorFinding(path, error));
    }
  }
  // Hook edits of files other than workflows (or of workflows handled above).
  for (const [path, edit] of hookEdits) {
    const text = read(path);
    if (typeof text !== 'string') continue;
    const header = generatedHeader(text);
    if (header) {
      result.manual.push(`${path} is generated; make this change in ${header.source ?? 'its source'}: ${edit.details.join('; ')}`);
      continue;
    }
    result.changes.push({ path, before: text, after: edit.after, action: 'harden', details: edit.details, controls: edit.controls, safe: true });
  }
  // The repository's composite actions: risks reported, steps hardened like a workflow's (a file another edit owns waits for the next run).
  const actions = planCompositeActions(session.repo, read, table, (file) => handled.has(file) || result.changes.some((c) => c.path === file));
  result.findings.push(...actions.findings);
  result.manual.push(...actions.manual);
  result.kept.push(...actions.kept);
  for (const change of actions.changes) {
    result.changes.push({ ...change, action: 'harden', controls: ['pinned-actions', 'workflow-permissions'], safe: true });
  }

  if (facts.renovateConfig) {
    const text = read(facts.renovateConfig);
    if (typeof text === 'string') result.findings.push(...checkRenovate(facts.renovateConfig, text, plan.profile.ecosystems));
    const dependabot = ['.github/dependabot.yml', '.github/dependabot.yaml'].find((p) => typeof read(p) === 'string');
    if (dependabot) result.findings.push({ path: dependabot, level: 'note', message: 'Renovate is configured too; Dependabot entries were not added (two update bots open duplicate pull requests)' });
  }
  return result;
}
