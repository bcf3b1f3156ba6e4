// Runs `pins --update` (or lists the pins in force): plan, write all-or-nothing, report.
import { writeChanges } from '../retrofit/apply.js';
import { repoPinTable } from '../retrofit/plan.js';
import { findingLines } from '../retrofit/report.js';
import { unifiedDiff } from '../diff.js';
import type { LsRemote } from './ls-remote.js';
import { planPinsUpdate } from './pins-update.js';

export function listPins(root: string): string {
  const { base, table } = repoPinTable(root);
  const lines = [`Pins in force (package table of ${base.resolvedOn}${table === base ? '' : ', with this repository\'s refreshed pins'}):`];
  for (const [name, pin] of Object.entries(table.actions).sort(([a], [b]) => a.localeCompare(b))) {
    const refreshed = table !== base && base.actions[name]?.sha !== pin.sha ? '  (refreshed)' : '';
    lines.push(`  ${name.padEnd(70)} ${(pin.tag ?? '-').padEnd(9)} ${pin.pinBy === 'tag' ? 'by tag' : pin.sha}${refreshed}`);
  }
  return lines.join('\n');
}

export async function runPinsUpdate(root: string, options: { dryRun: boolean; lsRemote: LsRemote; keepVersions?: boolean }, out: (text: string) => void): Promise<number> {
  const plan = await planPinsUpdate(root, options.lsRemote, undefined, Boolean(options.keepVersions));
  if (!options.dryRun && plan.changes.length > 0) writeChanges(root, plan.changes);
  const lines: string[] = options.dryRun ? ['Dry run: nothing is written.', ''] : [];
  for (const change of plan.changes) lines.push(`${options.dryRun ? 'would update' : 'updated'}  ${change.path}${change.details.length ? `\n  ${change.details.join('\n  ')}` : ''}`);
  if (plan.changes.length === 0) lines.push(options.keepVersions ? 'Every reference is already pinned to a commit; nothing changed.' : 'Every pin is already the newest release of its major version; nothing changed.');
  const findings = findingLines(plan.findings);
  if (findings.length) lines.push('', ...findings);
  if (options.dryRun) for (const change of plan.changes) lines.push('', unifiedDiff(change.path, change.before, change.after).trimEnd());
  out(lines.join('\n'));
  return plan.findings.some((f) => f.level === 'error') ? 3 : 0;
}
