import type { Control, ControlOutput } from '../../catalog/types.js';
import type { Ecosystem, Language, Profile } from '../../model.js';
import { LANGUAGE_ECOSYSTEMS } from '../../profile.js';
import { retentionDays, workflowData, workingDir } from '../common.js';
import { evidence } from './evidence.js';
import { retrofit } from './retrofit.js';
import { goBuilds, goVersionFile } from './goreleaser.js';
import { pinUsable } from '../../pins.js';

/** The action that publishes Python distributions to PyPI through trusted publishing. */
export const PYPI_PUBLISH = 'pypa/gh-action-pypi-publish';

/** How one language's release artifacts are built (empty when the language ships none). */
type BuildKind = 'go-binaries' | 'cargo-binaries' | 'cargo-package' | 'python-build' | 'npm-pack' | 'maven-package' | 'gradle-build' | 'cmake';

interface BuildJob {
  /** Job id suffix: `build-<id>`. */
  id: string;
  kind: BuildKind;
  title: string;
  /** Built on a native runner per target (compiled binaries) rather than once on linux/amd64. */
  native: boolean;
  /** Manifest directories (workflow working directories) and a slug safe for file and artifact names. */
  modules: Array<{ dir: string; slug: string }>;
}


/** "." -> "", "svc/api" -> "svc-api": only characters that are safe in file and artifact names. */
function slugOf(dir: string): string {
  return dir === '.' ? '' : dir.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '');
}

function modulesFor(profile: Profile, language: Language): Array<{ dir: string; slug: string }> {
  const dirs = [...new Set(LANGUAGE_ECOSYSTEMS[language].flatMap((e) => profile.ecosystems[e] ?? []))].map(workingDir);
  const list = dirs.length > 0 ? dirs : ['.'];
  return list.map((dir) => ({ dir, slug: slugOf(dir) }));
}

/** The build jobs for the artifacts the project releases, per language and its ecosystem's tool. */
export function buildJobs(profile: Profile): BuildJob[] {
  // Languages whose manifests exist; the chosen artifact kinds.
  const { languages } = profile;
  const { artifacts } = profile.answers;
  const binaries = artifacts.includes('binaries');
  const libraries = artifacts.includes('libraries');
  if (!binaries && !libraries) return [];
  const jobs: BuildJob[] = [];
  const add = (id: string, kind: BuildKind, title: string, language: Language) =>
    jobs.push({ id, kind, title, native: kind === 'cargo-binaries' || kind === 'cmake', modules: modulesFor(profile, language) });
  for (const language of languages) {
    switch (language) {
      case 'go':
        // Go libraries are published as source through the module proxy: the signed source archive covers them.
        if (binaries) add('go', 'go-binaries', 'Go binaries', language);
        break;
      case 'rust':
        if (binaries) add('rust', 'cargo-binaries', 'Rust binaries', language);
        if (libraries) add('rust-crate', 'cargo-package', 'Rust crate', language);
        break;
      case 'python':
        add('python', 'python-build', 'Python sdist and wheel', language);
        break;
      case 'javascript':
        add('javascript', 'npm-pack', 'npm package', language);
        break;
      case 'java-maven':
        add('maven', 'maven-package', 'Maven jars', language);
        break;
      case 'java-gradle':
        add('gradle', 'gradle-build', 'Gradle jars', language);
        break;
      case 'cpp':
        add('cpp', 'cmake', 'C/C++ build (CMake)', language);
        break;
    }
  }
  return jobs;
}

/**
 * GitHub-hosted runners that build natively for each target (no cross toolchains to maintain),
 * and the target name each one gives its assets.
 */
export const NATIVE_RUNNERS = [
  { runner: 'ubuntu-24.04', target: 'linux_amd64' },
  { runner: 'ubuntu-24.04-arm', target: 'linux_arm64' },
  { runner: 'macos-14', target: 'darwin_arm64' },
  { runner: 'windows-latest', target: 'windows_amd64' },
] as const;

/**
 * Who builds and publishes the release. `goreleaser`: a Go project whose only built files are Go
 * binaries (images and SBOMs aside) releases with GoReleaser end to end; `workflow`: every other
 * mix, where GoReleaser builds the Go archives and the workflow signs and publishes everything.
 */
export function releaseTool(profile: Profile): 'goreleaser' | 'workflow' {
  const jobs = buildJobs(profile);
  const goOnly = jobs.length === 1 && jobs[0]!.kind === 'go-binaries';
  return goOnly && !profile.artifacts.includes('helm-charts') ? 'goreleaser' : 'workflow';
}

/** Whether the plan writes Dockerfile.goreleaser: GoReleaser builds the image (and no GoReleaser config exists yet). */
export function writesGoreleaserDockerfile(profile: Profile): boolean {
  return releaseTool(profile) === 'goreleaser' && profile.artifacts.includes('container-images') && !profile.facts.goreleaserConfig;
}

/** Escape a literal for use inside a POSIX extended / RE2 regular expression. */
export function regexLiteral(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, (c) => `\\${c}`);
}

/**
 * What users and admission policies need to verify this repository's releases: the signing identity
 * of the release workflow, the image and chart locations. Shared with SECURITY.md and the Kyverno policy.
 */
