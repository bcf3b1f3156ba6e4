import type { Control } from '../../catalog/types.js';
import type { Ecosystem } from '../../model.js';
import { evidence } from './evidence.js';

const ORDER: Ecosystem[] = ['github-actions', 'gomod', 'cargo', 'pip', 'uv', 'npm', 'bun', 'maven', 'gradle', 'docker', 'docker-compose', 'helm', 'terraform'];

export const dependencyUpdates: Control = {
  id: 'dependency-updates',
  title: 'Automated dependency updates (Dependabot)',
  why: 'Keeps every dependency, including the pinned GitHub Actions, moving to fixed versions without manual tracking; a cooldown keeps freshly published (possibly malicious) releases out for a few days.',
  level: 1,
  osps: ['OSPS-QA-02.01'],
  practices: ['dependency-updates'],
  // A Renovate-managed repository gets a report instead of a second update bot.
  appliesTo: (profile) => !profile.facts.renovateConfig,
  outputs: ({ profile, existing }) => {
    // Images named without a version or digest give Dependabot nothing to update (retrofit reports them).
    const skip = new Set(existing?.unversionedDocker ?? []);
    const directories = (ecosystem: Ecosystem) => (profile.ecosystems[ecosystem] ?? []).filter((dir) => ecosystem !== 'docker' || !skip.has(dir));
    const updates = ORDER.filter((e) => directories(e).length).map((ecosystem) => ({ ecosystem, directories: directories(ecosystem) }));
    return [
      {
        path: '.github/dependabot.yml',
        template: 'dependency-updates/dependabot.yml.ejs',
        data: { updates, day: 'monday', cooldownDays: 7 },
      },
    ];
  },
  evidence,
  fix: 'npx create-secure-cncf retrofit --level 1',
};
