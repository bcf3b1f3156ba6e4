// How common security tools appear in GitHub workflows: the action names and the commands.
// Shared by several evidence functions (e.g. SBOM generators count for release-signing and sbom-config).
import type { ToolSpec } from './kit.js';

const input = (step: { with: Record<string, unknown> }, key: string) => String(step.with[key] ?? '');

export const SAST_TOOLS: ToolSpec[] = [
  { label: 'CodeQL', uses: ['github/codeql-action/analyze', 'github/codeql-action/init'] },
  { label: 'Semgrep', uses: ['returntocorp/semgrep-action', 'semgrep/semgrep-action'], run: /\bsemgrep\s+(ci|scan|--config)\b/ },
  { label: 'gosec', uses: ['securego/gosec'], run: /\bgosec\b/ },
  { label: 'SonarQube Cloud', uses: ['SonarSource/sonarcloud-github-action', 'SonarSource/sonarqube-scan-action'] },
  { label: 'Snyk Code', uses: ['snyk/actions'], run: /\bsnyk\s+code\s+test\b/ },
  { label: 'Bandit', uses: ['PyCQA/bandit-action'], run: /\bbandit\s+-r\b/ },
  { label: 'Pysa', uses: ['facebook/pysa-action'] },
  { label: 'Qodana', uses: ['JetBrains/qodana-action'] },
];

export const SCA_TOOLS: ToolSpec[] = [
  { label: 'OSV-Scanner', uses: ['google/osv-scanner-action'], run: /\bosv-scanner\b/ },
  { label: 'govulncheck', uses: ['golang/govulncheck-action'], run: /\bgovulncheck\b/ },
  { label: 'Trivy', uses: ['aquasecurity/trivy-action'], run: /\btrivy\s+(fs|filesystem|repo|repository|rootfs)\b/, when: (s) => !s.uses || /^(fs|filesystem|repo|rootfs)$/.test(input(s, 'scan-type')) },
  { label: 'Grype', uses: ['anchore/scan-action'], run: /\bgrype\s+(dir:|sbom:|\.)/, when: (s) => !s.uses || input(s, 'path') !== '' || input(s, 'sbom') !== '' },
  { label: 'cargo-deny', uses: ['EmbarkStudios/cargo-deny-action'], run: /\bcargo[- ]deny\b/ },
  { label: 'cargo-audit', uses: ['rustsec/audit-check', 'actions-rs/audit-check'], run: /\bcargo[- ]audit\b/ },
  { label: 'pip-audit', uses: ['pypa/gh-action-pip-audit'], run: /\bpip-audit\b/ },
  { label: 'npm audit', run: /\b(npm|pnpm|yarn)\s+audit\b/ },
  { label: 'Snyk Open Source', uses: ['snyk/actions'], run: /\bsnyk\s+test\b/ },
  { label: 'OWASP Dependency-Check', uses: ['dependency-check/Dependency-Check_Action'], run: /\bdependency-check\b/ },
];

export const SECRET_TOOLS: ToolSpec[] = [
  { label: 'gitleaks', uses: ['gitleaks/gitleaks-action', 'zricethezav/gitleaks-action'], run: /\bgitleaks\b/ },
  { label: 'TruffleHog', uses: ['trufflesecurity/trufflehog'], run: /\btrufflehog\b/ },
  { label: 'ggshield', uses: ['GitGuardian/ggshield-action', 'GitGuardian/ggshield'], run: /\bggshield\b/ },
  { label: 'detect-secrets', run: /\bdetect-secrets\b/ },
];

export const SBOM_TOOLS: ToolSpec[] = [
  { label: 'Syft (anchore/sbom-action)', uses: ['anchore/sbom-action'], run: /\bsyft\b/ },
  { label: 'cdxgen', uses: ['CycloneDX/gh-cdxgen'], run: /\bcdxgen\b/ },
  { label: 'bom', run: /\bbom\s+generate\b/ },
  { label: 'CycloneDX', run: /\bcyclonedx-(gomod|py|npm|bom)\b|@cyclonedx\/|cyclonedx-maven-plugin|cyclonedxBom\b/ },
  { label: 'SBOM attestation', uses: ['actions/attest-sbom'] },
  { label: 'Trivy SBOM', uses: ['aquasecurity/trivy-action'], run: /\btrivy\b.*--format\s+(cyclonedx|spdx)/, when: (s) => !s.uses || /cyclonedx|spdx/.test(input(s, 'format')) },
  { label: 'BuildKit SBOM', uses: ['docker/build-push-action'], when: (s) => !s.uses || /^(true|generator=)/.test(input(s, 'sbom')) },
];

export const SIGNING_TOOLS: ToolSpec[] = [
  { label: 'cosign', run: /\bcosign\s+(sign|sign-blob|attest)\b/ },
  { label: 'cosign (installer)', uses: ['sigstore/cosign-installer'] },
  { label: 'Notation', uses: ['notaryproject/notation-action/sign'], run: /\bnotation\s+sign\b/ },
  { label: 'sigstore-python', uses: ['sigstore/gh-action-sigstore-python'] },
  { label: 'GPG', run: /\bgpg\b.*--(detach-sign|clearsign|armor --detach)/ },
  { label: 'npm provenance', run: /\bnpm\s+publish\b.*--provenance/ },
  { label: 'PyPI trusted publishing (attestations)', uses: ['pypa/gh-action-pypi-publish'] },
];

export const PROVENANCE_TOOLS: ToolSpec[] = [
  { label: 'GitHub build-provenance attestation', uses: ['actions/attest-build-provenance', 'actions/attest'] },
  { label: 'SLSA generator', uses: ['slsa-framework/slsa-github-generator'] },
  { label: 'cosign attest', run: /\bcosign\s+attest\b/ },
  { label: 'npm provenance', run: /\bnpm\s+publish\b.*--provenance/ },
];

export const CONTAINER_SCAN_TOOLS: ToolSpec[] = [
  { label: 'Grype (image)', uses: ['anchore/scan-action'], run: /\bgrype\s+(?!dir:|sbom:|\.)\S+/, when: (s) => !s.uses || input(s, 'image') !== '' },
  { label: 'Trivy (image)', uses: ['aquasecurity/trivy-action'], run: /\btrivy\s+image\b/, when: (s) => !s.uses || input(s, 'image-ref') !== '' || input(s, 'scan-type') === 'image' },
  { label: 'Docker Scout', uses: ['docker/scout-action'], run: /\bdocker\s+scout\s+cves\b/ },
  { label: 'Snyk Container', uses: ['snyk/actions/docker'], run: /\bsnyk\s+container\s+test\b/ },
];

export const FUZZ_TOOLS: ToolSpec[] = [
  { label: 'CIFuzz (OSS-Fuzz)', uses: ['google/oss-fuzz/infra/cifuzz/actions'] },
  { label: 'ClusterFuzzLite', uses: ['google/clusterfuzzlite/actions'] },
  { label: 'go test -fuzz', run: /\bgo\s+test\b.*-fuzz[= ]/ },
  { label: 'cargo fuzz', run: /\bcargo\s+(\+\S+\s+)?fuzz\s+run\b/ },
  { label: 'Jazzer', run: /\bjazzer\b/ },
  { label: 'Atheris', run: /\batheris\b/ },
  { label: 'libFuzzer (clang -fsanitize=fuzzer)', run: /-fsanitize=[a-z,]*\bfuzzer\b/ },
];
