// SARIF 2.1.0 for GitHub code scanning: one rule per control, one result per gap of the target
// level, located at the evidence (or where the fix would write the control's file).
import type { EvidenceLocation } from '../../catalog/types.js';
import type { CheckReport, ControlResult } from '../report.js';

const SEVERITY: Record<number, string> = { 1: '7.0', 2: '5.0', 3: '3.0' };
const INFO_URI = 'https://www.npmjs.com/package/create-secure-cncf';

function physical(location: EvidenceLocation) {
  const artifact = { artifactLocation: { uri: encodeURI(location.file), uriBaseId: '%SRCROOT%' } };
  return location.line ? { ...artifact, region: { startLine: location.line } } : artifact;
}

/** Where a gap is shown: its evidence, else the file the fix writes, else the workflows folder. */
function gapLocations(control: ControlResult): EvidenceLocation[] {
  if (control.locations.length > 0) return control.locations;
  const file = control.files[0];
  return [{ file: file ?? '.github/workflows' }];
}

function rule(control: ControlResult) {
  const osps = control.osps.length > 0 ? `\n\nOSPS Baseline: ${control.osps.join(', ')}.` : '';
  return {
    id: control.id,
    name: control.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: control.title },
    fullDescription: { text: control.why },
    help: {
      text: `${control.why}${osps}\n\nFix: ${control.fix ?? `npx create-secure-cncf retrofit --level ${control.level}`}`,
      markdown: `${control.why}${osps}\n\n**Fix:** \`${control.fix ?? `npx create-secure-cncf retrofit --level ${control.level}`}\``,
    },
    helpUri: INFO_URI,
    defaultConfiguration: { level: 'error' },
    properties: { tags: ['security', 'supply-chain', `level-${control.level}`, ...control.osps], 'security-severity': SEVERITY[control.level] ?? '5.0', precision: 'high' },
  };
}

export function toSarif(report: CheckReport) {
  const rules = report.controls.map(rule);
  const results = report.controls
    .map((control, ruleIndex) => ({ control, ruleIndex }))
    .filter(({ control }) => report.gaps.includes(control.id))
    .map(({ control, ruleIndex }) => {
      const [primary, ...related] = gapLocations(control);
      const result: Record<string, unknown> = {
        ruleId: control.id,
        ruleIndex,
        level: control.status === 'fail' ? 'error' : 'warning',
        message: { text: `${control.title}: ${control.summary}${control.fix ? ` Fix: ${control.fix}` : ''}` },
        locations: [{ physicalLocation: physical(primary!) }],
        partialFingerprints: { secureCncfControl: `${control.id}/v1` },
      };
      if (related.length > 0) {
        result['relatedLocations'] = related.map((location, id) => ({ id: id + 1, physicalLocation: physical(location), message: { text: 'Related evidence' } }));
      }
      return result;
    });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'secure-cncf', fullName: `${report.tool.name} check`, version: report.tool.version, semanticVersion: report.tool.version, informationUri: INFO_URI, rules } },
        automationDetails: { id: `secure-cncf/level-${report.target.level}/` },
        invocations: [{ executionSuccessful: true, endTimeUtc: report.generatedAt }],
        results,
        properties: { targetLevel: report.target.level, achievedLevel: report.achievedLevel },
      },
    ],
  };
}

export function formatSarif(report: CheckReport): string {
  return JSON.stringify(toSarif(report), null, 2);
}
