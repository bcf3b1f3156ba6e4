import { parse } from 'yaml';
import type { Evidence, EvidenceLocation, PlanContext, RepoView } from '../../catalog/types.js';
import { delegatedOr, fail, findTools, hitLocations, labels, lineMatching, partial, pass, readmeSbomHeading } from '../../evidence/kit.js';
import { PROVENANCE_TOOLS, SBOM_TOOLS, SIGNING_TOOLS } from '../../evidence/tools.js';

export const GORELEASER_FILES = ['.goreleaser.yml', '.goreleaser.yaml', 'goreleaser.yml', 'goreleaser.yaml'];

/** goreleaser's own `sboms:` and `signs:` / `docker_signs:` sections. */
export function goreleaserSections(repo: RepoView): { file?: string; sboms?: EvidenceLocation; signs?: EvidenceLocation } {
  const file = repo.findFirst(GORELEASER_FILES);
  if (!file) return {};
  let doc: Record<string, unknown> = {};
  try {
    doc = (parse(repo.read(file) ?? '') ?? {}) as Record<string, unknown>;
  } catch {
    return { file };
  }
  const result: { file?: string; sboms?: EvidenceLocation; signs?: EvidenceLocation } = { file };
  if (Array.isArray(doc['sboms']) && doc['sboms'].length > 0) result.sboms = lineMatching(repo, file, /^sboms\s*:/);
  const signs = ['signs', 'docker_signs', 'binary_signs'].find((key) => Array.isArray(doc[key]) && (doc[key] as unknown[]).length > 0);
  if (signs) result.signs = lineMatching(repo, file, new RegExp(`^${signs}\\s*:`));
  return result;
}

/** Releases that are signed (cosign, Notation, ...), carry build provenance (attestations, SLSA) and ship SBOMs. */
export const evidence = (repo: RepoView, { profile }: PlanContext): Evidence => {
  const goreleaser = goreleaserSections(repo);
  const signing = findTools(repo, SIGNING_TOOLS);
  const provenance = findTools(repo, PROVENANCE_TOOLS);
  const sbom = findTools(repo, SBOM_TOOLS);
  const parts: Array<{ name: string; found: boolean; how: string; where: EvidenceLocation[] }> = [
    { name: 'signatures', found: signing.length > 0 || !!goreleaser.signs, how: [labels(signing), goreleaser.signs ? 'goreleaser signs' : ''].filter(Boolean).join(', '), where: [...hitLocations(signing, 2), ...(goreleaser.signs ? [goreleaser.signs] : [])] },
    { name: 'build provenance', found: provenance.length > 0, how: labels(provenance), where: hitLocations(provenance, 2) },
    { name: 'SBOMs', found: sbom.length > 0 || !!goreleaser.sboms, how: [labels(sbom), goreleaser.sboms ? 'goreleaser sboms' : ''].filter(Boolean).join(', '), where: [...hitLocations(sbom, 2), ...(goreleaser.sboms ? [goreleaser.sboms] : [])] },
  ];
  const found = parts.filter((p) => p.found);
  const missing = parts.filter((p) => !p.found).map((p) => p.name);
  const locations = found.flatMap((p) => p.where);
  const described = found.map((p) => `${p.name} (${p.how})`).join('; ');
  if (missing.length === 0) return pass(`Releases get ${described}.`, locations);
  if (found.length > 0) return partial(`Releases get ${described}, but no ${missing.join(' or ')}.`, locations);
  const heading = readmeSbomHeading(repo);
  if (heading) return partial('Only a README section mentions an SBOM; no release workflow signs, attests or generates one.', [heading]);
  return delegatedOr(repo, profile, /release|sign|slsa|provenance|sbom/i, 'Release signing', fail('No release signing, build provenance or SBOM generation in the workflows (cosign, Notation, attest-build-provenance, SLSA generator, syft, goreleaser).'));
};
