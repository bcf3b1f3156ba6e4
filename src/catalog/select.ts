import type { Control, PendingControl } from './types.js';
import type { Level, PresetSettings, Profile } from '../model.js';
import { presetSettings, requiredControlIds } from '../presets.js';

/**
 * The controls a profile's level (and compliance presets) require that apply to the project,
 * whether or not this version can write them yet (`splitPending` separates those).
 * `settings` are the selected presets' merged settings (the plan context passes the ones it holds).
 */
export function wantedControls(
  profile: Profile,
  catalog: readonly Control[],
  settings: PresetSettings | undefined = profile.answers.compliance.length ? presetSettings(profile.answers.compliance) : undefined,
): Control[] {
  const level: Level = profile.answers.level;
  const compliance = profile.answers.compliance;
  // A compliance preset adds the controls its requirements need, whatever the level, up to the
  // preset's own minimum level (a SOC 2 project at level 1 gets CODEOWNERS and signed releases, but
  // not fuzzing or an admission policy, which no level-2 requirement set asks for).
  const required = compliance.length ? requiredControlIds(compliance, catalog) : new Set<string>();
  const presetFloor = settings?.minimumLevel ?? level;
  return catalog.filter(
    (control) =>
      (control.level <= level || (required.has(control.id) && control.level <= presetFloor)) && (control.appliesTo?.(profile) ?? true),
  );
}

/** Wanted controls split into those that can be written now and those still pending (with why). */
export function splitPending(wanted: readonly Control[]): { ready: Control[]; pending: PendingControl[] } {
  const ready: Control[] = [];
  const pending: PendingControl[] = [];
  for (const control of wanted) {
    const reason = control.pending?.();
    if (reason === undefined) ready.push(control);
    else pending.push({ control, reason });
  }
  return { ready, pending };
}

/** The controls a profile's level and presets require that apply and can be written today. */
export function selectControls(
  profile: Profile,
  catalog: readonly Control[],
  settings: PresetSettings | undefined = profile.answers.compliance.length ? presetSettings(profile.answers.compliance) : undefined,
): Control[] {
  return splitPending(wantedControls(profile, catalog, settings)).ready;
}
