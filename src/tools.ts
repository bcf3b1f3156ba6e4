import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir } from './paths.js';

interface ToolVersion {
  version: string;
  module?: string;
}

interface ToolVersions {
  govulncheck: ToolVersion;
  gitleaks: ToolVersion;
  pipAudit: ToolVersion;
  cargoFuzz: ToolVersion;
  atheris: ToolVersion & { python: string };
  goreleaser: ToolVersion;
}

let cached: ToolVersions | undefined;

/** Versions of CLI tools the workflows install, from data/tool-versions.json. */
export function toolVersions(): {
  govulncheck: string;
  gitleaks: string;
  gitleaksModule: string;
  pipAudit: string;
  cargoFuzz: string;
  atheris: string;
  /** The Python version the fuzzing workflow runs Atheris on (one it ships wheels for). */
  atherisPython: string;
  /** The GoReleaser release goreleaser-action installs (exact, so a release build is repeatable). */
  goreleaser: string;
} {
  cached ??= JSON.parse(readFileSync(path.join(dataDir, 'tool-versions.json'), 'utf8')) as ToolVersions;
  return {
    govulncheck: cached.govulncheck.version,
    gitleaks: cached.gitleaks.version,
    gitleaksModule: cached.gitleaks.module ?? 'github.com/zricethezav/gitleaks/v8',
    pipAudit: cached.pipAudit.version,
    cargoFuzz: cached.cargoFuzz.version,
    atheris: cached.atheris.version,
    atherisPython: cached.atheris.python,
    goreleaser: cached.goreleaser.version,
  };
}
