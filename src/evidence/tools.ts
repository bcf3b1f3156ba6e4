// How security tools show up in what a repository runs: the actions (by name), the commands (in
// `run:` scripts and everything they call) and the configuration that makes a tool do the
// practice. One table per practice; every probe and every control's evidence reads it.
import type { RepoView } from './repo-view.js';
import type { Unit } from './reach.js';
import type { EvidenceLocation } from './types.js';
import { buildSigning, chartReleaserSigns, golangciGosec, goreleaserOfUnit, jqfTests, npmProvenanceConfig, preCommitSecretHook } from './configs.js';

export const PRACTICES = ['sast', 'scorecard', 'sca', 'secret-scanning', 'dependency-review', 'sbom', 'signing', 'provenance', 'fuzzing', 'container-scanning'] as const;
export type PracticeId = (typeof PRACTICES)[number];

export const PRACTICE_TITLES: Record<PracticeId, string> = {
  sast: 'Static analysis',
  scorecard: 'OpenSSF Scorecard',
  sca: 'Dependency vulnerability scanning',
  'secret-scanning': 'Secret scanning',
  'dependency-review': 'Dependency review',
  sbom: 'SBOM generation',
  signing: 'Release signing',
  provenance: 'Build provenance',
  fuzzing: 'Fuzzing',
  'container-scanning': 'Container image scanning',
};

/** A tool as it shows up in a unit: an action (name prefixes) or a command pattern. */
export interface ToolSpec {
  label: string;
  /** `uses:` names (owner/repo[/path], without @ref) equal to or under one of these, case-insensitive. */
  uses?: string[];
  /** A pattern over command text (`run:` scripts, recipe lines, package scripts, shell scripts). */
  run?: RegExp;
  /** Extra condition on the unit (e.g. an input value). */
  when?: (unit: Unit) => boolean;
  /** The configuration that makes the tool do the practice; the tool counts only when it is found. */
  config?: (repo: RepoView, unit: Unit) => EvidenceLocation | undefined;
}

/** An action input (step or job `with:`), as a string. */
export function input(unit: Unit, key: string): string {
  const value = unit.uses?.level === 'job' ? unit.job.with[key] : unit.step?.with[key];
  return value === undefined || value === null ? '' : String(value);
}

const isAction = (unit: Unit) => unit.uses !== undefined;

/** An environment variable as the step sees it (step, job, then workflow `env:`). */
export function envOf(unit: Unit, name: string): string {
  const jobs = unit.entry.data['jobs'] as Record<string, { env?: Record<string, unknown> }> | undefined;
  const value = unit.step?.env[name] ?? jobs?.[unit.job.id]?.env?.[name] ?? (unit.entry.data['env'] as Record<string, unknown> | undefined)?.[name];
  return value === undefined || value === null ? '' : String(value);
}

/** The version an action reference stands for: its tag, or the tag in the pin's comment. */
function referencedVersion(unit: Unit): number[] | undefined {
  const text = [unit.uses?.ref ?? '', unit.uses?.comment ?? ''].join(' ');
  const match = /\bv?(\d+)\.(\d+)(?:\.(\d+))?\b/.exec(text);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)] : undefined;
}

/**
 * pypa/gh-action-pypi-publish generates PEP 740 attestations by default from v1.11.0 (v1.10.x:
 * only with `attestations: true`; the v1.11.0 release notes and pull request #277 say so).
 */
function pypiAttestations(unit: Unit): boolean {
  if (/^false$/i.test(input(unit, 'attestations'))) return false;
  if (/^true$/i.test(input(unit, 'attestations'))) return true;
  const version = referencedVersion(unit);
  return version === undefined || version[0]! > 1 || (version[0] === 1 && version[1]! >= 11);
}

