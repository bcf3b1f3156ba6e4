// The plan context: computed once per run from the profile, handed to every control's `outputs`
// and `evidence`. It answers "which controls are selected" and "what do the selected presets ask
// for", so no control looks the catalog up by itself.
import type { Control, PlanContext } from '../catalog/types.js';
import type { PresetSettings, Profile } from '../model.js';
import { splitPending, wantedControls } from '../catalog/select.js';
import { presetSettings } from '../presets.js';

/**
 * `settings` defaults to the selected presets' merged settings; tests pass others to prove that
 * every setting changes what is generated (test/preset-settings.test.ts).
 */
export function planContext(
  profile: Profile,
  catalog: readonly Control[],
  settings: PresetSettings | undefined = profile.answers.compliance.length > 0 ? presetSettings(profile.answers.compliance) : undefined,
): PlanContext {
  const { ready: controls, pending } = splitPending(wantedControls(profile, catalog, settings));
  const ids = new Set(controls.map((control) => control.id));
  const practices = new Set(controls.flatMap((control) => control.practices));
  return {
    profile,
    controls,
    has: (controlId) => ids.has(controlId),
    hasPractice: (practice) => practices.has(practice),
    settings,
    pending,
  };
}
