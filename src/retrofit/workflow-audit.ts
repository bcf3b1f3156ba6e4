// Report (never rewrite) two classic workflow injection risks: untrusted event text expanded
// inside `run:` scripts, and privileged triggers that check out the pull request's head.
import { isMap, isPair, isScalar, isSeq, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { lineOf } from './text.js';
import { toModel, type ParsedYaml } from './yaml-doc.js';
import type { Finding } from './types.js';

/** Event fields an outside contributor controls (titles, bodies, branch names, commit messages, author names). */
const UNTRUSTED =
  /\bgithub\.(head_ref\b|event\.[\w.*[\]'"-]*?\.(title|body|message|page_name|head_branch|display_title|label|default_branch|email)\b|event\.[\w.*[\]'"-]*?\.(head\.ref|author\.name|committer\.name)\b)/;

/** Refs that name the pull request's own code. */
const PR_HEAD = /github\.(head_ref|event\.(pull_request\.head\.(sha|ref|repo\.full_name)|workflow_run\.(head_sha|head_branch|head_repository\.full_name)|number|pull_request\.number))|refs\/pull\//;

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key) as Pair | undefined;
}

function triggers(model: Record<string, unknown>): string[] {
  const on = model['on'];
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.map(String);
  return on && typeof on === 'object' ? Object.keys(on) : [];
}

function eachStep(parsed: ParsedYaml, visit: (jobId: string, step: YAMLMap) => void): void {
  const root = parsed.doc.contents;
  const jobs = isMap(root) ? pairOf(root, 'jobs')?.value : undefined;
  if (!isMap(jobs)) return;
  for (const job of jobs.items) {
    const steps = isMap(job.value) ? pairOf(job.value, 'steps')?.value : undefined;
    if (!isSeq(steps)) continue;
    for (const step of steps.items) if (isMap(step)) visit(String((job.key as Scalar).value), step);
  }
}

export function auditWorkflow(file: string, parsed: ParsedYaml): Finding[] {
  const findings: Finding[] = [];
  const text = parsed.text;
  eachStep(parsed, (jobId, step) => {
    const run = pairOf(step, 'run')?.value;
    if (!isScalar(run) || !run.range) return;
    const source = text.slice(run.range[0], run.range[1]);
    for (const match of source.matchAll(/\$\{\{([\s\S]*?)\}\}/g)) {
      const expression = (match[1] ?? '').trim();
      if (!UNTRUSTED.test(expression)) continue;
      findings.push({
        path: file,
        line: lineOf(text, run.range[0] + (match.index ?? 0)),
        level: 'warning',
        message: `job "${jobId}" expands \${{ ${expression} }} inside run:, which lets whoever writes that text inject shell commands`,
        fix: `pass it through the step's env: (e.g. VALUE: \${{ ${expression} }}) and use "$VALUE" in the script`,
      });
    }
  });

  const privileged = triggers(toModel(parsed.doc) as Record<string, unknown>).filter((t) => t === 'pull_request_target' || t === 'workflow_run');
  if (privileged.length === 0) return findings;
  const fix =
    'do not build or run the pull request\'s code in a privileged workflow: do that in a `pull_request` workflow (no secrets, read-only token) and hand results to this one as an artifact it only reads';
  eachStep(parsed, (jobId, step) => {
    const uses = pairOf(step, 'uses')?.value;
    const withMap = pairOf(step, 'with')?.value;
    if (isScalar(uses) && String(uses.value).startsWith('actions/checkout@') && isMap(withMap)) {
      for (const key of ['ref', 'repository']) {
        const value = pairOf(withMap, key)?.value;
        if (isScalar(value) && PR_HEAD.test(String(value.value))) {
          findings.push({
            path: file,
            line: lineOf(text, value.range?.[0] ?? 0),
            level: 'warning',
            message: `job "${jobId}" checks out the pull request head (${key}: ${String(value.value)}) under ${privileged.join('/')}, where it runs with secrets and a write token`,
            fix,
          });
        }
      }
    }
    const run = pairOf(step, 'run')?.value;
    if (isScalar(run) && /\bgh\s+pr\s+checkout\b|git\s+fetch\b[^\n]*pull\//.test(String(run.value))) {
      findings.push({
        path: file,
        line: lineOf(text, run.range?.[0] ?? 0),
        level: 'warning',
        message: `job "${jobId}" fetches the pull request's code in a run: step under ${privileged.join('/')}`,
        fix,
      });
    }
  });
  return findings;
}
