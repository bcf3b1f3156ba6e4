import type { Evidence, PlanContext, RepoView } from '../../catalog/types.js';
import { describeTools, fail, findingLocations, partial, pass, practice, readmeSbomHeading } from '../../evidence/kit.js';
import { goreleaserConfig } from '../../evidence/configs.js';

const SYFT = ['.syft.yaml', '.syft.yml', '.syft/config.yaml', 'syft.yaml'];
const OTHER_CONFIGS = ['.cdxgenrc', '.cdxgenrc.json', '.cdxgen.json', 'bom.yaml', '.bom.yaml'];

/** A committed SBOM generator configuration (Syft, cdxgen, goreleaser `sboms:`); a workflow using tool defaults is partial. */
export const evidence = (repo: RepoView, { profile }: PlanContext): Evidence => {
  const syft = repo.findFirst(SYFT);
  if (syft) return pass(`Syft configuration ${syft}.`, [{ file: syft }]);
  const goreleaser = goreleaserConfig(repo);
  if (goreleaser?.sboms) return pass(`SBOMs are configured in ${goreleaser.file} (sboms:).`, [goreleaser.sboms]);
  const other = repo.findFirst(OTHER_CONFIGS);
  if (other) return pass(`SBOM generator configuration ${other}.`, [{ file: other }]);
  const sbom = practice(repo, 'sbom', profile);
  if (sbom.verdict === 'present') {
    return partial(`SBOMs are generated (${describeTools(sbom.findings)}) with the tool's defaults, which may list test and vendored dependencies as shipped.`, findingLocations(sbom.findings));
  }
  const heading = readmeSbomHeading(repo);
  if (heading) return partial('Only a README section mentions an SBOM; nothing generates one.', [heading]);
  return fail('No SBOM generator configuration (.syft.yaml, goreleaser sboms:, cdxgen) and no SBOM step.');
};
