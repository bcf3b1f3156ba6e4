import { writesGoreleaserDockerfile } from '../release-signing/control.js';
import type { Control } from '../../catalog/types.js';
import type { Profile } from '../../model.js';
import { STATE_FILE } from '../../state.js';
import { evidence } from './evidence.js';

// GitHub's rule for user and organisation names (1-39 alphanumerics or single inner hyphens).
const GITHUB_OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
// What a CODEOWNERS pattern written by this control may contain: no whitespace (it separates the
// pattern from the owners), no '#' (it starts a comment) and no '!' / '[' (not supported there).
const SAFE_PATTERN = /^[A-Za-z0-9._*/-]+$/;

/** `@owner`, refusing anything that is not a GitHub user or organisation name. */
export function ownerHandle(owner: string): string {
  if (!GITHUB_OWNER.test(owner)) throw new Error(`"${owner}" is not a GitHub user or organisation name; cannot write CODEOWNERS.`);
  return `@${owner}`;
}

export interface OwnedPath {
  pattern: string;
  comment: string;
}

/** Security-sensitive paths that get their own explicit entry (the place to name a smaller team). */
export function sensitivePaths(profile: Profile): OwnedPath[] {
  const { artifacts, languages } = profile.answers;
  const paths: OwnedPath[] = [
    { pattern: '/.github/', comment: 'Workflows, Dependabot, rulesets and this file: they control what CI may do' },
    { pattern: '/SECURITY.md', comment: 'How vulnerabilities are reported and handled' },
    { pattern: '/SECURITY-INSIGHTS.yml', comment: 'Machine-readable security claims of the project' },
    { pattern: '/docs/security/', comment: 'Threat model, self-assessment and security documentation' },
    { pattern: `/${STATE_FILE}`, comment: 'secure-cncf answers and hashes of the generated files' },
  ];
  if (profile.facts.renovateConfig && SAFE_PATTERN.test(profile.facts.renovateConfig)) {
    paths.push({ pattern: `/${profile.facts.renovateConfig}`, comment: 'Renovate configuration (dependency update policy)' });
  }
  if (artifacts.includes('binaries') && languages.includes('go')) {
    paths.push(
      { pattern: '/.goreleaser.yml', comment: 'Release build configuration' },
      { pattern: '/.goreleaser.yaml', comment: 'Release build configuration' },
    );
    if (writesGoreleaserDockerfile(profile)) paths.push({ pattern: '/Dockerfile.goreleaser', comment: 'Release image GoReleaser builds' });
  }
  if (artifacts.includes('container-images')) {
    paths.push(
      { pattern: 'Dockerfile', comment: 'Container image builds, anywhere in the tree' },
      { pattern: 'Containerfile', comment: 'Container image builds, anywhere in the tree' },
    );
  }
  for (const entry of paths) {
    if (!SAFE_PATTERN.test(entry.pattern)) throw new Error(`Unsafe CODEOWNERS pattern "${entry.pattern}".`);
  }
  return paths;
}

export const codeowners: Control = {
  evidence,
  fix: 'npx create-secure-cncf retrofit --level 2',
  id: 'codeowners',
  title: 'Code owners for every path, explicitly for security-sensitive ones',
  why: 'Names who must review each change. Together with a ruleset that requires code-owner review, nobody can change the workflows, the security policy or the release configuration without a maintainer approving it.',
  level: 2,
  osps: ['OSPS-GV-01.01', 'OSPS-GV-01.02'],
  practices: ['codeowners'],
  outputs: ({ profile }) => [
    {
      path: '.github/CODEOWNERS',
      template: 'codeowners/CODEOWNERS.ejs',
      data: {
        projectName: profile.answers.projectName,
        owner: ownerHandle(profile.answers.repository.owner),
        paths: sensitivePaths(profile),
      },
    },
  ],
};
