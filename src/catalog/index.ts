// The control catalog: one entry per control, in the order reports list them. Adding a control
// is adding its module under src/controls/, its templates under templates/<id>/, its test, and
// one line here.
import type { Control } from './types.js';
import type { Level, Profile } from '../model.js';
import { selectControls as selectFrom } from './select.js';
import { registerCatalog } from './registry.js';
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
registerCatalog(CATALOG);

/** The controls a profile's level requires that apply to the project. */
export function selectControls(profile: Profile, catalog: readonly Control[] = CATALOG): Control[] {
  return selectFrom(profile, catalog);
}

export function findControl(id: string, catalog: readonly Control[] = CATALOG): Control | undefined {
  return catalog.find((control) => control.id === id);
}
