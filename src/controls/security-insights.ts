import type { Control } from '../catalog/types.js';
import type { Profile } from '../model.js';

export const SECURITY_INSIGHTS_SCHEMA_VERSION = '2.0.0';

/**
 * The date written to `header.last-updated` / `last-reviewed`: `SOURCE_DATE_EPOCH` (seconds, the
 * reproducible-builds convention) when set, otherwise today in UTC. Generation is therefore
 * byte-identical for every run on the same day (or with the same SOURCE_DATE_EPOCH); a later
 * `secure-cncf upgrade` refreshes the dates, which is what "reviewed" should mean.
 */
export function generationDate(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d{1,12}$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH must be a number of seconds, not "${epoch}".`);
    return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  }
  return now.toISOString().slice(0, 10);
}

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

/** Whether the project publishes release artifacts that the level-2 controls sign and describe. */
function publishesReleases(profile: Profile): boolean {
  return profile.answers.artifacts.some((a) => a !== 'libraries');
}

/** The security tools the generated workflows run for this profile. */
export function securityTools(profile: Profile): InsightsTool[] {
  const { languages, level } = profile.answers;
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
  if (level >= 2 && publishesReleases(profile)) {
    tools.push(
      { name: 'Syft', type: 'SCA', comment: 'Software bill of materials for each release.', rulesets: ['default'], adhoc: false, ci: false, release: true },
      { name: 'cosign', type: 'other', comment: 'Keyless Sigstore signatures of release artifacts.', rulesets: ['default'], adhoc: false, ci: false, release: true },
    );
  }
  if (level >= 3 && languages.includes('go')) tools.push({ name: 'Go native fuzzing', type: 'fuzzing', comment: 'go test -fuzz on every Fuzz target (.github/workflows/fuzzing.yml).', rulesets: ['default'], adhoc: true, ci: true, release: false });
  if (level >= 3 && languages.includes('rust')) tools.push({ name: 'cargo-fuzz', type: 'fuzzing', comment: 'libFuzzer targets of fuzz/ (.github/workflows/fuzzing.yml).', rulesets: ['default'], adhoc: true, ci: true, release: false });
  return tools;
}

export const securityInsights: Control = {
  id: 'security-insights',
  title: 'OpenSSF Security Insights',
  why: 'States in a machine-readable file (SECURITY-INSIGHTS.yml, Security Insights 2.0) how to report vulnerabilities, who administers the project, which security tools run and where releases come from, so users, CLOMonitor and LFX Insights do not have to guess.',
  level: 2,
  osps: ['OSPS-GV-01.01', 'OSPS-VM-02.01', 'OSPS-QA-04.01'],
  practices: ['security-policy'],
  outputs: (profile) => {
    const { owner, name } = profile.answers.repository;
    const repoUrl = `https://github.com/${owner}/${name}`;
    const branch = profile.answers.defaultBranch;
    const fileUrl = (file: string) => `${repoUrl}/blob/${branch}/${file}`;
    const today = generationDate();
    const artifacts = profile.answers.artifacts;
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
          selfAssessmentUrl: profile.answers.level >= 3 ? fileUrl('docs/security/self-assessment.md') : '',
          signatureVerificationUrl: profile.answers.level >= 2 && publishesReleases(profile) ? `${fileUrl('SECURITY.md')}#verifying-releases` : '',
          status: profile.facts.isEmpty ? 'WIP' : 'active',
          automatedRelease: profile.answers.level >= 2 && publishesReleases(profile),
          releasesUrl: `${repoUrl}/releases`,
          imageRef: artifacts.includes('container-images') ? `ghcr.io/${owner.toLowerCase()}/${name.toLowerCase()}` : '',
          tools: securityTools(profile),
        },
      },
    ];
  },
};