/** Publishing to npm with provenance: the flag, NPM_CONFIG_PROVENANCE, or a publishConfig / .npmrc setting. */
function npmProvenance(unit: Unit): boolean {
  return /--provenance\b/.test(unit.text ?? '') || /^true$/i.test(envOf(unit, 'NPM_CONFIG_PROVENANCE'));
}
const buildkit = (key: 'sbom' | 'provenance', unit: Unit): boolean => {
  if (isAction(unit)) {
    const value = input(unit, key).trim();
    return value !== '' && !/^false$/i.test(value);
  }
  // `--provenance=false` / `--sbom=false` turn BuildKit's attestation off; any other value, or
  // `--attest type=provenance|sbom`, turns it on.
  const text = (unit.text ?? '').replace(/\\\r?\n/g, ' ');
  for (const line of text.split('\n')) {
    if (!/docker\s+(buildx\s+)?build\b/.test(line)) continue;
    for (const match of line.matchAll(new RegExp(`--(?:${key}(?:[= ]+([^\\s;&|)]+))?|attest[= ]+\\S*type=${key}\\b)`, 'g'))) {
      if (match[1] === undefined || !/^["']?(false|0)["']?$/i.test(match[1])) return true;
    }
  }
  return false;
};

/**
 * A tool's command, or a variable standing for it in a script or Makefile (`$(COSIGN)`, `${TRIVY}`,
 * `$GO_CMD`): the pattern source to use inside a larger pattern.
 */
function cmd(name: string): string {
  const upper = name.toUpperCase().replace(/-/g, '[-_]');
  return String.raw`(?:(?<![\w-])${name}|\$[({]?\w*${upper}\w*[)}]?)`;
}
const GO = cmd('go');

/** A cargo subcommand, also with a toolchain (`cargo +1.92 deny`) or as its binary (`cargo-deny`). */
const CARGO = (sub: string) => new RegExp(String.raw`\bcargo\s+(?:\+\S+\s+)?${sub}\b|\bcargo-${sub}\b(?!\.toml|-action)`);

const NPM_PUBLISH = /\b(npm|pnpm|yarn)\s+publish\b|\blerna\s+publish\b|\bchangeset\s+publish\b/;

/** cargo-deny scans for vulnerabilities only when its `check` includes advisories (all checks by default). */
function cargoDenyChecksAdvisories(unit: Unit): boolean {
  const invocations = isAction(unit)
    ? [`check ${input(unit, 'command')} ${input(unit, 'arguments')}`]
    : [...(unit.text ?? '').matchAll(new RegExp(String.raw`(?:${CARGO('deny').source})([^\n]*)`, 'g'))].map((m) => m[1] ?? '');
  return invocations.some((args) => {
    if (!/\bcheck\b/.test(args)) return false;
    const kinds: string[] = args.slice(args.search(/\bcheck\b/) + 5).match(/\b(advisories|bans|licenses|sources)\b/g) ?? [];
    return kinds.length === 0 || kinds.includes('advisories');
  });
}

export const PRACTICE_TOOLS: Record<PracticeId, ToolSpec[]> = {
  sast: [
    { label: 'CodeQL', uses: ['github/codeql-action/analyze', 'github/codeql-action/init'], run: /\bcodeql\s+database\s+analyze\b/ },
    { label: 'Semgrep', uses: ['returntocorp/semgrep-action', 'semgrep/semgrep-action'], run: /(^|[\s/])semgrep\s+(?:--?[\w-]+\s+)*(ci|scan|--config|-c)\b/ },
    { label: 'gosec', uses: ['securego/gosec'], run: new RegExp(String.raw`(^|[\s/])${cmd('gosec')}\s`) },
    { label: 'gosec (golangci-lint)', uses: ['golangci/golangci-lint-action'], run: /golangci[-_]lint\b[^\n]{0,200}?\srun\b/i, config: golangciGosec },
    { label: 'SonarQube Cloud', uses: ['SonarSource/sonarcloud-github-action', 'SonarSource/sonarqube-scan-action'], run: /\bsonar-scanner\b|\bsonar:sonar\b/ },
    { label: 'Snyk Code', run: /\bsnyk\s+code\s+test\b/ },
    { label: 'Bandit', uses: ['PyCQA/bandit-action'], run: /(^|[\s/])bandit(\s[^\n]*?)?\s(-r|--recursive|-c|--configfile)\b/ },
    { label: 'Pysa', uses: ['facebook/pysa-action'] },
    { label: 'Qodana', uses: ['JetBrains/qodana-action'] },
    { label: 'zizmor', uses: ['zizmorcore/zizmor-action', 'woodruffw/zizmor-action'], run: /(^|[\s/])zizmor\s/ },
    { label: 'Checkov', uses: ['bridgecrewio/checkov-action'], run: /(^|[\s/])checkov\s+(-d|-f|--directory|--file)\b/ },
    { label: 'Trivy (config)', uses: ['aquasecurity/trivy-action'], run: /\btrivy\s+(config|conf)\b/, when: (u) => !isAction(u) || /^(config|conf)$/.test(input(u, 'scan-type')) },
    { label: 'SpotBugs (find-sec-bugs)', run: /findsecbugs|find-sec-bugs/ },
    { label: 'Brakeman', run: /(^|[\s/])brakeman\b/ },
  ],
  scorecard: [{ label: 'Scorecard', uses: ['ossf/scorecard-action'], run: /\bscorecard\s+--(repo|local)\b/ }],
  sca: [
    { label: 'OSV-Scanner', uses: ['google/osv-scanner-action'], run: /\bosv-scanner\b/ },
    { label: 'govulncheck', uses: ['golang/govulncheck-action'], run: new RegExp(String.raw`(^|[\s/])${cmd('govulncheck')}(?![-\w]*\.(go|md))(\s|$)`) },
    { label: 'Trivy', uses: ['aquasecurity/trivy-action'], run: new RegExp(String.raw`${cmd('trivy')}\s+(fs|filesystem|repo|repository|rootfs)\b`), when: (u) => !isAction(u) || /^(fs|filesystem|repo|rootfs)$/.test(input(u, 'scan-type')) },
    { label: 'Grype', uses: ['anchore/scan-action'], run: /\bgrype\s+(dir:|sbom:|\.)/, when: (u) => !isAction(u) || input(u, 'path') !== '' || input(u, 'sbom') !== '' },
    { label: 'cargo-deny', uses: ['EmbarkStudios/cargo-deny-action'], run: CARGO('deny'), when: cargoDenyChecksAdvisories },
    { label: 'cargo-audit', uses: ['rustsec/audit-check', 'actions-rs/audit-check', 'actions-rust-lang/audit'], run: CARGO('audit') },
    { label: 'pip-audit', uses: ['pypa/gh-action-pip-audit'], run: /\bpip-audit\b/ },
    { label: 'npm audit', run: /\b(npm|pnpm|yarn)\s+audit\b/ },
    { label: 'Snyk', uses: ['snyk/actions'], run: /\bsnyk\s+(test|monitor)\b/, when: (u) => !isAction(u) || !/\/(docker|iac)$/i.test(u.uses!.name) },
    { label: 'OWASP Dependency-Check', uses: ['dependency-check/Dependency-Check_Action'], run: /\bdependency-check\b/ },
    { label: 'FOSSA', uses: ['fossas/fossa-action'], run: /\bfossa\s+(analyze|test)\b/ },
    { label: 'Sonatype OSS Index', run: /\bossIndexAudit\b|\bossindex:audit\b/ },
    { label: 'Dependabot alerts check', run: /dependabot\/alerts/ },
  ],
  'secret-scanning': [
    { label: 'gitleaks', uses: ['gitleaks/gitleaks-action', 'zricethezav/gitleaks-action'], run: /(^|[\s/])gitleaks\s+(detect|git|dir|protect|stdin)\b|\bgitleaks\/v8@/ },
    { label: 'TruffleHog', uses: ['trufflesecurity/trufflehog'], run: /\btrufflehog\b/ },
    { label: 'ggshield', uses: ['GitGuardian/ggshield-action', 'GitGuardian/ggshield'], run: /\bggshield\b/ },
    { label: 'detect-secrets', run: /\bdetect-secrets\b/ },
    { label: 'gitleaks (super-linter)', uses: ['super-linter/super-linter', 'github/super-linter'], when: (u) => !/^false$/i.test(envOf(u, 'VALIDATE_GITLEAKS')) },
    { label: 'pre-commit secret hook', uses: ['pre-commit/action'], run: /\bpre-commit\s+run\b|\bprek\s+run\b/, config: preCommitSecretHook },
  ],
  'dependency-review': [{ label: 'dependency-review-action', uses: ['actions/dependency-review-action'] }],
  sbom: [
    { label: 'Syft', uses: ['anchore/sbom-action'], run: new RegExp(String.raw`(^|[\s/])${cmd('syft')}\s+(scan|packages|dir:|\.|-o|[\w./:@$(){}-]+\s+-o)`) },
    { label: 'cdxgen', uses: ['CycloneDX/gh-cdxgen'], run: /\bcdxgen\b/ },
    { label: 'bom', run: /(^|[\s/])bom\s+generate\b/ },
    { label: 'CycloneDX', run: /(^|[\s/])cyclonedx-(gomod|py|npm|bom)\s|@cyclonedx\/(cyclonedx-npm|bom)\b|cyclonedx-maven-plugin|\bcyclonedxBom\b|\bcyclonedx\s+(gomod|mod|app)\b/ },
    { label: 'SBOM attestation', uses: ['actions/attest-sbom'] },
    { label: 'Trivy SBOM', uses: ['aquasecurity/trivy-action'], run: /\btrivy\b[^\n]*--format\s+(cyclonedx|spdx)/, when: (u) => !isAction(u) || /cyclonedx|spdx/.test(input(u, 'format')) },
    { label: 'BuildKit SBOM', uses: ['docker/build-push-action'], run: /docker\s+(buildx\s+)?build\b/, when: (u) => buildkit('sbom', u) },
    { label: 'GoReleaser sboms', uses: ['goreleaser/goreleaser-action'], run: /(^|[\s/])goreleaser\s+(release\b|--)/, config: (repo, u) => goreleaserOfUnit(repo, u)?.sboms },
    { label: 'npm sbom', run: /\b(npm|pnpm)\s+sbom\b/ },
    { label: 'spdx-sbom-generator', run: /spdx-sbom-generator/ },
    { label: 'cosign attach sbom', run: /\bcosign\s+(attach|attest)\s+sbom\b|\bcosign\s+attest\b[^\n]*--type\s+(spdx|cyclonedx)/ },
    { label: 'CycloneDX gomod', uses: ['CycloneDX/gh-gomod-generate-sbom'] },
    // GitHub's dependency graph exports an SPDX document of the repository (REST: /dependency-graph/sbom).
    { label: 'GitHub dependency-graph SBOM export', run: /\/dependency-graph\/sbom\b/ },
  ],
  signing: [
    { label: 'cosign', run: new RegExp(String.raw`${cmd('cosign')}\s+(sign|sign-blob|attest|attest-blob)\b`) },
    { label: 'Notation', uses: ['notaryproject/notation-action/sign'], run: /\bnotation\s+sign\b/ },
    { label: 'sigstore-python', uses: ['sigstore/gh-action-sigstore-python'] },
    { label: 'GPG', run: /\bgpg2?\b[^\n]*--(detach-sign|clearsign|detach-sig|sign)\b|\bgit\s+tag\b[^\n]*\s(-s|--sign|-u|--local-user)\b/ },
    { label: 'GoReleaser signs', uses: ['goreleaser/goreleaser-action'], run: /(^|[\s/])goreleaser\s+(release\b|--)/, config: (repo, u) => goreleaserOfUnit(repo, u)?.signs },
    { label: 'chart-releaser (GPG)', uses: ['helm/chart-releaser-action'], run: /\bcr\s+(package|upload)\b[^\n]*--sign\b/, config: (repo, u) => (u.uses ? chartReleaserSigns(repo, u) : { file: u.file, line: u.firstLine }) },
    { label: 'helm package --sign', run: /\bhelm\s+package\b[^\n]*--sign\b/ },
    { label: 'PyPI trusted publishing (attestations)', uses: ['pypa/gh-action-pypi-publish'], when: pypiAttestations },
    { label: 'GPG (Gradle/Maven signing)', run: /\bgradlew?\b[^\n]*\bpublish\w*|\bmvnw?\b[^\n]*\bdeploy\b/, config: buildSigning },
  ],
  provenance: [
    { label: 'GitHub build-provenance attestation', uses: ['actions/attest-build-provenance', 'actions/attest'], when: (u) => u.uses!.name.toLowerCase() !== 'actions/attest' || input(u, 'predicate-type') === '' || /slsa\.dev\/provenance/.test(input(u, 'predicate-type')) },
    { label: 'SLSA generator', uses: ['slsa-framework/slsa-github-generator'] },
    { label: 'cosign attest (provenance)', run: /\bcosign\s+attest\b[^\n]*--type\s+(slsaprovenance|slsaprovenance1|https:\/\/slsa\.dev)/ },
    { label: 'npm provenance', run: NPM_PUBLISH, when: npmProvenance },
    { label: 'npm provenance', run: NPM_PUBLISH, config: npmProvenanceConfig },
    { label: 'BuildKit provenance', uses: ['docker/build-push-action'], run: /docker\s+(buildx\s+)?build\b/, when: (u) => buildkit('provenance', u) },
    { label: 'PyPI trusted publishing (attestations)', uses: ['pypa/gh-action-pypi-publish'], when: pypiAttestations },
  ],
  fuzzing: [
    { label: 'CIFuzz (OSS-Fuzz)', uses: ['google/oss-fuzz/infra/cifuzz/actions'] },
    { label: 'ClusterFuzzLite', uses: ['google/clusterfuzzlite/actions'] },
    { label: 'go test -fuzz', run: new RegExp(String.raw`${GO}\s+test\b[^\n]*\s-fuzz[= ]`) },
    { label: 'cargo fuzz', run: /\bcargo\s+(\+\S+\s+)?fuzz\s+run\b/ },
    { label: 'Jazzer', run: /\bjazzer\b/ },
    { label: 'Atheris', run: /\batheris\b/ },
    { label: 'libFuzzer (clang -fsanitize=fuzzer)', run: /-fsanitize=[a-z,]*\bfuzzer\b/ },
    { label: 'JQF (fuzz tests in the test suite)', run: /\bgradlew?\b[^\n]*\b(build|test|check)\b|\bmvnw?\b[^\n]*\b(test|verify|install)\b/, config: jqfTests },
  ],
  'container-scanning': [
    { label: 'Grype (image)', uses: ['anchore/scan-action'], run: /\bgrype\s+(?!dir:|sbom:|\.)\S+/, when: (u) => !isAction(u) || input(u, 'image') !== '' },
    { label: 'Trivy (image)', uses: ['aquasecurity/trivy-action'], run: new RegExp(String.raw`${cmd('trivy')}\s+image\b`), when: (u) => !isAction(u) || input(u, 'image-ref') !== '' || input(u, 'scan-type') === 'image' },
    { label: 'Docker Scout', uses: ['docker/scout-action'], run: /\bdocker\s+scout\s+cves\b/ },
    { label: 'Snyk Container', uses: ['snyk/actions/docker'], run: /\bsnyk\s+container\s+test\b/ },
    { label: 'Dockle', uses: ['goodwithtech/dockle-action', 'erzz/dockle-action'], run: /(^|[\s/])dockle\s/ },
  ],
};

/** Keywords in the path of another repository's reusable workflow or action that plausibly does a practice. */
export const DELEGATION_KEYWORDS: Record<PracticeId, RegExp> = {
  sast: /codeql|sast|semgrep|gosec|static[-_]?analysis|code[-_]?scan|security(?![-_]?insights)/i,
  scorecard: /scorecard/i,
  sca: /vuln|osv|trivy|grype|snyk|audit|dependency[-_]?scan|sca\b|fossa|security(?![-_]?insights)/i,
  'secret-scanning': /secret|gitleaks|trufflehog/i,
  'dependency-review': /dependency[-_]?review|depsreview/i,
  sbom: /sbom|bom\b/i,
  signing: /sign|cosign/i,
  provenance: /provenance|slsa|attest/i,
  fuzzing: /fuzz/i,
  'container-scanning': /container[-_]?scan|image[-_]?scan|trivy|grype|snyk[-_]?container/i,
};
