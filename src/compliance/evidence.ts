// What this project's plan provides for each requirement of its compliance presets: the selected
// controls that address it, the files they write, the practices no selected control implements,
// and the organisation's own checklist. The Markdown mapping and the OSCAL component definition
// are both rendered from this one structure.
import type { Control, PlanContext } from '../catalog/types.js';
import { controlsForRequirement, getPresets, type Preset, type PresetRequirement } from '../presets.js';
import { loadComplianceMap } from './map.js';

export interface RequirementEvidence {
  requirement: PresetRequirement;
  controls: Array<{ id: string; title: string }>;
  /** Repository-relative files written by those controls (sorted). */
  files: string[];
  /** Practice titles that would help but no selected control implements (e.g. above the level). */
  otherPractices: string[];
  /** covered: controls and nothing left for the organisation; shared: both; organisation: checklist only; gap: neither. */
  status: 'covered' | 'shared' | 'organisation' | 'gap';
}

export interface PresetEvidence {
  preset: Preset;
  requirements: RequirementEvidence[];
}

/**
 * Files each selected control writes. Controls that are properties of other files (pinned actions,
 * workflow permissions) write none of their own: their evidence is every generated workflow.
 */
export function controlFiles(ctx: PlanContext, controls: readonly Control[]): Map<string, string[]> {
  const files = new Map<string, string[]>();
  for (const control of controls) files.set(control.id, control.outputs(ctx).map((output) => output.path));
  const workflows = [...new Set([...files.values()].flat().filter((file) => file.startsWith('.github/workflows/')))].sort();
  for (const [id, paths] of files) if (paths.length === 0) files.set(id, workflows);
  return files;
}

export function presetEvidence(ctx: PlanContext, selected: readonly Control[], presetIds: readonly string[] = ctx.profile.answers.compliance): PresetEvidence[] {
  const map = loadComplianceMap();
  const files = controlFiles(ctx, selected);
  return getPresets(presetIds).map((preset) => ({
    preset,
    requirements: preset.requirements.map((requirement) => {
      const controls = controlsForRequirement(requirement, selected);
      const implemented = new Set(controls.flatMap((control) => control.practices));
      const otherPractices = requirement.practices.filter((p) => !implemented.has(p)).map((p) => map.practices[p]?.title ?? p);
      const status: RequirementEvidence['status'] =
        controls.length > 0 ? (requirement.checklist.length > 0 ? 'shared' : 'covered') : requirement.checklist.length > 0 ? 'organisation' : 'gap';
      return {
        requirement,
        controls: controls.map((control) => ({ id: control.id, title: control.title })),
        files: [...new Set(controls.flatMap((control) => files.get(control.id) ?? []))].sort(),
        otherPractices,
        status,
      };
    }),
  }));
}
