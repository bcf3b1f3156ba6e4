import type { Artifact, Language, Profile } from '../model.js';
import { LANGUAGE_LABELS } from '../model.js';

/** The file a language's jobs need before they can run, as a user would create it. */
const LANGUAGE_MANIFEST: Record<Language, string> = {
  go: 'go.mod',
  rust: 'Cargo.toml',
  python: 'pyproject.toml (or setup.py, requirements.txt)',
  javascript: 'package.json',
  'java-maven': 'pom.xml',
  'java-gradle': 'build.gradle or settings.gradle (.kts)',
  cpp: 'CMakeLists.txt (or meson.build, configure.ac)',
};

/** What each language adds once its manifest exists. */
const LANGUAGE_JOBS: Record<Language, string> = {
  go: 'Dependabot (gomod), CodeQL for Go, govulncheck, the Go release build and Go fuzzing',
  rust: 'Dependabot (cargo), CodeQL for Rust, cargo-deny, the Rust release build and cargo-fuzz',
  python: 'Dependabot (pip), CodeQL for Python, pip-audit, the sdist and wheel build and Atheris fuzzing',
  javascript: 'Dependabot (npm), CodeQL for JavaScript/TypeScript, the npm package build and npm publishing',
  'java-maven': 'Dependabot (maven), CodeQL for Java and the Maven release build',
  'java-gradle': 'Dependabot (gradle), CodeQL for Java and the Gradle release build',
  cpp: 'CodeQL for C/C++, the CMake release build and libFuzzer fuzzing',
};

const ARTIFACT_NEEDS: Partial<Record<Artifact, { file: string; jobs: string }>> = {
  'container-images': { file: 'a Dockerfile', jobs: 'the image build, signing and attestation, the container scan and the admission policy' },
  'helm-charts': { file: 'a chart (Chart.yaml)', jobs: 'chart packaging, signing and publishing' },
};

/**
 * One note per chosen language or artifact kind that has nothing on disk yet: its jobs would fail
 * on their first run, so they are left out until `secure-cncf upgrade` finds the manifest.
 */
export function pendingNotes(profile: Profile): string[] {
  const notes = profile.pending.languages.map(
    (language) =>
      `${LANGUAGE_LABELS[language]}: no ${LANGUAGE_MANIFEST[language]} yet, so nothing that needs it was written. After adding it, run \`npx create-secure-cncf upgrade\` to add ${LANGUAGE_JOBS[language]}.`,
  );
  for (const artifact of profile.pending.artifacts) {
    const needs = ARTIFACT_NEEDS[artifact];
    if (needs) notes.push(`${artifact}: no ${needs.file} yet. After adding it, run \`npx create-secure-cncf upgrade\` to add ${needs.jobs}.`);
  }
  return notes;
}
