// What GoReleaser does in a release job, as far as the rest of the workflow can tell, driven by the
// .goreleaser.yaml in the workspace: the config must pass GoReleaser's schema, every build's
// module and main package must exist, archives get the names its name_template renders, then the
// checksum file, SBOMs (Syft must be installed), cosign signatures through the cosign on PATH, the
// multi-platform image with its signature, dist/artifacts.json and the draft GitHub release.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { goreleaserSchemaErrors } from '../helpers/validators.js';
import type { ActionContext, Emitted } from './emulators.js';

const CONFIGS = ['.config/goreleaser.yml', '.config/goreleaser.yaml', '.goreleaser.yml', '.goreleaser.yaml', 'goreleaser.yml', 'goreleaser.yaml'];

/** Render the template fields the generated configs use; anything else fails like an unknown field. */
function render(template: string, fields: Record<string, string>): string {
  return template.replace(/\{\{\s*\.(\w+)\s*\}\}/g, (whole, key: string) => {
    if (!(key in fields)) throw new Error(`template: ${whole}: unknown field`);
    return fields[key] as string;
  });
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

export function goreleaser(w: Record<string, string>, c: ActionContext): Emitted {
  const fail = (message: string): Emitted => ({ ok: false, outputs: {}, message });
  const root = path.join(c.workspace, w['workdir'] ?? '.');
  const args = (w['args'] ?? '').split(/\s+/).filter(Boolean);
  if (args[0] !== 'release') return fail(`goreleaser stand-in: unsupported command ${args.join(' ')}`);
  const skips = new Set(args.filter((a) => a.startsWith('--skip=')).flatMap((a) => a.slice('--skip='.length).split(',')));
  const configFile = CONFIGS.find((f) => existsSync(path.join(root, f)));
  if (!configFile) return fail('could not find a config file: .goreleaser.yaml');
  const source = readFileSync(path.join(root, configFile), 'utf8');
  const schema = goreleaserSchemaErrors(source);
  if (schema.length > 0) return fail(`invalid config: ${schema.join('; ')}`);
  const config = parse(source) as Record<string, any>;
  const tag = c.ref.replace(/^refs\/tags\//, '');
  const fields = { ProjectName: config['project_name'] ?? 'widget', Tag: tag, Version: tag.replace(/^v/, '') };
  const dist = path.join(root, 'dist');
  if (args.includes('--clean')) rmSync(dist, { recursive: true, force: true });
  else if (existsSync(dist) && readdirSync(dist).length > 0) return fail('dist is not empty: remove it or use the --clean flag');
  mkdirSync(dist, { recursive: true });
  const events = (uses: string) => c.events.some((e) => e.job === c.job && e.kind === 'action' && e['uses'] === uses);
  const artifacts: Array<Record<string, unknown>> = [];
  const uploads: string[] = [];
  try {
    // Builds: the module and the main package must be there (go build would fail otherwise).
    const binaries: Record<string, string[]> = {};
    for (const build of config['builds'] ?? [{}]) {
      const dir = path.join(root, build.dir ?? '.');
      if (!existsSync(path.join(dir, 'go.mod'))) return fail(`build ${build.id}: go.mod file not found in ${build.dir ?? '.'}`);
      const main = path.join(dir, build.main ?? '.');
      if (!existsSync(main) || !readdirSync(main).some((f) => f.endsWith('.go'))) return fail(`build ${build.id}: no Go files in ${build.main}`);
      for (const goos of build.goos ?? ['linux', 'darwin', 'windows']) {
        for (const goarch of build.goarch ?? ['amd64', 'arm64']) {
          const out = path.join(dist, `${build.id}_${goos}_${goarch}`);
          mkdirSync(out, { recursive: true });
          const binary = `${build.binary ?? fields.ProjectName}${goos === 'windows' ? '.exe' : ''}`;
          writeFileSync(path.join(out, binary), `${goos}/${goarch} ${build.id}\n`);
          (binaries[`${goos}/${goarch}`] ??= []).push(path.join(out, binary));
        }
      }
    }
    // Archives, one per target.
    for (const archive of config['archives'] ?? [{}]) {
      for (const [target, files] of Object.entries(binaries)) {
        const [goos, goarch] = target.split('/') as [string, string];
        const override = (archive.format_overrides ?? []).find((o: any) => o.goos === goos);
        const format = (override?.formats ?? archive.formats ?? ['tar.gz'])[0] as string;
        const name = `${render(archive.name_template ?? '{{ .ProjectName }}_{{ .Version }}_{{ .Os }}_{{ .Arch }}', { ...fields, Os: goos, Arch: goarch })}.${format}`;
        const file = path.join(dist, name);
        const ran = format === 'zip' ? (writeFileSync(file, `zip of ${files.length} files\n`), { status: 0, stderr: '' }) : spawnSync('tar', ['-czf', file, ...files.flatMap((f) => ['-C', path.dirname(f), path.basename(f)])], { encoding: 'utf8' });
        if (ran.status !== 0) return fail(`archive ${name}: ${ran.stderr}`);
        artifacts.push({ name, path: `dist/${name}`, type: 'Archive' });
        uploads.push(file);
      }
    }
    if (config['source']?.enabled) {
      const name = `${render(config['source'].name_template ?? '{{ .ProjectName }}-{{ .Version }}', fields)}.tar.gz`;
      const ran = spawnSync('git', ['archive', '--format=tar.gz', '-o', path.join(dist, name), 'HEAD'], { cwd: root, encoding: 'utf8' });
      if (ran.status !== 0) return fail(`source archive: ${ran.stderr}`);
      artifacts.push({ name, path: `dist/${name}`, type: 'Source' });
      uploads.push(path.join(dist, name));
    }
    // SBOMs run Syft on each catalogued artifact.
    if (!skips.has('sbom') && config['sboms']) {
      if (!events('anchore/sbom-action/download-syft')) return fail('sbom: exec: "syft": executable file not found in $PATH');
      for (const sbom of config['sboms']) {
        const kind = sbom.artifacts === 'source' ? 'Source' : 'Archive';
        for (const artifact of artifacts.filter((a) => a['type'] === kind)) {
          const name = render((sbom.documents ?? ['{{ .ArtifactName }}.sbom.json'])[0], { ...fields, ArtifactName: artifact['name'] as string });
          writeFileSync(path.join(dist, name), JSON.stringify({ spdxVersion: 'SPDX-2.3', subject: artifact['name'] }));
          artifacts.push({ name, path: `dist/${name}`, type: 'SBOM' });
          uploads.push(path.join(dist, name));
        }
      }
    }
    if (config['checksum']?.disable !== true) {
      const name = render(config['checksum']?.name_template ?? '{{ .ProjectName }}_{{ .Version }}_checksums.txt', fields);
      const lines = uploads.map((f) => `${sha256(f)}  ${path.basename(f)}`);
      writeFileSync(path.join(dist, name), `${lines.join('\n')}\n`);
      artifacts.push({ name, path: `dist/${name}`, type: 'Checksum' });
      uploads.push(path.join(dist, name));
    }
    if (!skips.has('sign')) {
      for (const sign of config['signs'] ?? []) {
        if (!events('sigstore/cosign-installer')) return fail('sign: exec: "cosign": executable file not found in $PATH');
        const targets = artifacts.filter((a) => (sign.artifacts === 'checksum' ? a['type'] === 'Checksum' : sign.artifacts === 'all'));
        for (const artifact of targets) {
          const file = path.join(root, artifact['path'] as string);
          const signature = path.join(dist, (sign.signature ?? '${artifact}.sig').replace('${artifact}', path.basename(file)));
          const argv = (sign.args as string[]).map((a) => a.replaceAll('${signature}', signature).replaceAll('${artifact}', file));
          const ran = c.runTool(sign.cmd ?? 'gpg', argv);
          if (!ran.ok) return fail(`sign: ${ran.output}`);
          uploads.push(signature);
        }
      }
    }
    // Images: buildx from the binaries, pushed, then signed by digest.
    if (!skips.has('docker') && !skips.has('publish')) {
      for (const docker of config['dockers_v2'] ?? []) {
        if (!existsSync(path.join(root, docker.dockerfile ?? 'Dockerfile'))) return fail(`dockers_v2: open ${docker.dockerfile}: no such file or directory`);
        const digest = `sha256:${createHash('sha256').update(JSON.stringify(docker)).digest('hex')}`;
        for (const image of docker.images) {
          for (const t of docker.tags ?? ['{{ .Tag }}']) {
            const tagName = render(t, { ...fields, Major: fields.Version.split('.')[0] ?? '', Minor: fields.Version.split('.')[1] ?? '' });
            artifacts.push({ name: `${image}:${tagName}`, path: `${image}:${tagName}`, type: 'Docker Image', extra: { Digest: digest } });
          }
        }
        c.events.push({ kind: 'image', job: c.job, images: docker.images, platforms: docker.platforms, digest });
      }
      for (const sign of config['docker_signs'] ?? []) {
        for (const image of artifacts.filter((a) => a['type'] === 'Docker Image')) {
          const argv = ((sign.args as string[]) ?? []).map((a) => a.replaceAll('${artifact}', String(image['name']).replace(/:[^:/]+$/, '')).replaceAll('${digest}', String((image['extra'] as any).Digest)));
          const ran = c.runTool(sign.cmd ?? 'cosign', argv);
          if (!ran.ok) return fail(`docker_signs: ${ran.output}`);
        }
      }
    }
    writeFileSync(path.join(dist, 'artifacts.json'), JSON.stringify(artifacts));
    if (!skips.has('publish')) {
      if (config['release']?.draft !== true) return fail('the generated configs keep the release a draft (release.draft: true)');
      const ran = c.runTool('gh', ['release', 'create', tag, ...uploads, '--repo', 'acme/widget', '--draft', '--title', tag]);
      if (!ran.ok) return fail(`release: ${ran.output}`);
    }
  } catch (error) {
    return fail((error as Error).message);
  }
  c.events.push({ kind: 'goreleaser', job: c.job, args, files: uploads.map((f) => path.basename(f)) });
  return { ok: true, outputs: { artifacts: JSON.stringify(artifacts), metadata: '{}' } };
}

