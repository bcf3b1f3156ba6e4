import type { Evidence, EvidenceLocation, PlanContext, RepoView } from '../../catalog/types.js';
import { describeTools, fail, findingLocations, partial, pass, practice, practiceEvidence, readmeSbomHeading } from '../../evidence/kit.js';
import type { PracticeObservation } from '../../evidence/practices.js';

/** Releases that are signed (cosign, GPG, Notation, ...), carry build provenance (attestations, SLSA) and ship SBOMs. */
export const evidence = (repo: RepoView, { profile }: PlanContext): Evidence => {
  const parts: Array<{ name: string; observation: PracticeObservation }> = [
    { name: 'signatures', observation: practice(repo, 'signing', profile) },
    { name: 'build provenance', observation: practice(repo, 'provenance', profile) },
    { name: 'SBOMs', observation: practice(repo, 'sbom', profile) },
  ];
  const found = parts.filter((p) => p.observation.verdict === 'present');
  const missing = parts.filter((p) => p.observation.verdict !== 'present');
  const locations: EvidenceLocation[] = found.flatMap((p) => findingLocations(p.observation.findings, 2));
  const described = found.map((p) => `${p.name} (${describeTools(p.observation.findings)})`).join('; ');
  if (missing.length === 0) return pass(`Releases get ${described}.`, locations);
  if (found.length > 0) {
    const others = missing.map((p) => (p.observation.verdict === 'absent' ? `no ${p.name}` : `${p.name} ${p.observation.verdict === 'delegated' ? 'delegated (not verified)' : 'outside GitHub Actions'}`));
    return partial(`Releases get ${described}, but ${others.join(', ')}.`, locations);
  }
  // Nothing here: report what the first delegated or elsewhere part says, else the weaker signals.
  const other = parts.find((p) => p.observation.verdict === 'delegated') ?? parts.find((p) => p.observation.verdict === 'elsewhere');
  const heading = readmeSbomHeading(repo);
  const absent = heading
    ? partial('Only a README section mentions an SBOM; no release workflow signs, attests or generates one.', [heading])
    : fail('No release signing, build provenance or SBOM generation in the workflows (cosign, Notation, attest-build-provenance, SLSA generator, syft, goreleaser).');
  return practiceEvidence(other?.observation ?? parts[0]!.observation, { what: other ? `Release ${other.name}` : 'Release signing', absent });
};
