// Evidence functions of controls whose modules do not reference them yet (their authors wire
// `evidence` and `fix` into src/controls/<id>.ts). `check` prefers the control's own field; once
// every control carries one, this table can be deleted.
import type { Control } from '../catalog/types.js';
import { evidence as codeowners } from '../controls/codeowners.evidence.js';
import { evidence as branchRuleset } from '../controls/branch-ruleset.evidence.js';
import { evidence as securityInsights } from '../controls/security-insights.evidence.js';
import { evidence as fuzzing } from '../controls/fuzzing.evidence.js';
import { evidence as threatModel } from '../controls/threat-model.evidence.js';
import { evidence as releaseSigning } from '../controls/release-signing.evidence.js';
import { evidence as sbomConfig } from '../controls/sbom-config.evidence.js';
import { evidence as containerScanning } from '../controls/container-scanning.evidence.js';
import { evidence as admissionPolicy } from '../controls/admission-policy.evidence.js';
import { evidence as complianceDocs } from '../controls/compliance-docs.evidence.js';

export const PENDING_EVIDENCE: Record<string, NonNullable<Control['evidence']>> = {
  codeowners,
  'branch-ruleset': branchRuleset,
  'security-insights': securityInsights,
  fuzzing,
  'threat-model': threatModel,
  'release-signing': releaseSigning,
  'sbom-config': sbomConfig,
  'container-scanning': containerScanning,
  'admission-policy': admissionPolicy,
  'compliance-docs': complianceDocs,
};
