// `secure-cncf pins --update`: resolve the release tags of every action the repository's
// workflows and its own composite actions use, and rewrite their pins (SHA + version comment) to the newest release of the
// same major version. Nothing is written unless every lookup succeeded.
import type { PinTable } from '../pins.js';
import { InputError, isExpectedError } from '../errors.js';
import { STATE_FILE, sha256 } from '../state.js';
import { readState } from '../state.js';
import { listWorkflows, readRepoFile } from '../retrofit/read.js';
import { ownCompositeActions } from '../retrofit/composite-actions.js';
import { openRepo } from '../evidence/repo-view.js';
import { EditError, parseForEdit } from '../retrofit/yaml-doc.js';
import type { ProposedChange } from '../retrofit/plan.js';
import { repoPinTable } from '../retrofit/plan.js';
import type { Finding } from '../retrofit/types.js';
import { serializeState } from '../state.js';
import { generatorInfo } from '../version.js';
import { parseTags, type LsRemote } from './ls-remote.js';
import { compareVersions, isFullVersion, majorOf, parseVersion } from './semver.js';
import { repinWorkflow, usesSites, type NewRef, type UsesSite } from './repin.js';
import { PIN_OVERRIDES_FILE, readPinOverrides, serializeOverrides, type PinOverrides } from './pin-overrides.js';

const SHA = /^[0-9a-f]{40}$/;

export interface PinsUpdatePlan {
  changes: ProposedChange[];
  findings: Finding[];
}

function repoOf(name: string): string {
  return name.split('/').slice(0, 2).join('/');
}

/** The version a site is on: its comment when pinned by SHA, else its tag. */
function currentVersion(site: UsesSite): string | undefined {
  if (SHA.test(site.ref)) return site.comment;
  return parseVersion(site.ref) ? site.ref : undefined;
}

function newestInMajor(tags: Map<string, string>, major: number): string | undefined {
  return [...tags.keys()].filter((t) => isFullVersion(t) && majorOf(t) === major).sort(compareVersions).pop();
}

/**
 * --keep-versions: pin an unpinned reference to the commit its own tag points at (`@v4` -> the
 * commit of v4, commented with the full release of that commit), so pinning changes no version.
 * References already pinned to a SHA are left as they are.
 */
function keepVersion(site: UsesSite, tags: Map<string, string>, note: (message: string) => void): NewRef | undefined {
  if (SHA.test(site.ref)) return undefined;
  const sha = tags.get(site.ref);
  if (!sha) {
    note(`${site.name}@${site.ref}: no tag ${site.ref} in its repository (a branch?); left as is`);
    return undefined;
  }
  const release = [...tags.entries()].filter(([tag, commit]) => commit === sha && isFullVersion(tag)).map(([tag]) => tag).sort(compareVersions).pop();
  return { value: `${site.name}@${sha}`, comment: release ?? site.ref };
}

function decide(site: UsesSite, tags: Map<string, string>, table: PinTable, findings: Finding[], file: string, keepVersions = false): NewRef | undefined {
  const version = currentVersion(site);
  const note = (message: string) => findings.push({ path: file, line: site.line, level: 'note', message });
  if (keepVersions) return table.actions[site.name]?.pinBy === 'tag' ? undefined : keepVersion(site, tags, note);
  if (!version) {
    note(`${site.name}@${site.ref}: no version to refresh from (pinned without a # vX.Y.Z comment, or a branch); left as is`);
    return undefined;
  }
  const major = majorOf(version) as number;
  const newest = newestInMajor(tags, major);
  const newestOverall = [...tags.keys()].filter(isFullVersion).sort(compareVersions).pop();
  if (newestOverall && newest && majorOf(newestOverall) !== major) note(`${site.name}: ${newestOverall} is available (a new major version; review its changes and update by hand)`);
  if (table.actions[site.name]?.pinBy === 'tag') return newest ? { value: `${site.name}@${newest}` } : undefined;
  // Pinned or not, every reference moves to the newest release of its major version (as
  // Dependabot would), so a second run has nothing left to do.
  const tag = newest;
  const sha = tag ? tags.get(tag) : undefined;
  if (!tag || !sha) {
    note(`${site.name}@${site.ref}: no release tag found for major version ${major}; left as is`);
    return undefined;
  }
  return { value: `${site.name}@${sha}`, comment: tag };
}

