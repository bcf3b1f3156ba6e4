// Ecosystems another update workflow of the repository already keeps current (a scheduled
// `go get -u`, `cargo update`, Renovate run from a workflow...). An existing Dependabot config that
// leaves such an ecosystem out does so on purpose: retrofit reports it instead of adding an entry
// that would open competing pull requests.
import type { Ecosystem } from '../model.js';
import type { RepoView } from '../evidence/repo-view.js';
import { hasMarker } from './markers.js';

const UPDATER = /(update|upgrade|bump|deps|dependenc)/i;

const COMMANDS: Partial<Record<Ecosystem, RegExp>> = {
  gomod: /\bgo\s+get\s+(-u\b|[^\n]*@(latest|upgrade))|\bgo-mod-upgrade\b|\bgomajor\b/,
  cargo: /\bcargo\s+(update|upgrade)\b/,
  npm: /\bnpm\s+(update|upgrade)\b|\b(npm-check-updates|ncu)\b|\byarn\s+(upgrade|up)\b|\bpnpm\s+(update|up)\b/,
  pip: /\bpip-compile\b[^\n]*--upgrade|\bpoetry\s+update\b|\bpip\s+install\b[^\n]*--upgrade[^\n]*-r\b/,
  uv: /\buv\s+lock\b[^\n]*--upgrade/,
  'github-actions': /\b(pinact|ratchet\s+update|frizbee)\b/,
  helm: /\bhelm\s+dependency\s+update\b/,
};

/** Ecosystem -> the workflow that updates it (a Renovate run covers every ecosystem). */
export function updateWorkflows(repo: RepoView): Map<Ecosystem, string> {
  const found = new Map<Ecosystem, string>();
  for (const workflow of repo.workflows()) {
    if (workflow.error || hasMarker(workflow.head)) continue;
    const name = typeof workflow.data['name'] === 'string' ? workflow.data['name'] : '';
    const renovate = workflow.uses.some((u) => u.name.toLowerCase().startsWith('renovatebot/github-action'));
    if (!renovate && !UPDATER.test(workflow.file) && !UPDATER.test(name)) continue;
    const scripts = workflow.jobs.flatMap((job) => job.steps.map((step) => step.run ?? '')).join('\n');
    for (const [ecosystem, command] of Object.entries(COMMANDS) as Array<[Ecosystem, RegExp]>) {
      if ((renovate || command.test(scripts)) && !found.has(ecosystem)) found.set(ecosystem, workflow.file);
    }
  }
  return found;
}
