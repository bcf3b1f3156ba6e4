import type { Control, PlanContext } from '../../catalog/types.js';
import { evidence } from './evidence.js';

export const SECURITY_INSIGHTS_SCHEMA_VERSION = '2.0.0';

export type ToolType = 'fuzzing' | 'container' | 'secret' | 'SCA' | 'SAST' | 'other';

export interface InsightsTool {
  name: string;
  type: ToolType;
  comment: string;
  rulesets: string[];
  adhoc: boolean;
  ci: boolean;
  release: boolean;
}

/** The security tools the generated workflows run for this profile. */
export function securityTools(ctx: PlanContext): InsightsTool[] {
  // Only the languages whose jobs exist today (see Profile.pending).
  const { languages } = ctx.profile;
  const hasPractice = (practice: string) => ctx.hasPractice(practice);
  const tools: InsightsTool[] = [
    { name: 'CodeQL', type: 'SAST', comment: 'Static analysis of the code and the workflows (.github/workflows/codeql.yml).', rulesets: ['security-extended'], adhoc: true, ci: true, release: false },
    { name: 'OSV-Scanner', type: 'SCA', comment: 'Known vulnerabilities in every lockfile (.github/workflows/vulnerability-scan.yml).', rulesets: ['default'], adhoc: true, ci: true, release: false },
    { name: 'Dependency review', type: 'SCA', comment: 'Blocks pull requests that add vulnerable dependencies (.github/workflows/dependency-review.yml).', rulesets: ['default'], adhoc: false, ci: true, release: false },
    { name: 'gitleaks', type: 'secret', comment: 'Secret scanning of every push and pull request (.github/workflows/secret-scanning.yml).', rulesets: ['default'], adhoc: true, ci: true, release: false },
    { name: 'OpenSSF Scorecard', type: 'other', comment: 'Supply-chain posture of the repository, published weekly (.github/workflows/scorecard.yml).', rulesets: ['default'], adhoc: true, ci: false, release: false },
  ];
  if (languages.includes('go')) tools.push({ name: 'govulncheck', type: 'SCA', comment: 'Reachability-aware scan of Go dependencies.', rulesets: ['default'], adhoc: true, ci: true, release: false });
  if (languages.includes('rust')) tools.push({ name: 'cargo-deny', type: 'SCA', comment: 'RustSec advisories for Cargo dependencies.', rulesets: ['advisories'], adhoc: true, ci: true, release: false });
  if (languages.includes('python')) tools.push({ name: 'pip-audit', type: 'SCA', comment: 'Known vulnerabilities in Python dependencies.', rulesets: ['default'], adhoc: true, ci: true, release: false });
  if (hasPractice('sbom')) {
    tools.push({ name: 'Syft', type: 'SCA', comment: 'Software bills of materials (SPDX and CycloneDX) for each release.', rulesets: ['default'], adhoc: false, ci: false, release: true });
  }
  if (hasPractice('artifact-signing')) {
    tools.push({ name: 'cosign', type: 'other', comment: 'Keyless Sigstore signatures of release artifacts.', rulesets: ['default'], adhoc: false, ci: false, release: true });
  }
  if (hasPractice('container-scanning')) {
    tools.push({ name: 'Grype', type: 'container', comment: 'Known vulnerabilities in the container image, on pull requests and before release.', rulesets: ['default'], adhoc: true, ci: true, release: false });
  }
  const fuzzing = hasPractice('fuzzing');
  if (fuzzing && languages.includes('go')) tools.push({ name: 'Go native fuzzing', type: 'fuzzing', comment: 'go test -fuzz on every Fuzz target (.github/workflows/fuzzing.yml).', rulesets: ['default'], adhoc: true, ci: true, release: false });
  if (fuzzing && languages.includes('rust')) tools.push({ name: 'cargo-fuzz', type: 'fuzzing', comment: 'libFuzzer targets of fuzz/ (.github/workflows/fuzzing.yml).', rulesets: ['default'], adhoc: true, ci: true, release: false });
  if (fuzzing && languages.includes('python')) tools.push({ name: 'Atheris', type: 'fuzzing', comment: 'Atheris targets (fuzz_*.py) run by .github/workflows/fuzzing.yml.', rulesets: ['default'], adhoc: true, ci: true, release: false });
  if (fuzzing && languages.includes('cpp')) tools.push({ name: 'libFuzzer', type: 'fuzzing', comment: 'LLVMFuzzerTestOneInput targets built with clang -fsanitize=fuzzer by .github/workflows/fuzzing.yml.', rulesets: ['default'], adhoc: true, ci: true, release: false });
  return tools;
}

export const securityInsights: Control = {
  evidence,
  fix: 'npx create-secure-cncf retrofit --level 2',
  id: 'security-insights',
  title: 'OpenSSF Security Insights',
  why: 'States in a machine-readable file (SECURITY-INSIGHTS.yml, Security Insights 2.0) how to report vulnerabilities, who administers the project, which security tools run and where releases come from, so users, CLOMonitor and LFX Insights do not have to guess.',
  level: 2,
  osps: ['OSPS-GV-01.01', 'OSPS-VM-02.01', 'OSPS-QA-04.01'],
  practices: ['security-policy'],
  outputs: (ctx) => {
    const { profile } = ctx;
    const { owner, name } = profile.answers.repository;
    const repoUrl = `https://github.com/${owner}/${name}`;
    const branch = profile.answers.defaultBranch;
    const fileUrl = (file: string) => `${repoUrl}/blob/${branch}/${file}`;
    const today = profile.date;
    const artifacts = profile.artifacts;
    const signedReleases = ctx.hasPractice('artifact-signing');
    return [
      {
        path: 'SECURITY-INSIGHTS.yml',
        template: 'security-insights/SECURITY-INSIGHTS.yml.ejs',
        data: {
          schemaVersion: SECURITY_INSIGHTS_SCHEMA_VERSION,
          today,
          projectName: profile.answers.projectName,
          owner,
          repoName: name,
          repoUrl,
          ownerUrl: `https://github.com/${owner}`,
          headerUrl: fileUrl('SECURITY-INSIGHTS.yml'),
          securityPolicyUrl: fileUrl('SECURITY.md'),
          reportUrl: `${repoUrl}/security/advisories/new`,
          licenseUrl: fileUrl('LICENSE'),
          selfAssessmentUrl: ctx.hasPractice('threat-model') ? fileUrl('docs/security/self-assessment.md') : '',
          signatureVerificationUrl: signedReleases ? `${fileUrl('SECURITY.md')}#verifying-releases` : '',
          // A new project starts as WIP; after that the file's own status stands (the maintainers' call).
          status: profile.facts.insightsStatus ?? (profile.facts.isEmpty ? 'WIP' : 'active'),
          automatedRelease: signedReleases,
          releasesUrl: `${repoUrl}/releases`,
          imageRef: artifacts.includes('container-images') ? `ghcr.io/${owner.toLowerCase()}/${name.toLowerCase()}` : '',
          tools: securityTools(ctx),
        },
      },
    ];
  },
};
