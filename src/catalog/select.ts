import type { Control } from './types.js';
import type { Level, PresetSettings, Profile } from '../model.js';
import { presetSettings, requiredControlIds } from '../presets.js';

/**
 * The controls a profile's level (and compliance presets) require that apply to the project.
 * `settings` are the selected presets' merged settings (the plan context passes the ones it holds).
 */
export function selectControls(
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
