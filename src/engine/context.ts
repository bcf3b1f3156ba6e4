// The plan context: computed once per run from the profile, handed to every control's `outputs`
// and `evidence`. It answers "which controls are selected" and "what do the selected presets ask
// for", so no control looks the catalog up by itself.
import type { Control, PlanContext } from '../catalog/types.js';
import type { Profile } from '../model.js';
import { selectControls } from '../catalog/select.js';
import { presetSettings } from '../presets.js';

export function planContext(profile: Profile, catalog: readonly Control[]): PlanContext {
  const controls = selectControls(profile, catalog);
  const ids = new Set(controls.map((control) => control.id));
  const practices = new Set(controls.flatMap((control) => control.practices));
  return {
    profile,
    controls,
    has: (controlId) => ids.has(controlId),
    hasPractice: (practice) => practices.has(practice),
    settings: profile.answers.compliance.length > 0 ? presetSettings(profile.answers.compliance) : undefined,
  };
}
