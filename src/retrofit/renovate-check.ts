// Does an existing Renovate config cover the detected ecosystems? Renovate reads its config as
// JSON5 (escapes such as "\\d", single quotes, hex numbers, comments), so it is read with a JSON5
// parser; a config that still cannot be read is reported with its line, never guessed.
import type { Ecosystem } from '../model.js';
import type { Finding } from './types.js';
import { readRenovateConfig } from '../evidence/renovate-config.js';

/** Renovate managers that update each Dependabot ecosystem (any one of them is enough). */
const MANAGERS: Record<Ecosystem, string[]> = {
  'github-actions': ['github-actions'],
  gomod: ['gomod'],
  cargo: ['cargo'],
  pip: ['pip_requirements', 'pep621', 'pip_setup', 'setup-cfg', 'pipenv', 'poetry'],
  uv: ['pep621'],
  npm: ['npm'],
  bun: ['bun'],
  maven: ['maven'],
  gradle: ['gradle'],
  docker: ['dockerfile'],
  'docker-compose': ['docker-compose'],
  helm: ['helmv3', 'helm-values'],
  terraform: ['terraform'],
  devcontainers: ['devcontainer'],
  gitsubmodule: ['git-submodules'],
};

/** Presets whose `ignorePaths` Renovate applies (config:recommended includes :ignoreModulesAndTests). */
const PRESET_IGNORES = ['**/node_modules/**', '**/bower_components/**', '**/vendor/**', '**/examples/**', '**/__tests__/**', '**/test/**', '**/tests/**', '**/__fixtures__/**'];

function globMatch(glob: string, file: string): boolean {
  const source = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*\//g, '\u0000')
    .replace(/\*\*/g, '.*')
    .replace(/\*/g, '[^/]*')
    .replace(/\u0000/g, '(?:.*/)?');
  return new RegExp(`^${source}$`).test(file) || new RegExp(`^${source}`).test(`${file}`);
}

export function checkRenovate(configPath: string, text: string, ecosystems: Partial<Record<Ecosystem, string[]>>): Finding[] {
  const read = readRenovateConfig(text);
  if (!read.ok) {
    // Renovate cannot read it either: no update bot runs. Adding Dependabot beside it would start a
    // second bot the day the config is fixed, so nothing is added; the maintainers fix the file.
    return [{
      path: configPath,
      line: read.line,
      level: 'warning',
      message: `could not be read as JSON5 (${read.reason}), so Renovate cannot read it either and no dependency updates run; no Dependabot config was added beside it`,
      fix: `fix the syntax${read.line ? ` at line ${read.line}` : ''} (\`npx --yes --package renovate -- renovate-config-validator ${configPath}\` checks it), then run retrofit again`,
    }];
  }
  const config = read.config;
  const findings: Finding[] = [];
  const enabled = Array.isArray(config['enabledManagers']) ? (config['enabledManagers'] as unknown[]).map(String) : undefined;
  const extendsList = Array.isArray(config['extends']) ? (config['extends'] as unknown[]).map(String) : [];
  const ignores = [
    ...(Array.isArray(config['ignorePaths']) ? (config['ignorePaths'] as unknown[]).map(String) : []),
    ...(extendsList.some((e) => /^(config:(recommended|base|best-practices)|:ignoreModulesAndTests)$/.test(e)) && !Array.isArray(config['ignorePaths']) ? PRESET_IGNORES : []),
  ];
  for (const [ecosystem, dirs] of Object.entries(ecosystems) as Array<[Ecosystem, string[]]>) {
    const managers = MANAGERS[ecosystem];
    if (enabled && !managers.some((m) => enabled.includes(m))) {
      findings.push({
        path: configPath,
        level: 'warning',
        message: `Renovate's enabledManagers leaves out ${ecosystem} (manifests in ${dirs.join(', ')})`,
        fix: `add ${managers.map((m) => `"${m}"`).join(' or ')} to enabledManagers`,
      });
      continue;
    }
    for (const dir of dirs) {
      const relative = dir === '/' ? '' : dir.slice(1);
      const probe = relative ? `${relative}/x` : 'x';
      const glob = ignores.find((g) => globMatch(g.replace(/^\.\//, ''), probe) || (relative !== '' && globMatch(g.replace(/^\.\//, '').replace(/\/$/, ''), relative)));
      if (glob) {
        findings.push({
          path: configPath,
          level: 'warning',
          message: `Renovate's ignorePaths entry "${glob}" excludes the ${ecosystem} manifests in ${dir}`,
          fix: `narrow "${glob}" in ignorePaths (or add an override) so ${dir} gets updates`,
        });
      }
    }
  }
  if (findings.length === 0) {
    findings.push({ path: configPath, level: 'note', message: `Renovate is configured and no setting in it excludes the detected ecosystems (${Object.keys(ecosystems).join(', ')}); presets it extends were not expanded` });
  }
  return findings;
}
