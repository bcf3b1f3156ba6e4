import type { Evidence, RepoView } from '../../catalog/types.js';
import { fail, findTools, hitLocations, labels, partial, pass, readmeSbomHeading } from '../../evidence/kit.js';
import { SBOM_TOOLS } from '../../evidence/tools.js';
import { goreleaserSections } from '../release-signing/evidence.js';

const SYFT = ['.syft.yaml', '.syft.yml', '.syft/config.yaml', 'syft.yaml'];
const OTHER_CONFIGS = ['.cdxgenrc', '.cdxgenrc.json', '.cdxgen.json', 'bom.yaml', '.bom.yaml'];

/** A committed SBOM generator configuration (Syft, cdxgen, goreleaser `sboms:`); a workflow using tool defaults is partial. */
export const evidence = (repo: RepoView): Evidence => {
  const syft = repo.findFirst(SYFT);
  if (syft) return pass(`Syft configuration ${syft}.`, [{ file: syft }]);
  const goreleaser = goreleaserSections(repo);
  if (goreleaser.sboms) return pass(`SBOMs are configured in ${goreleaser.file} (sboms:).`, [goreleaser.sboms]);
  const other = repo.findFirst(OTHER_CONFIGS);
  if (other) return pass(`SBOM generator configuration ${other}.`, [{ file: other }]);
  const hits = findTools(repo, SBOM_TOOLS);
  if (hits.length > 0) return partial(`SBOMs are generated (${labels(hits)}) with the tool's defaults, which may list test and vendored dependencies as shipped.`, hitLocations(hits));
  const heading = readmeSbomHeading(repo);
  if (heading) return partial('Only a README section mentions an SBOM; nothing generates one.', [heading]);
  return fail('No SBOM generator configuration (.syft.yaml, goreleaser sboms:, cdxgen) and no SBOM step.');
};
