// The control catalog: one entry per control, in the order reports list them. Adding a control
// is adding its module under src/controls/, its templates under templates/<id>/, its test, and
// one line here.
import type { Control } from './types.js';
import type { Level, Profile } from '../model.js';
import { presetSettings, requiredControlIds } from '../presets.js';
import { securityPolicy } from '../controls/security-policy.js';
import { dependencyUpdates } from '../controls/dependency-updates.js';
import { sast } from '../controls/sast.js';
import { scaScanning } from '../controls/sca-scanning.js';
import { dependencyReview } from '../controls/dependency-review.js';
import { secretScanning } from '../controls/secret-scanning.js';
import { scorecard } from '../controls/scorecard.js';
import { pinnedActions } from '../controls/pinned-actions.js';
import { workflowPermissions } from '../controls/workflow-permissions.js';
import { codeowners } from '../controls/codeowners.js';
import { branchRuleset } from '../controls/branch-ruleset.js';
import { securityInsights } from '../controls/security-insights.js';
import { fuzzing } from '../controls/fuzzing.js';
import { threatModel } from '../controls/threat-model.js';
import { releaseSigning } from '../controls/release-signing.js';
import { sbomConfig } from '../controls/sbom-config.js';
import { containerScanning } from '../controls/container-scanning.js';
import { admissionPolicy } from '../controls/admission-policy.js';
import { complianceDocs } from '../controls/compliance-docs.js';
import { checkGate } from '../controls/check-gate.js';
import { portalCatalog } from '../controls/portal-catalog.js';
import { techdocs } from '../controls/techdocs.js';
// plop: control imports above this line (npx plop control)

export const CATALOG: readonly Control[] = [
  securityPolicy,
  dependencyUpdates,
  sast,
  scaScanning,
  dependencyReview,
  secretScanning,
  scorecard,
  pinnedActions,
  workflowPermissions,
  codeowners,
  branchRuleset,
  securityInsights,
  fuzzing,
  threatModel,
  releaseSigning,
  sbomConfig,
  containerScanning,
  admissionPolicy,
  complianceDocs,
  checkGate,
  portalCatalog,
  techdocs,
  // plop: control entries above this line (npx plop control)
];

/** The controls a profile's level requires that apply to the project. */
export function selectControls(profile: Profile, catalog: readonly Control[] = CATALOG): Control[] {
  const level: Level = profile.answers.level;
  const compliance = profile.answers.compliance;
  // A compliance preset adds the controls its requirements need, whatever the level, up to the
  // preset's own minimum level (a SOC 2 project at level 1 gets CODEOWNERS and signed releases, but
  // not fuzzing or an admission policy, which no level-2 requirement set asks for).
  const required = compliance.length ? requiredControlIds(compliance, catalog) : new Set<string>();
  const presetFloor = compliance.length ? (presetSettings(compliance)?.minimumLevel ?? level) : level;
  return catalog.filter(
    (control) =>
      (control.level <= level || (required.has(control.id) && control.level <= presetFloor)) && (control.appliesTo?.(profile) ?? true),
  );
}

export function findControl(id: string, catalog: readonly Control[] = CATALOG): Control | undefined {
  return catalog.find((control) => control.id === id);
}
