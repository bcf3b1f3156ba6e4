import type { ApplyResult, FileChange } from './apply.js';
import type { Plan } from './model.js';
import { unifiedDiff } from './diff.js';

function label(change: FileChange): string {
  const controls = change.file.controls.length ? ` [${change.file.controls.join(', ')}]` : '';
  return `${change.file.path}${controls}`;
}

/** The dry-run listing: each file, the control behind it, and its content or diff. */
export function dryRunReport(plan: Plan, changes: FileChange[]): string {
  const lines: string[] = ['Dry run: nothing is written.', ''];
  for (const change of changes) {
    const verb = change.kind === 'create' ? 'create' : change.kind === 'update' ? 'change' : 'unchanged';
    lines.push(`${verb.padEnd(9)} ${label(change)}  ${change.file.reason}`);
  }
  lines.push('');
  for (const change of changes) {
    if (change.kind === 'unchanged') continue;
    lines.push(unifiedDiff(change.file.path, change.current, change.file.content));
  }
  for (const note of plan.notes) lines.push(`note: ${note}`);
  return lines.join('\n');
}

export function applyReport(plan: Plan, result: ApplyResult): string {
  const lines: string[] = [];
  for (const change of result.written) lines.push(`${change.kind === 'create' ? 'created' : 'updated'}  ${label(change)}`);
  for (const change of result.unchanged) lines.push(`same     ${label(change)}`);
  for (const change of result.kept) {
    lines.push(`kept     ${label(change)}  exists and differs; not overwritten (see --dry-run for the diff, --force to replace)`);
  }
  for (const note of plan.notes) lines.push(`note: ${note}`);
  if (result.written.length === 0 && result.kept.length === 0) lines.push('Nothing to do: every file is already up to date.');
  return lines.join('\n');
}
