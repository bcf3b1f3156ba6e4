import type { PlanContext } from '../catalog/types.js';
import type { Profile } from '../model.js';
import { scheduleSlot } from '../profile.js';
import { usesRef } from '../pins.js';
import { toolVersions } from '../tools.js';

/** Data every workflow template receives. */
export function workflowData(profile: Profile, salt: string): Record<string, unknown> {
  const slot = scheduleSlot(profile, salt);
  return {
    branch: profile.answers.defaultBranch,
    cron: { ...slot, weekday: slot.hour % 7 },
    pin: (name: string) => usesRef(name),
    tools: toolVersions(),
    level: profile.answers.level,
  };
}

/** "/" -> ".", "/a/b" -> "a/b": Dependabot directories as workflow working directories. */
export function workingDir(dependabotDir: string): string {
  return dependabotDir === '/' ? '.' : dependabotDir.replace(/^\//, '');
}

/** A file inside a manifest directory, as a workflow path ("go.mod", "svc/api/go.mod"). */
export function fileIn(dependabotDir: string, file: string): string {
  const dir = workingDir(dependabotDir);
  return dir === '.' ? file : `${dir}/${file}`;
}

/**
 * `retention-days` of a workflow artifact. Build evidence (SBOMs, signatures, provenance) and scan
 * results are kept at least as long as the selected compliance presets ask
 * (settings.artifactRetentionDays / scanResultRetentionDays); without a preset, the control's own
 * short default, since the lasting copies live on the release and in code scanning.
 */
export function retentionDays(ctx: PlanContext, kind: 'artifact' | 'scan-result', fallback: number): number {
  const preset = kind === 'artifact' ? ctx.settings?.artifactRetentionDays : ctx.settings?.scanResultRetentionDays;
  return Math.max(preset ?? 0, fallback);
}
