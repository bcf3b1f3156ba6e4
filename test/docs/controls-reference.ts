// Renders docs/guide/controls.md, the reference page of every control in the catalog (the guide
// and the reference architectures link to its anchors). Tested by test/docs/controls.test.ts, which
// fails when the committed page is stale and rewrites it with UPDATE_DOCS=1.
import { CATALOG } from '../../src/catalog/index.js';
import { LEVEL_NAMES, type Level } from '../../src/model.js';
import { planFor } from '../helpers/generate.js';
import { REPOSITORY_URL as OWN_REPOSITORY_URL, repositoryLink } from './repository-url.js';

export const CONTROLS_PAGE = 'docs/guide/controls.md';

/** This project's repository, for links from the documentation site to the source (slug from .secure-cncf.json). */
export const REPOSITORY_URL = OWN_REPOSITORY_URL;

/** A configuration that selects every control: all levels, languages, artifacts, a preset, the portal. */
export async function widestPlanFiles(): Promise<Map<string, string[]>> {
  const plan = await planFor({
    level: 3,
    languages: ['go', 'rust', 'python', 'javascript', 'java-maven', 'cpp'],
    artifacts: ['binaries', 'container-images', 'helm-charts', 'libraries'],
    compliance: ['soc2'],
    portal: true,
  });
  const byControl = new Map<string, string[]>();
  for (const file of plan.files) {
    for (const id of file.controls) byControl.set(id, [...(byControl.get(id) ?? []), file.path]);
  }
  return byControl;
}

export async function renderControlsPage(): Promise<string> {
  const files = await widestPlanFiles();
  const lines = [
    '# Control reference',
    '',
    '<!-- Generated from the control catalog (src/catalog/index.ts). Do not edit; run: UPDATE_DOCS=1 npx vitest run test/docs/controls.test.ts -->',
    '',
    'Every control of the catalog, in the order `secure-cncf check` reports them. "Files" are the files the',
    'control writes when it applies (shown for a project with every language, artifact kind, the `soc2`',
    'preset and the portal turned on; a smaller project gets a subset). Controls without files are',
    'properties of the other files, which the generator applies and `check` measures.',
    '',
    '| Control | Title | Level | Files |',
    '| --- | --- | --- | --- |',
  ];
  for (const control of CATALOG) {
    const paths = files.get(control.id) ?? [];
    const cell = paths.length ? paths.map((p) => `\`${p}\``).join(', ') : control.pending?.() ? 'not generated yet ([why](#' + control.id + '))' : '—';
    lines.push(`| [\`${control.id}\`](#${control.id}) | ${control.title} | ${control.level} (${LEVEL_NAMES[control.level as Level]}) | ${cell} |`);
  }
  for (const control of CATALOG) {
    lines.push(
      '',
      `## ${control.id}`,
      '',
      `**${control.title}**. Lowest level: ${control.level} (${LEVEL_NAMES[control.level as Level]}). Folder: [\`src/controls/${control.id}/\`](${repositoryLink(`src/controls/${control.id}/`)}) (definition, evidence, templates, test).`,
      '',
      control.why,
      '',
      `- OSPS Baseline: ${control.osps.length ? control.osps.map((id) => `\`${id}\``).join(', ') : '—'}`,
      `- Practices (compliance mapping): ${control.practices.length ? control.practices.map((id) => `\`${id}\``).join(', ') : '—'}`,
      `- Set up or repair: ${control.fix ? `\`${control.fix}\`` : `\`npx create-secure-cncf --level ${control.level}\``}`,
    );
    const pending = control.pending?.();
    if (pending) lines.push(`- Not generated yet: ${pending}`);
  }
  return `${lines.join('\n')}\n`;
}
