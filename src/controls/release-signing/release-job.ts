// What the release job of an existing workflow needs before its GoReleaser can sign keylessly:
// `id-token: write` (Sigstore's certificate comes from the job's OIDC token), cosign on the PATH
// and, when the configuration now generates SBOMs, Syft. The edit is a splice at source offsets,
// so nothing else in the workflow changes, and it is checked by re-parsing; whatever cannot be
// edited safely is returned as a reason for a manual step instead.
import { isMap, isPair, isScalar, isSeq, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { PinTable } from '../../pins.js';
import { loadPins, usesRef } from '../../pins.js';
import { afterLine, applySplices, columnOf, eolOf, lineOf, lineStart, linesAt, type Splice } from '../../retrofit/text.js';
import { anchorAround, EditError, isFlow, parseForEdit, toModel, verifyEdit, type ParsedYaml } from '../../retrofit/yaml-doc.js';

type Model = Record<string, unknown>;

export interface ReleaseJobEdit {
  after: string;
  details: string[];
}

export interface ReleaseJobNeeds {
  /** The job that runs GoReleaser. */
  jobId: string;
  /** 1-based line of the GoReleaser step (its `uses:` line). */
  stepLine: number;
  /** Install Syft too (the configuration gets `sboms:` and the job has no Syft yet). */
  syft: boolean;
}

const COSIGN = 'sigstore/cosign-installer';
const SYFT = 'anchore/sbom-action/download-syft';

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === key) as Pair | undefined;
}

const obj = (value: unknown): Model => (typeof value === 'object' && value !== null ? value : {}) as Model;

/** Whether a job's steps already install a tool (its installer action, or a command that fetches it). */
export function installs(steps: ReadonlyArray<{ uses?: { name: string } | undefined; run?: string | undefined }>, tool: 'cosign' | 'syft'): boolean {
  const action = tool === 'cosign' ? COSIGN : SYFT;
  const command = tool === 'cosign' ? /\bcosign\b[^\n]*\b(?:install|download)\b|\b(?:install|download)\b[^\n]*\bcosign\b/i : /\bsyft\b[^\n]*\b(?:install|download)\b|\b(?:install|download)\b[^\n]*\bsyft\b/i;
  return steps.some((s) => s.uses?.name === action || (s.run !== undefined && command.test(s.run)));
}

/**
 * The permissions edit: `id-token: write` in the job's own block, or a job block that copies the
 * top level's scopes and adds it. `undefined` when the job already has it; a string says why the
 * edit is not safe to make.
 */
