import type { Control, OwnTool, PlanContext, PolicyFact } from '../../catalog/types.js';
import { evidence } from './evidence.js';

export const SECURITY_INSIGHTS_SCHEMA_VERSION = '2.0.0';

export type ToolType = 'fuzzing' | 'container' | 'secret' | 'SCA' | 'SAST' | 'other';

export interface InsightsTool {
  /** The control whose files run it (its workflow is written only when the control is not covered). */
  control: string;
  name: string;
  type: ToolType;
  comment: string;
  rulesets: string[];
  adhoc: boolean;
  ci: boolean;
  release: boolean;
}

/** The security tools the generated workflows run for this profile. */
export function generatedTools(ctx: PlanContext): InsightsTool[] {
  // Only the languages whose jobs exist today (see Profile.pending).
  const { languages } = ctx.profile;
  const hasPractice = (practice: string) => ctx.hasPractice(practice);
  const tools: InsightsTool[] = [
    { control: 'sast', name: 'CodeQL', type: 'SAST', comment: 'Static analysis of the code and the workflows (.github/workflows/codeql.yml).', rulesets: ['security-extended'], adhoc: true, ci: true, release: false },
    { control: 'sca-scanning', name: 'OSV-Scanner', type: 'SCA', comment: 'Known vulnerabilities in every lockfile (.github/workflows/vulnerability-scan.yml).', rulesets: ['default'], adhoc: true, ci: true, release: false },
    { control: 'dependency-review', name: 'Dependency review', type: 'SCA', comment: 'Blocks pull requests that add vulnerable dependencies (.github/workflows/dependency-review.yml).', rulesets: ['default'], adhoc: false, ci: true, release: false },
    { control: 'secret-scanning', name: 'gitleaks', type: 'secret', comment: 'Secret scanning of every push and pull request (.github/workflows/secret-scanning.yml).', rulesets: ['default'], adhoc: true, ci: true, release: false },
    { control: 'scorecard', name: 'OpenSSF Scorecard', type: 'other', comment: 'Supply-chain posture of the repository, published weekly (.github/workflows/scorecard.yml).', rulesets: ['default'], adhoc: true, ci: false, release: false },
  ];
  if (languages.includes('go')) tools.push({ control: 'sca-scanning', name: 'govulncheck', type: 'SCA', comment: 'Reachability-aware scan of Go dependencies.', rulesets: ['default'], adhoc: true, ci: true, release: false });
  if (languages.includes('rust')) tools.push({ control: 'sca-scanning', name: 'cargo-deny', type: 'SCA', comment: 'RustSec advisories for Cargo dependencies.', rulesets: ['advisories'], adhoc: true, ci: true, release: false });
  if (languages.includes('python')) tools.push({ control: 'sca-scanning', name: 'pip-audit', type: 'SCA', comment: 'Known vulnerabilities in Python dependencies.', rulesets: ['default'], adhoc: true, ci: true, release: false });
  if (hasPractice('sbom')) {
    tools.push({ control: 'release-signing', name: 'Syft', type: 'SCA', comment: 'Software bills of materials (SPDX and CycloneDX) for each release.', rulesets: ['default'], adhoc: false, ci: false, release: true });
  }
  if (hasPractice('artifact-signing')) {
    tools.push({ control: 'release-signing', name: 'cosign', type: 'other', comment: 'Keyless Sigstore signatures of release artifacts.', rulesets: ['default'], adhoc: false, ci: false, release: true });
  }
  if (hasPractice('container-scanning')) {
    tools.push({ control: 'container-scanning', name: 'Grype', type: 'container', comment: 'Known vulnerabilities in the container image, on pull requests and before release.', rulesets: ['default'], adhoc: true, ci: true, release: false });
  }
  const fuzzing = hasPractice('fuzzing');
  if (fuzzing && languages.includes('go')) tools.push({ control: 'fuzzing', name: 'Go native fuzzing', type: 'fuzzing', comment: 'go test -fuzz on every Fuzz target (.github/workflows/fuzzing.yml).', rulesets: ['default'], adhoc: true, ci: true, release: false });
  if (fuzzing && languages.includes('rust')) tools.push({ control: 'fuzzing', name: 'cargo-fuzz', type: 'fuzzing', comment: 'libFuzzer targets of fuzz/ (.github/workflows/fuzzing.yml).', rulesets: ['default'], adhoc: true, ci: true, release: false });
  if (fuzzing && languages.includes('python')) tools.push({ control: 'fuzzing', name: 'Atheris', type: 'fuzzing', comment: 'Atheris targets (fuzz_*.py) run by .github/workflows/fuzzing.yml.', rulesets: ['default'], adhoc: true, ci: true, release: false });
  if (fuzzing && languages.includes('cpp')) tools.push({ control: 'fuzzing', name: 'libFuzzer', type: 'fuzzing', comment: 'LLVMFuzzerTestOneInput targets built with clang -fsanitize=fuzzer by .github/workflows/fuzzing.yml.', rulesets: ['default'], adhoc: true, ci: true, release: false });
  return tools;
}

