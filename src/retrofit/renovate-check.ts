// Does an existing Renovate config cover the detected ecosystems? Reads JSON and JSON5 with a
// tolerant parser (comments, trailing commas, unquoted keys, single quotes) instead of adding a
// JSON5 dependency; anything it cannot read is reported, never guessed.
import type { Ecosystem } from '../model.js';
import type { Finding } from './types.js';

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

/** Strip comments and trailing commas, quote bare keys and single-quoted strings, then JSON.parse. */
export function parseJson5ish(text: string): unknown {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '"' || c === "'") {
      let j = i + 1;
      let body = '';
      while (j < text.length && text[j] !== c) {
        if (text[j] === '\\') {
          body += text.slice(j, j + 2);
          j += 2;
        } else body += text[j++];
      }
      out += c === '"' ? `"${body}"` : JSON.stringify(body.replace(/\\'/g, "'"));
      i = j;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else out += c;
  }
  out = out.replace(/,(\s*[}\]])/g, '$1').replace(/([{,]\s*)([A-Za-z_$][\w$]*)(\s*:)/g, '$1"$2"$3');
  return JSON.parse(out);
}

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
  let config: Record<string, unknown>;
  try {
    config = parseJson5ish(text) as Record<string, unknown>;
  } catch (error) {
    return [{ path: configPath, level: 'error', message: `could not be read to check its coverage (${(error as Error).message})` }];
  }
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
