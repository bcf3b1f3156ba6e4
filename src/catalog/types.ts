import type { Level, Profile } from '../model.js';

/** One file a control renders from `templates/<template>`. */
export interface ControlOutput {
  path: string;
  template: string;
  data?: Record<string, unknown>;
}

/**
 * One security control: everything the generator, `check`, the compliance views and the docs
 * know about it lives in its own module under src/controls/.
 */
export interface Control {
  id: string;
  title: string;
  /** One paragraph for humans: what the control protects against. */
  why: string;
  /** Lowest maturity level that requires it (levels are cumulative). */
  level: Level;
  /** OSPS Baseline requirement ids the control implements (data/osps-baseline.json). */
  osps: string[];
  /** Practice ids in data/compliance-map.json; requirement mappings come from there. */
  practices: string[];
  /** Whether the control makes sense for this project (languages, artifacts). Default: always. */
  appliesTo?: (profile: Profile) => boolean;
  /** The files it renders. Controls that are properties of other files (e.g. pinning) render none. */
  outputs: (profile: Profile) => ControlOutput[];
}
