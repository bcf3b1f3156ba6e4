import type { FileChange } from './apply.js';
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
