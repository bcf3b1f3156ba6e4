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
    expect(stdout).toContain('Compliance evidence');
    expect((stdout.match(/class="tile /g) ?? []).length).toBe(3);
    expect((stdout.match(/<div class="meter" role="img"/g) ?? []).length).toBe(report.compliance.length + 3);
  }, 60_000);

  // Headless Chromium lays a window out at least 500 px wide (and crops a narrower screenshot), so
  // each width is an iframe of exactly that width inside a wider page.
  function framed(name: string, page: string, width: number, height: number, script = ''): string {
    const outer = path.join(profileDir, `${name}-frame-${width}.html`);
    writeFileSync(outer, `<!doctype html><body style="margin:0">${script}<iframe src="file://${page}" width="${width}" height="${height}" style="border:0;display:block"></iframe></body>`);
    return `file://${outer}`;
  }

  /** Layout facts measured inside the page at a given width (scripts run in a copy with a relaxed policy). */
  function measure(width: number): { innerWidth: number; scrollWidth: number; overflowing: string[]; bars: number[]; tiles: number } {
    const copy = path.join(profileDir, `measure-${width}.html`);
    const probe = `<script>
const over = [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > innerWidth + 1).map((el) => el.tagName + '.' + el.className);
const bars = [...document.querySelectorAll('.bars .meter')].map((el) => Math.round(el.getBoundingClientRect().width));
const tiles = [...document.querySelectorAll('.tile')].filter((el) => el.getBoundingClientRect().width > 0).length;
parent.postMessage(JSON.stringify({ innerWidth, scrollWidth: document.documentElement.scrollWidth, overflowing: over.slice(0, 10), bars, tiles }), '*');
</script>`;
    writeFileSync(copy, readFileSync(htmlFile, 'utf8').replace("default-src 'none';", "default-src 'none'; script-src 'unsafe-inline';").replace('</body>', `${probe}</body>`));
    const listen = `<script>addEventListener('message', (m) => { const p = document.createElement('pre'); p.id = 'result'; p.textContent = m.data; document.body.append(p); });</script>`;
    const { stdout, console } = chromium(['--dump-dom', '--window-size=1400,900', '--virtual-time-budget=5000'], framed('measure', copy, width, 900, listen));
    const json = /<pre id="result">([^<]*)<\/pre>/.exec(stdout)?.[1];
    if (!json) throw new Error(`no measurement at ${width} px:\n${stdout.slice(0, 2000)}\n${console.join('\n')}`);
    return JSON.parse(json.replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
  }

  it.each([1280, 420])('at %i px: nothing overflows the width, every compliance bar and level tile shows', (width) => {
    const layout = measure(width);
    expect(layout.innerWidth).toBe(width);
    expect(layout.scrollWidth).toBeLessThanOrEqual(width);
    expect(layout.overflowing).toEqual([]);
    expect(layout.bars.length).toBe(report.compliance.length);
    for (const bar of layout.bars) expect(bar).toBeGreaterThan(width < 500 ? 200 : 100);
    expect(layout.tiles).toBe(3);
  }, 60_000);

  it.each([1280, 420])('screenshot at %i px kept as a test artifact', (width) => {
    const png = path.join(artifacts, `check-dashboard-${width}.png`);
    rmSync(png, { force: true });
    const height = 2600;
    const { console } = chromium([`--screenshot=${png}`, `--window-size=${width},${height}`, '--hide-scrollbars'], framed('shot', htmlFile, width, height));
    expect(console).toEqual([]);
    expect(statSync(png).size).toBeGreaterThan(10_000);
    // PNG header: the width in pixels is at byte 16.
    expect(readFileSync(png).readUInt32BE(16)).toBe(width);
  }, 60_000);
});
