// The control catalog: one entry per control, in the order reports list them. Adding a control
// is adding its module under src/controls/, its templates under templates/<id>/, its test, and
// one line here.
import type { Control } from './types.js';
import type { Level, Profile } from '../model.js';
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
];

/** The controls a profile's level requires that apply to the project. */
export function selectControls(profile: Profile, catalog: readonly Control[] = CATALOG): Control[] {
  const level: Level = profile.answers.level;
  return catalog.filter((control) => control.level <= level && (control.appliesTo?.(profile) ?? true));
}

export function findControl(id: string, catalog: readonly Control[] = CATALOG): Control | undefined {
  return catalog.find((control) => control.id === id);
}