function permissionSplice(parsed: ParsedYaml, root: YAMLMap, jobId: string, job: YAMLMap, jobColumn: number, model: Model, eol: string): { splice: Splice; apply: (m: Model) => void; detail: string } | string | undefined {
  const text = parsed.text;
  const comment = '# keyless signing: Sigstore certifies the job by its OIDC token';
  const own = pairOf(job, 'permissions');
  if (own) {
    const value = own.value;
    if (isScalar(value) && value.value === 'write-all') return undefined;
    if (!isMap(value) || isFlow(value) || value.items.length === 0 || anchorAround(parsed, (own.key as Scalar).range?.[0] ?? 0)) {
      return `job "${jobId}" sets permissions that cannot be extended safely (${isScalar(value) ? String(value.value) : 'flow style, empty or anchored'})`;
    }
    const current = obj(obj(obj(model['jobs'])[jobId])['permissions'])['id-token'];
    if (current === 'write') return undefined;
    if (current !== undefined) return `job "${jobId}" sets id-token: ${String(current)}; the maintainers chose that`;
    const first = (value.items[0] as Pair).key as Scalar;
    const last = value.items[value.items.length - 1] as Pair;
    const end = ((last.value ?? last.key) as { range?: [number, number, number] }).range?.[1] ?? 0;
    const offset = text[end - 1] === '\n' ? end : afterLine(text, end);
    const pad = ' '.repeat(columnOf(text, first.range?.[0] ?? 0));
    return {
      splice: { start: offset, end: offset, text: linesAt(text, offset, [`${pad}id-token: write ${comment}`], eol) },
      apply: (m) => (obj(obj(obj(m['jobs'])[jobId])['permissions'])['id-token'] = 'write'),
      detail: `job "${jobId}": added id-token: write to its permissions (keyless signing)`,
    };
  }
  const topPair = pairOf(root, 'permissions');
  const top = topPair?.value;
  if (isScalar(top) && top.value === 'write-all') return undefined;
  if (!topPair) return `the workflow sets no permissions, so what job "${jobId}" may do depends on the repository's settings; give it a permissions: block with what it publishes (contents: write for release files) and id-token: write`;
  const scopes = obj(model['permissions']);
  if (!isMap(top) || Object.keys(scopes).length === 0) return `the top-level permissions (${isScalar(top) ? String(top.value) : 'flow style'}) cannot be copied to job "${jobId}" safely; give the job id-token: write by hand`;
  if (scopes['id-token'] === 'write') return undefined;
  // A job block replaces the top level for that job: copy its scopes, so nothing the job had is lost.
  const steps = pairOf(job, 'steps');
  const key = steps?.key as Scalar | undefined;
  if (!key?.range || isFlow(job) || pairOf(job, '<<') || anchorAround(parsed, key.range[0])) return `job "${jobId}" cannot be edited safely (flow style, merge key or anchor)`;
  const offset = lineStart(text, key.range[0]);
  if (text.slice(offset, key.range[0]).trim() !== '') return `job "${jobId}" cannot be edited safely (steps: shares its line)`;
  const column = columnOf(text, key.range[0]);
  const pad = ' '.repeat(column);
  const unit = ' '.repeat(Math.max(column - jobColumn, 1));
  const block = { ...scopes, 'id-token': 'write' } as Record<string, string>;
  const lines = [`${pad}permissions:`, ...Object.entries(block).map(([scope, access]) => `${pad}${unit}${scope}: ${access}${scope === 'id-token' ? ` ${comment}` : ''}`)];
  return {
    splice: { start: offset, end: offset, text: linesAt(text, offset, lines, eol) },
    apply: (m) => (obj(obj(m['jobs'])[jobId])['permissions'] = block),
    detail: `job "${jobId}": permissions of the top level (${Object.entries(scopes).map(([s, a]) => `${s}: ${String(a)}`).join(', ')}) plus id-token: write (keyless signing)`,
  };
}

