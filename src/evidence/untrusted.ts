// The one list of workflow contexts an outside contributor controls (GitHub's security-hardening
// guide and Scorecard's Dangerous-Workflow check agree on these): titles, bodies, branch names,
// commit messages and author names. Expanding one of them inside a `run:` script (or an
// actions/github-script `script:`) lets its author run shell commands in the job.
const INDEX = String.raw`(?:\.\*|\[[^\]]*\]|\.\d+)?`;

const UNTRUSTED_PATHS = [
  String.raw`github\.event\.(?:issue|pull_request|discussion)\.(?:title|body)`,
  String.raw`github\.event\.(?:comment|review|review_comment)\.body`,
  String.raw`github\.event\.pages${INDEX}\.page_name`,
  String.raw`github\.event\.commits${INDEX}\.(?:message|author\.(?:email|name)|committer\.(?:email|name))`,
  String.raw`github\.event\.head_commit\.(?:message|author\.(?:email|name)|committer\.(?:email|name))`,
  String.raw`github\.event\.pull_request\.head\.(?:ref|label|repo\.default_branch)`,
  String.raw`github\.event\.workflow_run\.(?:head_branch|display_title|head_commit\.(?:message|author\.(?:email|name))|pull_requests${INDEX}\.head\.ref)`,
  String.raw`github\.head_ref`,
];

const UNTRUSTED = new RegExp(String.raw`\b(?:${UNTRUSTED_PATHS.join('|')})\b`);

/** Refs that name the pull request's own code (checking them out in a privileged workflow runs it). */
export const PULL_REQUEST_HEAD =
  /github\.(?:head_ref|event\.(?:pull_request\.head\.(?:sha|ref|repo\.full_name)|workflow_run\.(?:head_sha|head_branch|head_repository\.full_name)))|refs\/pull\//;

/** Triggers whose workflows run with secrets and a write token while reacting to outside input. */
export const PRIVILEGED_TRIGGERS = ['pull_request_target', 'workflow_run', 'issue_comment'] as const;

export interface ExpressionUse {
  /** The expression inside `${{ }}`, trimmed. */
  expression: string;
  /** Offset of `${{` in the text searched. */
  offset: number;
}

/** `inputs.name`, `inputs['name']` and `inputs["name"]` in an expression: the input names it reads, lower-cased. */
export function inputsRead(expression: string): string[] {
  return [...expression.matchAll(/(?<![\w.])inputs(?:\.([\w-]+)|\[\s*['"]([^'"]+)['"]\s*\])/g)].map((m) => (m[1] ?? m[2] ?? '').toLowerCase());
}

/**
 * Every `${{ … }}` in a text whose expression reads an untrusted context. In a composite action,
 * `inputs.*` hold whatever the caller passes: `taintedInputs` names (lower-cased) the inputs that
 * some caller fills from an untrusted context, so reading them is untrusted too.
 */
export function untrustedExpressions(text: string, taintedInputs?: ReadonlySet<string>): ExpressionUse[] {
  const found: ExpressionUse[] = [];
  for (const match of text.matchAll(/\$\{\{([\s\S]*?)\}\}/g)) {
    const expression = (match[1] ?? '').trim();
    if (isUntrustedExpression(expression, taintedInputs)) found.push({ expression, offset: match.index ?? 0 });
  }
  return found;
}

export function isUntrustedExpression(expression: string, taintedInputs?: ReadonlySet<string>): boolean {
  if (UNTRUSTED.test(expression)) return true;
  return taintedInputs !== undefined && taintedInputs.size > 0 && inputsRead(expression).some((name) => taintedInputs.has(name));
}
