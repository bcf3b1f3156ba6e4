// Retrofit of a repository whose static analysis runs, but not on pull requests: add the
// `pull_request` trigger to its own workflow (same branches as its `push` trigger) instead of a
// second CodeQL workflow. Anything this cannot edit safely becomes a manual step.
import { isMap, isPair, isScalar, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { Evidence, PlanContext, RepoView, RetrofitProposal } from '../../catalog/types.js';
import { practice } from '../../evidence/kit.js';
import { generatedHeader } from '../../evidence/probes/generated.js';
import { afterLine, applySplices, columnOf, eolOf, linesAt } from '../../retrofit/text.js';
import { EditError, isFlow, parseForEdit, toModel, verifyEdit } from '../../retrofit/yaml-doc.js';

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === key) as Pair | undefined;
}

/** The edited text with `pull_request:` added under `on:`, or a reason it cannot be done. */
export function addPullRequestTrigger(file: string, text: string): { after: string; detail: string } | { reason: string } {
  let parsed;
  try {
    parsed = parseForEdit(file, text);
  } catch (error) {
    if (error instanceof EditError) return { reason: error.reason };
    throw error;
  }
  const root = parsed.doc.contents;
  if (!isMap(root) || isFlow(root)) return { reason: 'is not a block mapping' };
  // `on` is read as the boolean true by YAML 1.1 readers; the yaml package keeps the string "on".
  const onPair = pairOf(root, 'on') ?? pairOf(root, 'true');
  const on = onPair?.value;
  if (!isMap(on) || isFlow(on) || on.items.length === 0) return { reason: 'its `on:` is not a block mapping; add `pull_request:` to its triggers by hand' };
  if (pairOf(on, 'pull_request') || pairOf(on, 'pull_request_target')) return { reason: 'already has a pull-request trigger (filtered by paths or types?)' };
  const push = pairOf(on, 'push')?.value;
  const branches = isMap(push) ? pairOf(push, 'branches') : undefined;
  const column = columnOf(text, ((on.items[0] as Pair).key as Scalar).range?.[0] ?? 0);
  const last = on.items[on.items.length - 1] as Pair;
  const end = ((last.value ?? last.key) as { range?: [number, number, number] }).range?.[1] ?? 0;
  const offset = text[end - 1] === '\n' ? end : afterLine(text, end);
  const lines = [`${' '.repeat(column)}pull_request:`];
  const model = toModel(parsed.doc) as Record<string, Record<string, unknown>>;
  const intended = structuredClone(model);
  const onKey = onPair && String((onPair.key as Scalar).value);
  const trigger: Record<string, unknown> = {};
  if (branches && isMap(push) && !isFlow(push)) {
    // Copy the branch filter as written (a flow list or a block list on the following lines).
    const key = branches.key as Scalar;
    const start = key.range?.[0] ?? 0;
    const valueEnd = (branches.value as { range?: [number, number, number] } | null)?.range?.[1] ?? start;
    const keyColumn = columnOf(text, start);
    const source = text.slice(start, valueEnd).replace(/\r?\n$/, '').split(/\r?\n/);
    const indent = ' '.repeat(column + (keyColumn - column));
    lines.push(...source.map((line, i) => (i === 0 ? `${indent}${line}` : line)));
    trigger['branches'] = (model[onKey!]?.['push'] as Record<string, unknown>)['branches'];
  }
  (intended[onKey!] as Record<string, unknown>)['pull_request'] = Object.keys(trigger).length ? trigger : null;
  const after = applySplices(text, [{ start: offset, end: offset, text: linesAt(text, offset, lines, eolOf(text)) }]);
  try {
    verifyEdit(file, after, intended);
  } catch (error) {
    if (error instanceof EditError) return { reason: error.reason };
    throw error;
  }
  return { after, detail: `added the pull_request trigger${trigger['branches'] ? ' (same branches as push)' : ''}, so findings arrive before the merge` };
}

export function retrofit(repo: RepoView, ctx: PlanContext, evidence: Evidence): RetrofitProposal {
  const proposal: RetrofitProposal = { edits: [], manual: [] };
  if (evidence.status !== 'partial') return proposal;
  const observation = practice(repo, 'sast', ctx.profile);
  if (observation.verdict !== 'present' || observation.onPullRequests) return proposal;
  // The workflows that run the analysis directly (a reusable workflow's caller decides its triggers).
  const files = [...new Set(observation.findings.map((f) => f.unit.entry.file))].filter((file) => /^\.github\/workflows\/[^/]+\.ya?ml$/.test(file));
  for (const file of files) {
    const text = repo.read(file);
    const header = text === undefined ? undefined : generatedHeader(text);
    if (text === undefined || header) {
      proposal.manual.push(`Run ${observation.tools.join(', ')} on pull requests: ${file} is generated${header?.source ? ` from ${header.source}` : ''}; add the pull_request trigger there.`);
      continue;
    }
    const edited = addPullRequestTrigger(file, text);
    if ('reason' in edited) proposal.manual.push(`Run ${observation.tools.join(', ')} on pull requests: ${file} ${edited.reason}.`);
    else proposal.edits.push({ path: file, before: text, after: edited.after, details: [edited.detail] });
    break; // one workflow on pull requests is enough
  }
  if (files.length === 0) proposal.manual.push(`Run ${observation.tools.join(', ')} on pull requests as well (today it runs only after the merge).`);
  return proposal;
}