/** Installer steps (cosign, and Syft when asked) inserted just above the GoReleaser step. */
function installSplice(parsed: ParsedYaml, stepsNode: YAMLSeq, index: number, tools: Array<'cosign' | 'syft'>, table: PinTable, eol: string): Splice | string {
  const text = parsed.text;
  const step = stepsNode.items[index];
  if (!isMap(step) || isFlow(step) || isFlow(stepsNode)) return 'its GoReleaser step is not a block mapping';
  const firstKey = (step.items[0] as Pair | undefined)?.key as Scalar | undefined;
  const keyStart = firstKey?.range?.[0];
  if (keyStart === undefined || anchorAround(parsed, keyStart)) return 'its GoReleaser step cannot be edited safely (anchor)';
  let offset = lineStart(text, keyStart);
  const dash = /^([ \t]*)-[ \t]+/.exec(text.slice(offset, keyStart));
  if (!dash) return 'its GoReleaser step does not start with "- key:" on one line';
  // Comment lines right above the step describe it: the new steps go above them.
  while (offset > 0) {
    const previous = lineStart(text, offset - 1);
    if (!/^[ \t]*#/.test(text.slice(previous, offset))) break;
    offset = previous;
  }
  const pad = dash[1]!;
  const inner = ' '.repeat(keyStart - lineStart(text, keyStart) - pad.length);
  // Steps set off by blank lines get the same spacing.
  const spaced = /\r?\n[ \t]*\r?\n$/.test(text.slice(0, offset));
  const lines: string[] = [];
  for (const tool of tools) {
    const name = tool === 'cosign' ? 'Install cosign (GoReleaser signs with it)' : 'Install Syft (GoReleaser generates SBOMs with it)';
    lines.push(`${pad}-${inner.slice(1)}name: ${name}`, `${pad}${inner}uses: ${usesRef(tool === 'cosign' ? COSIGN : SYFT, table)}`, ...(spaced ? [''] : []));
  }
  return { start: offset, end: offset, text: linesAt(text, offset, lines, eol) };
}

/**
 * The release job's edit (see the file comment), or the reason it cannot be made. `steps` are the
 * job's steps as the probes read them (to see what is installed already).
 */
export function releaseJobEdit(
  file: string,
  text: string,
  needs: ReleaseJobNeeds,
  steps: ReadonlyArray<{ line: number; uses?: { name: string } | undefined; run?: string | undefined; with?: Record<string, unknown> }>,
  table: PinTable = loadPins(),
): ReleaseJobEdit | { reason: string } {
  let parsed: ParsedYaml;
  try {
    parsed = parseForEdit(file, text);
  } catch (error) {
    if (error instanceof EditError) return { reason: error.reason };
    throw error;
  }
  const eol = eolOf(text);
  const root = parsed.doc.contents;
  if (!isMap(root) || isFlow(root)) return { reason: 'is not a block mapping' };
  const jobs = pairOf(root, 'jobs')?.value;
  const jobItem = isMap(jobs) ? (jobs.items.find((i) => isScalar(i.key) && String(i.key.value) === needs.jobId) as Pair | undefined) : undefined;
  const job = jobItem?.value;
  if (!jobItem || !isMap(job) || isFlow(job)) return { reason: `job "${needs.jobId}" is not a block mapping` };
  const stepsNode = pairOf(job, 'steps')?.value;
  if (!isSeq(stepsNode)) return { reason: `job "${needs.jobId}" has no block list of steps` };
  const index = stepsNode.items.findIndex((s) => isMap(s) && lineOf(text, ((pairOf(s, 'uses')?.key as Scalar | undefined)?.range?.[0] ?? -1)) === needs.stepLine);
  if (index < 0) return { reason: `the GoReleaser step of job "${needs.jobId}" was not found at line ${needs.stepLine}` };

  // A runner that blocks egress would stop the signing (Fulcio, Rekor and Sigstore's TUF root are not on its list).
  const blocked = steps.find((s) => s.uses?.name === 'step-security/harden-runner' && String(s.with?.['egress-policy'] ?? '').trim() === 'block');
  if (blocked) return { reason: `job "${needs.jobId}" blocks egress (step-security/harden-runner, line ${blocked.line}); add fulcio.sigstore.dev:443, rekor.sigstore.dev:443 and tuf-repo-cdn.sigstore.dev:443 to its allowed-endpoints together with the signing` };
  const model = obj(toModel(parsed.doc));
  const intended = structuredClone(model);
  const splices: Splice[] = [];
  const details: string[] = [];
  const permissions = permissionSplice(parsed, root, needs.jobId, job, columnOf(text, (jobItem.key as Scalar).range?.[0] ?? 0), model, eol);
  if (typeof permissions === 'string') return { reason: permissions };
  if (permissions) {
    splices.push(permissions.splice);
    permissions.apply(intended);
    details.push(permissions.detail);
  }
  const before = steps.filter((s) => s.line < needs.stepLine);
  const tools = (['cosign', 'syft'] as const).filter((tool) => (tool === 'cosign' || needs.syft) && !installs(before, tool));
  if (tools.length > 0) {
    const install = installSplice(parsed, stepsNode, index, tools, table, eol);
    if (typeof install === 'string') return { reason: install };
    splices.push(install);
    const list = obj(obj(intended['jobs'])[needs.jobId])['steps'] as unknown[];
    list.splice(index, 0, ...tools.map((tool) => ({ name: tool === 'cosign' ? 'Install cosign (GoReleaser signs with it)' : 'Install Syft (GoReleaser generates SBOMs with it)', uses: usesRef(tool === 'cosign' ? COSIGN : SYFT, table).replace(/ #.*$/, '') })));
    details.push(`job "${needs.jobId}": installs ${tools.join(' and ')} before GoReleaser (${tools.map((t) => (t === 'cosign' ? COSIGN : SYFT)).join(', ')}, pinned)`);
  }
  if (splices.length === 0) return { after: text, details: [] };
  const after = applySplices(text, splices);
  try {
    verifyEdit(file, after, intended);
  } catch (error) {
    if (error instanceof EditError) return { reason: error.reason };
    throw error;
  }
  return { after, details };
}
