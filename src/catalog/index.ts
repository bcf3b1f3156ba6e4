// The control catalog: one entry per control, in the order reports list them. Adding a control
// is adding its folder under src/controls/<id>/ (control.ts, evidence.ts, templates/, its test)
// and one line here (`npx plop control` does both).
import type { Control } from './types.js';
import type { Level, Profile } from '../model.js';
import { selectControls as selectFrom } from './select.js';
import { securityPolicy } from '../controls/security-policy/control.js';
import { dependencyUpdates } from '../controls/dependency-updates/control.js';
import { sast } from '../controls/sast/control.js';
import { scaScanning } from '../controls/sca-scanning/control.js';
import { dependencyReview } from '../controls/dependency-review/control.js';
import { secretScanning } from '../controls/secret-scanning/control.js';
import { scorecard } from '../controls/scorecard/control.js';
import { pinnedActions } from '../controls/pinned-actions/control.js';
import { workflowPermissions } from '../controls/workflow-permissions/control.js';
import { codeowners } from '../controls/codeowners/control.js';
import { branchRuleset } from '../controls/branch-ruleset/control.js';
import { securityInsights } from '../controls/security-insights/control.js';
import { fuzzing } from '../controls/fuzzing/control.js';
import { threatModel } from '../controls/threat-model/control.js';
import { releaseSigning } from '../controls/release-signing/control.js';
import { sbomConfig } from '../controls/sbom-config/control.js';
import { containerScanning } from '../controls/container-scanning/control.js';
import { admissionPolicy } from '../controls/admission-policy/control.js';
import { complianceDocs } from '../controls/compliance-docs/control.js';
import { checkGate } from '../controls/check-gate/control.js';
import { portalCatalog } from '../controls/portal-catalog/control.js';
import { techdocs } from '../controls/techdocs/control.js';
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
  return selectFrom(profile, catalog);
}

export function findControl(id: string, catalog: readonly Control[] = CATALOG): Control | undefined {
  return catalog.find((control) => control.id === id);
}
