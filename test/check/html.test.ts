// The HTML dashboard in Debian's headless Chromium: it renders with no console messages (no
// errors, no blocked requests: its Content-Security-Policy forbids every external load) and shows
// the controls. The page and a screenshot are kept in test/artifacts/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHtml } from '../../src/check/format/html.js';
import type { CheckReport } from '../../src/check/report.js';
import { check, generateRepo } from './helpers.js';
import { PREREQUISITES, requireProgram } from '../helpers/prerequisites.js';

let CHROMIUM = '';
const artifacts = path.resolve(import.meta.dirname, '../artifacts');
const profileDir = mkdtempSync(path.join(os.tmpdir(), 'secure-cncf-chromium-'));

function chromium(args: string[], url: string): { stdout: string; console: string[] } {
  const userDataDir = mkdtempSync(path.join(profileDir, 'run-'));
  const result = spawnSync(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${userDataDir}`,
      '--enable-logging=stderr',
      '--v=0',
      ...args,
      url,
    ],
    { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.error) throw result.error;
  // Chromium logs every console message (errors, CSP violations) as ":CONSOLE" lines on stderr.
  const consoleLines = result.stderr.split('\n').filter((line) => line.includes(':CONSOLE'));
  return { stdout: result.stdout, console: consoleLines };
}

let report: CheckReport;
let htmlFile: string;
let cleanup: () => void;

beforeAll(async () => {
  CHROMIUM = requireProgram(PREREQUISITES.chromium);
  const repo = await generateRepo(['--language', 'go', '--level', '1', '--compliance', 'soc2']);
  cleanup = repo.cleanup;
  report = await check(repo.root, 3); // gaps at every status, so the page shows all of them
  mkdirSync(artifacts, { recursive: true });
  htmlFile = path.join(artifacts, 'check-dashboard.html');
  writeFileSync(htmlFile, formatHtml(report));
}, 60_000);
afterAll(() => {
  cleanup?.();
  rmSync(profileDir, { recursive: true, force: true });
});

describe('HTML dashboard in headless Chromium', () => {
  it('the harness notices console errors and blocked requests', () => {
    const probe = path.join(profileDir, 'probe.html');
    writeFileSync(probe, `<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'"><img src="https://example.com/x.png"><script>console.error('probe')</script>`);
    expect(chromium(['--dump-dom'], `file://${probe}`).console.length).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('is self-contained: no external URLs in src/href, no scripts', () => {
    const html = readFileSync(htmlFile, 'utf8');
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link/i);
  });

  it('renders with no console messages and shows every control', () => {
    const { stdout, console } = chromium(['--dump-dom'], `file://${htmlFile}`);
    expect(console).toEqual([]);
    for (const control of report.controls) expect(stdout).toContain(`id="control-${control.id}"`);
    expect(stdout).toContain('Level progress');
    expect(stdout).toContain('Compliance coverage');
    expect((stdout.match(/<svg/g) ?? []).length).toBeGreaterThan(3);
  }, 60_000);

  it('screenshot kept as a test artifact', () => {
    const png = path.join(artifacts, 'check-dashboard.png');
    rmSync(png, { force: true });
    const { console } = chromium([`--screenshot=${png}`, '--window-size=1280,2600', '--hide-scrollbars'], `file://${htmlFile}`);
    expect(console).toEqual([]);
    expect(statSync(png).size).toBeGreaterThan(10_000);
  }, 60_000);
});
