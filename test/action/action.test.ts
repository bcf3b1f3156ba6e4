// The GitHub Action: metadata valid against the SchemaStore schema, node24, the inputs and outputs
// the fleet and the check gate rely on, and the entry run in-process on a repository.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runAction } from '../../src/action.js';
import { schemaErrors } from '../helpers/validators.js';

const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'action-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function outputs(file: string): Record<string, string> {
  return Object.fromEntries(
    readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

function runner(inputs: Record<string, string>) {
  const dir = mkdtempSync(path.join(work, 'run-'));
  const repo = path.join(dir, 'repo');
  mkdirSync(path.join(repo, '.github/workflows'), { recursive: true });
  writeFileSync(path.join(repo, 'go.mod'), 'module example.com/x\n\ngo 1.23\n');
  writeFileSync(path.join(repo, 'SECURITY.md'), 'Report vulnerabilities to security@example.com\n');
  const env: NodeJS.ProcessEnv = { GITHUB_WORKSPACE: dir, GITHUB_OUTPUT: path.join(dir, 'out'), GITHUB_STEP_SUMMARY: path.join(dir, 'summary') };
  writeFileSync(env['GITHUB_OUTPUT']!, '');
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const log: string[] = [];
  return { dir, env, log, io: { env, log: (t: string) => log.push(t) } };
}

describe('action.yml', () => {
  const action = parse(readFileSync(path.join(root, 'action.yml'), 'utf8')) as Record<string, any>;

  it('is valid action metadata running the bundled entry on node24', () => {
    expect(schemaErrors('github-action.json', readFileSync(path.join(root, 'action.yml'), 'utf8'))).toEqual([]);
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/action.js' });
    // The build writes dist/action.js from the action's entry.
    expect(readFileSync(path.join(root, 'scripts/build.mjs'), 'utf8')).toContain("action: 'src/action-entry.ts'");
  });

  it('has the command, level, compliance and format inputs and the level and report outputs', () => {
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['command', 'level', 'compliance', 'format']));
    expect(Object.keys(action.outputs)).toEqual(expect.arrayContaining(['level', 'report']));
    for (const spec of Object.values(action.inputs) as Array<Record<string, unknown>>) expect(spec.required).toBe(false);
  });
});

describe('the action entry', () => {
  it('check: writes the report and the outputs, appends the summary, fails on gaps', async () => {
    const r = runner({ directory: 'repo', format: 'json', level: '1' });
    const code = await runAction(r.io);
    expect(code).toBe(1);
    const out = outputs(r.env['GITHUB_OUTPUT']!);
    expect(out['level']).toMatch(/^[0-3]$/);
    expect(out['target-met']).toBe('false');
    expect(out['report']).toBe(path.join(r.dir, 'secure-cncf.json'));
    const report = JSON.parse(readFileSync(out['report']!, 'utf8'));
    expect(String(report.achievedLevel)).toBe(out['level']);
    expect(readFileSync(r.env['GITHUB_STEP_SUMMARY']!, 'utf8')).toContain('secure-cncf');
    expect(r.log.join('\n')).toMatch(/::error title=secure-cncf check::/);
  });

  it('min-level below the achieved level fails; summary: false writes no summary', async () => {
    const r = runner({ directory: 'repo', format: 'sarif', 'min-level': '1', summary: 'false' });
    expect(await runAction(r.io)).toBe(1);
    expect(() => readFileSync(r.env['GITHUB_STEP_SUMMARY']!, 'utf8')).toThrow();
    expect(JSON.parse(readFileSync(path.join(r.dir, 'secure-cncf.sarif'), 'utf8')).version).toBe('2.1.0');
  });

  it('bad inputs: exit 2 with an error annotation naming the valid choices, nothing written', async () => {
    for (const [inputs, message] of [
      [{ command: 'deploy' }, /Unknown command "deploy". Valid commands: check, survey/],
      [{ level: '7' }, /Unknown level "7". Valid levels:/],
      [{ format: 'pdf', directory: 'repo' }, /Unknown format "pdf". Valid formats: text, json, markdown, sarif, html/],
    ] as const) {
      const r = runner(inputs);
      expect(await runAction(r.io)).toBe(2);
      expect(r.log.join('\n')).toMatch(new RegExp(`::error title=secure-cncf::.*${message.source}`));
      expect(readFileSync(r.env['GITHUB_OUTPUT']!, 'utf8')).toBe('');
    }
  });
});