export function releaseIdentity(profile: Profile) {
  const { owner, name } = profile.answers.repository;
  const repoSlug = `${owner}/${name}`;
  // GHCR repository names must be lowercase.
  const image = `ghcr.io/${owner}/${name}`.toLowerCase();
  const workflowPath = '.github/workflows/release.yml';
  return {
    repoSlug,
    image,
    chartRepository: `${image}/charts`,
    workflowPath,
    issuer: 'https://token.actions.githubusercontent.com',
    rekorUrl: 'https://rekor.sigstore.dev',
    /** The Fulcio certificate SAN of a tag-triggered run of the release workflow, as an anchored regexp prefix. */
    identityRegexp: `^https://github\\.com/${regexLiteral(repoSlug)}/${regexLiteral(workflowPath)}@refs/tags/v`,
    hasImages: profile.artifacts.includes('container-images'),
    hasCharts: profile.artifacts.includes('helm-charts'),
    level: profile.answers.level,
    chartPublishing: profile.answers.chartPublishing ?? 'oci',
    /** GoReleaser signs SHA256SUMS only; the workflow signs every file. */
    signsEveryFile: releaseTool(profile) === 'workflow',
  };
}

/** Docker build context of the released image: the first directory with a Dockerfile, root first. */
export function dockerContext(profile: Profile): string {
  const dirs = (profile.ecosystems.docker ?? profile.facts.manifests.docker ?? []).map(workingDir);
  if (dirs.length === 0 || dirs.includes('.')) return '.';
  return [...dirs].sort()[0]!;
}

export const releaseSigning: Control = {
  evidence,
  retrofit,
  fix: 'npx create-secure-cncf retrofit --level 2',
  id: 'release-signing',
  title: 'Signed releases with SBOMs and build provenance',
  why: 'Lets users check that a release was built by this repository\'s release workflow from a tagged commit and was not altered afterwards: every asset gets a checksum, a keyless Sigstore signature and a build-provenance attestation, and ships with SPDX and CycloneDX SBOMs; at the graduated level the provenance also meets SLSA Build L3.',
  level: 2,
  osps: ['OSPS-BR-02.01', 'OSPS-BR-02.02', 'OSPS-BR-06.01', 'OSPS-QA-02.02', 'OSPS-DO-03.01', 'OSPS-DO-03.02'],
  practices: ['sbom', 'artifact-signing', 'build-provenance'],
  outputs: (ctx) => {
    const { profile } = ctx;
    const identity = releaseIdentity(profile);
    const builds = buildJobs(profile);
    const go = builds.some((b) => b.kind === 'go-binaries') ? goBuilds(profile) : [];
    const tool = releaseTool(profile);
    const goreleaserConfig = profile.facts.goreleaserConfig ?? '.goreleaser.yaml';
    const common = {
      ...workflowData(profile, 'release'),
      ...identity,
      // files handed between jobs carry the SBOMs and signatures: kept as long as a preset asks
      retentionDays: retentionDays(ctx, 'artifact', 5), goVersionFile: goVersionFile(go), goreleaserConfig, existingConfig: Boolean(profile.facts.goreleaserConfig), dockerContext: dockerContext(profile) };
    const outputs: ControlOutput[] = [
      tool === 'goreleaser'
        ? { path: '.github/workflows/release.yml', template: 'release-signing/release-go.yml.ejs', data: common }
        : {
            path: '.github/workflows/release.yml',
            template: 'release-signing/release.yml.ejs',
            data: {
              ...common,
              builds,
              goBuilds: go,
              chartPublishing: profile.answers.chartPublishing ?? 'oci',
              nativeTargets: NATIVE_RUNNERS,
              // npm packages are published with provenance after the GitHub release is complete.
              publishNpm: profile.languages.includes('javascript') && profile.answers.artifacts.includes('libraries'),
              // PyPI trusted publishing needs a current pin of pypa/gh-action-pypi-publish (attestations came in v1.10).
              pypi: profile.languages.includes('python') && profile.answers.artifacts.includes('libraries') ? (pinUsable(PYPI_PUBLISH) ? 'publish' : 'no-pin') : 'none',
            },
          },
    ];
    // An existing GoReleaser configuration is the project's: retrofit edits it (retrofit.ts).
    if (go.length > 0 && !profile.facts.goreleaserConfig) {
      const standalone = tool === 'goreleaser';
      // GoReleaser builds the image only where it builds everything: from its own binaries.
      const image = writesGoreleaserDockerfile(profile) ? identity.image : undefined;
      outputs.push({
        path: '.goreleaser.yaml',
        template: 'release-signing/goreleaser.yaml.ejs',
        data: { projectName: profile.answers.repository.name, builds: go, standalone, image, sourceUrl: `https://github.com/${identity.repoSlug}` },
      });
      if (image) {
        const binaries = [...new Set(go.map((b) => b.binary))];
        outputs.push({ path: 'Dockerfile.goreleaser', template: 'release-signing/Dockerfile.goreleaser.ejs', data: { binaries } });
      }
    }
    return outputs;
  },
};
