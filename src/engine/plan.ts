import type { Plan, PlannedFile } from '../model.js';
import type { PlanContext } from '../catalog/types.js';
import { renderTemplate } from '../render.js';
import { formatGenerated } from '../format.js';
import { STATE_FILE, serializeState, sha256 } from '../state.js';
import { generatorInfo } from '../version.js';
import { pendingNotes } from './pending.js';

/**
 * Everything the generator would write for a plan context. Pure with respect to the repository: it
 * reads only the package's own templates, so tests snapshot it and `--dry-run` prints it.
 */
export async function createPlan(ctx: PlanContext): Promise<Plan> {
  const { profile } = ctx;
  const files = new Map<string, PlannedFile>();
  const notes: string[] = [];

  for (const control of ctx.controls) {
    for (const output of control.outputs(ctx)) {
      if (files.has(output.path)) {
        throw new Error(`Controls "${files.get(output.path)?.controls.join(', ')}" and "${control.id}" both write ${output.path}.`);
      }
      const rendered = renderTemplate(output.template, output.path, output.data ?? {});
      files.set(output.path, {
        path: output.path,
        content: await formatGenerated(output.path, rendered),
        controls: [control.id],
        reason: control.title,
      });
    }
  }

  notes.push(...pendingNotes(profile));
  for (const { control, reason } of ctx.pending) notes.push(`${control.id} (${control.title}): not written. ${reason}`);
  if (profile.facts.renovateConfig) {
    notes.push(
      `Renovate is configured (${profile.facts.renovateConfig}), so no Dependabot version-update config is written; make sure Renovate covers: ${Object.keys(profile.ecosystems).join(', ')}.`,
    );
  }

  const sorted = [...files.values()].sort((a, b) => a.path.localeCompare(b.path));
  const hashes = Object.fromEntries(sorted.map((file) => [file.path, sha256(file.content)]));
  sorted.push({
    path: STATE_FILE,
    content: serializeState(generatorInfo(), profile.answers, hashes, profile.date),
    controls: [],
    reason: 'Your answers and the hashes of the generated files, so later runs can re-use and safely upgrade them',
    toolOwned: true,
  });
  return { profile, files: sorted, notes };
}
