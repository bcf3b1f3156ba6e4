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