async function resolveAll(repos: string[], lsRemote: LsRemote): Promise<Map<string, Map<string, string>>> {
  const results = new Map<string, Map<string, string>>();
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < repos.length) {
      const repo = repos[next++] as string;
      try {
        results.set(repo, parseTags(await lsRemote(`https://github.com/${repo}`)));
      } catch (error) {
        failures.push(`${repo}: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, repos.length) }, worker));
  if (failures.length > 0) {
    const offline = failures.length === repos.length;
    throw new InputError(
      `${offline ? 'Cannot reach github.com (are you offline?)' : 'Some action repositories could not be read'}: git ls-remote failed for ${failures.length} of ${repos.length} (${failures.sort()[0]}). The pins were not refreshed and no file was changed.`,
    );
  }
  return results;
}

export async function planPinsUpdate(root: string, lsRemote: LsRemote, today = new Date().toISOString().slice(0, 10), keepVersions = false): Promise<PinsUpdatePlan> {
  const findings: Finding[] = [];
  const { base, table } = repoPinTable(root);
  const files: Array<{ path: string; text: string; sites: UsesSite[] }> = [];
  // The workflows, and the composite actions they run: their steps' pins go stale the same way.
  const actions = ownCompositeActions(openRepo(root)).map((action) => action.file);
  for (const path of [...listWorkflows(root), ...actions]) {
    try {
      const text = readRepoFile(root, path) as string;
      files.push({ path, text, sites: usesSites(text, parseForEdit(path, text).doc) });
    } catch (error) {
      if (!(error instanceof EditError) && !isExpectedError(error)) throw error;
      findings.push({ path, level: 'error', message: error instanceof EditError ? error.reason : error.message, line: error instanceof EditError ? error.line : undefined });
    }
  }
  const repos = [...new Set(files.flatMap((f) => f.sites.filter((s) => (keepVersions ? !SHA.test(s.ref) : currentVersion(s))).map((s) => repoOf(s.name))))].sort();
  const tagsByRepo = repos.length ? await resolveAll(repos, lsRemote) : new Map<string, Map<string, string>>();

  const changes: ProposedChange[] = [];
  const newRefs = new Map<string, { tag: string; sha: string }>();
  for (const file of files) {
    const { after, changed } = repinWorkflow(file.path, file.text, (site) => {
      const next = decide(site, tagsByRepo.get(repoOf(site.name)) ?? new Map(), table, findings, file.path, keepVersions);
      if (next?.comment) newRefs.set(site.name, { tag: next.comment, sha: next.value.slice(next.value.lastIndexOf('@') + 1) });
      return next;
    });
    if (after !== file.text) changes.push({ path: file.path, before: file.text, after, action: 'refresh', details: changed, controls: [], safe: true });
  }

  const stateText = readRepoFile(root, STATE_FILE);
  const state = stateText === undefined ? undefined : readState(root);
  if (state && stateText !== undefined) {
    // Pins newer than the package's (same major) are kept for `upgrade`, which would otherwise move back.
    const previous = readPinOverrides(root);
    const overrides: PinOverrides = { resolvedOn: today, actions: { ...(previous?.actions ?? {}) } };
    for (const [name, pin] of newRefs) {
      const shipped = base.actions[name];
      if (shipped?.tag && majorOf(shipped.tag) === majorOf(pin.tag) && compareVersions(pin.tag, shipped.tag) > 0) overrides.actions[name] = pin;
    }
    const overridesText = serializeOverrides(overrides);
    const previousText = readRepoFile(root, PIN_OVERRIDES_FILE);
    if (Object.keys(overrides.actions).length > 0 && (!previous || JSON.stringify(previous.actions) !== JSON.stringify(overrides.actions))) {
      changes.push({ path: PIN_OVERRIDES_FILE, before: previousText, after: overridesText, action: previousText ? 'refresh' : 'create', details: ['pins newer than the package ships, kept for `secure-cncf upgrade`'], controls: [], safe: true });
    }
    // Generated files that were unedited stay "unedited": their stored hash follows the new pins.
    const files = { ...state.files };
    for (const change of changes) {
      if (change.before !== undefined && files[change.path] === sha256(change.before)) files[change.path] = sha256(change.after);
    }
    if (JSON.stringify(files) !== JSON.stringify(state.files)) {
      changes.push({ path: STATE_FILE, before: stateText, after: serializeState(generatorInfo(), state.answers, files, state.generatedOn), action: 'refresh', details: ['hashes of the re-pinned generated files'], controls: [], safe: true });
    }
  }
  return { changes, findings };
}