/** Security Insights tool type of what a control's tools do. */
const TOOL_TYPES: Record<string, ToolType> = {
  sast: 'SAST',
  'sca-scanning': 'SCA',
  'dependency-review': 'SCA',
  'secret-scanning': 'secret',
  'container-scanning': 'container',
  fuzzing: 'fuzzing',
};

function ownTool(control: string, tool: OwnTool): InsightsTool {
  const comment = tool.inWorkflow ? `Run by the repository's own workflow ${tool.where}.` : `Run ${tool.where}.`;
  // Rulesets and ad-hoc use are the maintainers' to state: the evidence does not show them.
  return { control, name: tool.label, type: TOOL_TYPES[control] ?? 'other', comment, rulesets: [], adhoc: false, ci: !tool.onRelease || tool.onPullRequests, release: tool.onRelease };
}

/**
 * The security tools that run in the repository after this run: the generated workflows' tools
 * for the selected controls, and in a retrofit, for each control the repository already covers,
 * the tools of its own that the evidence found there instead (none when it found none).
 */
export function securityTools(ctx: PlanContext): InsightsTool[] {
  const tools: InsightsTool[] = [];
  const seen = new Set<string>();
  const replaced = new Set<string>();
  for (const tool of generatedTools(ctx)) {
    if (!ctx.has(tool.control)) continue;
    const own = ctx.existing?.ownTools.get(tool.control);
    if (!ctx.covered?.has(tool.control) || !own) {
      tools.push(tool);
      continue;
    }
    if (replaced.has(tool.control)) continue;
    replaced.add(tool.control);
    for (const found of own) {
      const key = `${found.label}\n${found.where}`;
      if (seen.has(key)) continue;
      seen.add(key);
      tools.push(ownTool(tool.control, found));
    }
  }
  return tools;
}

/** The policy URL and what the file can say about reporting, from the policy that applies. */
function policyLinks(policy: PolicyFact | undefined, fileUrl: (file: string) => string, reportUrl: string) {
  const privateReporting = `Report vulnerabilities privately through GitHub private vulnerability reporting: ${reportUrl}`;
  if (!policy) return { securityPolicyUrl: fileUrl('SECURITY.md'), reportComment: privateReporting, oursPolicy: true };
  if (policy.kind === 'file') {
    return {
      securityPolicyUrl: fileUrl(policy.path),
      reportComment: policy.privateReporting ? privateReporting : `How to report a vulnerability privately is described in the security policy (${policy.path}).`,
      oursPolicy: policy.ours,
    };
  }
  if (policy.kind === 'organisation') return { securityPolicyUrl: policy.url, reportComment: "How to report a vulnerability privately is described in the organisation's security policy.", oursPolicy: false };
  return { securityPolicyUrl: '', reportComment: '', oursPolicy: false };
}

/** The self-assessment to link: the one this plan writes, else one the repository keeps. */
function selfAssessment(ctx: PlanContext, fileUrl: (file: string) => string): { selfAssessmentUrl: string; selfAssessmentKept: boolean } {
  // Written by this plan unless the repository's own threat model or assessment covers the control.
  const written = ctx.hasPractice('threat-model') && !ctx.covered?.has('threat-model') ? 'docs/security/self-assessment.md' : undefined;
  const kept = ctx.existing?.assessments?.self;
  if (written) return { selfAssessmentUrl: fileUrl(written), selfAssessmentKept: false };
  return kept ? { selfAssessmentUrl: fileUrl(encodePath(kept)), selfAssessmentKept: true } : { selfAssessmentUrl: '', selfAssessmentKept: false };
}

/** A repository path as it goes in a URL (names may hold spaces and other reserved characters). */
const encodePath = (file: string) => file.split('/').map(encodeURIComponent).join('/');

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
    const reportUrl = `${repoUrl}/security/advisories/new`;
    const { securityPolicyUrl, reportComment, oursPolicy } = policyLinks(ctx.existing?.policy, fileUrl, reportUrl);
    // The release workflow of ours is written only when the repository has no release pipeline of
    // its own; what that pipeline publishes, and where, the file does not guess.
    const ownRelease = signedReleases && !ctx.covered?.has('release-signing');
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
          securityPolicyUrl,
          reportComment,
          licenseUrl: fileUrl('LICENSE'),
          ...selfAssessment(ctx, fileUrl),
          thirdPartyAssessments: (ctx.existing?.assessments?.thirdParty ?? []).map((file) => ({ name: file.slice(file.lastIndexOf('/') + 1), evidence: fileUrl(encodePath(file)) })),
          // The verification commands are in the SECURITY.md this tool writes, for the release workflow it writes.
          signatureVerificationUrl: ownRelease && oursPolicy ? `${securityPolicyUrl}#verifying-releases` : '',
          // A new project starts as WIP; after that the file's own status stands (the maintainers' call).
          status: profile.facts.insightsStatus ?? (profile.facts.isEmpty ? 'WIP' : 'active'),
          automatedRelease: ownRelease,
          releasesUrl: `${repoUrl}/releases`,
          imageRef: ownRelease && artifacts.includes('container-images') ? `ghcr.io/${owner.toLowerCase()}/${name.toLowerCase()}` : '',
          tools: securityTools(ctx),
        },
      },
    ];
  },
};
