// The Backstage Software Template runs this generator with `run:yeoman`, which looks generators up
// by name. This test publishes both packages the way npm would (npm pack), installs them offline
// into an empty directory, lets yeoman-environment find `secure-cncf:app` by lookup, and runs it
// with the options the template passes: every flag given, so no question is asked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { createEnv } from 'yeoman-environment';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const wrapperDir = path.join(repoRoot, 'packages/generator-secure-cncf');
let work: string;
let consumer: string;

async function pack(dir: string): Promise<string> {
  const { stdout } = await execa('npm', ['pack', '--json', '--pack-destination', work], { cwd: dir });
  return path.join(work, (JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{ filename: string }>)[0]!.filename);
}

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'secure-cncf-yo-'));
  const [main, wrapper] = [await pack(repoRoot), await pack(wrapperDir)];
  consumer = path.join(work, 'backend');
  await execa('mkdir', ['-p', consumer]);
  writeFileSync(path.join(consumer, 'package.json'), '{"name":"backend","version":"1.0.0","private":true}');
  const cache = mkdtempSync(path.join(work, 'cache-'));
  await execa('npm', ['install', '--offline', '--no-package-lock', '--no-audit', '--no-fund', main, wrapper], { cwd: consumer, env: { npm_config_cache: cache } });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('generator-secure-cncf', () => {
  it('has the same version as create-secure-cncf and depends on exactly it', () => {
    const main = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const wrapper = JSON.parse(readFileSync(path.join(wrapperDir, 'package.json'), 'utf8'));
    expect(wrapper.version).toBe(main.version);
    expect(wrapper.dependencies).toEqual({ 'create-secure-cncf': main.version });
  });

  it('is found by Yeoman lookup as secure-cncf:app and generates without asking', async () => {
    const target = mkdtempSync(path.join(work, 'repo-'));
    const env = createEnv({ cwd: target } as never);
    const found = await env.lookup({ npmPaths: [path.join(consumer, 'node_modules')], localOnly: true } as never);
    expect(found.map((meta) => meta.namespace)).toContain('secure-cncf:app');
    await env.run(['secure-cncf:app'], {
      skipInstall: true,
      flags: { name: 'widget', repo: 'acme/widget', language: ['go'], level: '2', compliance: ['soc2'], artifacts: ['binaries'], portal: true, branch: 'main', ackDays: 'none', fixDays: 'none' },
    } as never);
    for (const file of ['.github/workflows/codeql.yml', '.github/workflows/release.yml', 'catalog-info.yaml', 'docs/security/compliance/soc2.md', '.secure-cncf.json']) {
      expect(existsSync(path.join(target, file)), file).toBe(true);
    }
    expect(JSON.parse(readFileSync(path.join(target, '.secure-cncf.json'), 'utf8')).answers.level).toBe(2);
  });
});
