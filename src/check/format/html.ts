// One self-contained HTML dashboard: inline CSS and SVG, no scripts, no external requests (the
// Content-Security-Policy forbids them). Level progress, compliance evidence, controls with evidence.
import { LEVEL_NAMES, LEVELS, type Level } from '../../model.js';
import type { EvidenceStatus } from '../../catalog/types.js';
import type { CheckReport, ControlResult } from '../report.js';
import { headline, STATUS_ICON, STATUS_LABEL, where, frameworkHeadline, frameworkPercent } from './common.js';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
const e = escapeHtml;

const COLOUR: Record<EvidenceStatus, string> = { pass: '#1a7f37', partial: '#9a6700', delegated: '#0969da', fail: '#cf222e', 'not-applicable': '#6e7781' };

const CSS = `
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#f6f8fa}
*{box-sizing:border-box}
body{margin:0 auto;padding:24px;max-width:1200px}
h1{font-size:1.5rem;margin:0 0 4px;overflow-wrap:anywhere}h2{font-size:1.15rem;margin:28px 0 10px}
.sub{color:#57606a;margin:0 0 16px}
.cards{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,2fr);gap:16px}
.card{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:16px;min-width:0}
.big{font-size:2.2rem;font-weight:700}
.tiles{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:8px;margin-top:8px}
.tile{border:2px solid transparent;border-radius:8px;padding:8px;background:#f6f8fa}
.tile.target{border-color:#0969da}
.tile .name{font-weight:600;font-size:.9rem}
.tile .meter{height:10px;border-radius:5px;background:#eaeef2;margin:6px 0;overflow:hidden}
.tile .meter span{display:block;height:100%;border-radius:5px}
.tile.achieved .meter span{background:#1a7f37}
.tile.open .meter span{background:#8c959f}
.tile .state{font-size:.8rem;color:#57606a}
.tile.achieved .state strong{color:#1a7f37}
table{border-collapse:collapse;width:100%;background:#fff;border:1px solid #d0d7de;border-radius:8px;overflow:hidden}
th,td{text-align:left;vertical-align:top;padding:8px 10px;border-bottom:1px solid #eaeef2;font-size:.9rem}
th{background:#f6f8fa;font-weight:600}
tr.level-start td{border-top:2px solid #d0d7de}
tr.na td,tr.optional td{color:#6e7781}
.badge{display:inline-block;min-width:64px;padding:2px 8px;border-radius:12px;color:#fff;font-weight:600;font-size:.8rem;text-align:center;white-space:nowrap}
.badge.optional{background:#fff;color:#57606a;border:1px solid #8c959f}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.82rem;background:#eff1f3;padding:1px 4px;border-radius:4px;overflow-wrap:break-word}
.loc{color:#57606a;font-size:.8rem}
.bars{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,3fr) auto;gap:6px 12px;align-items:center}
.bars .l{font-size:.85rem}.bars .v{font-size:.85rem;white-space:nowrap;text-align:right}
.meter{height:14px;border-radius:4px;background:#eaeef2;overflow:hidden}.meter span{display:block;height:100%;background:#0969da}
ol li{margin:4px 0}.muted{color:#6e7781}
.w{white-space:nowrap}
td.fix code{white-space:nowrap}
@media (max-width:760px){
body{padding:12px}
.cards{grid-template-columns:minmax(0,1fr)}
.tiles{grid-template-columns:minmax(0,1fr)}
.bars{grid-template-columns:minmax(0,1fr) auto}.bars .l{grid-column:1 / -1;margin-top:6px}
table,tbody,tr,td{display:block;width:100%}
thead{display:none}
tr{border-bottom:1px solid #d0d7de;padding:6px 0}
td{border:0;padding:3px 10px}
td[data-label]::before{content:attr(data-label) ": ";font-weight:600;color:#57606a}
td.status::before{content:none}
td.fix code{white-space:normal}
}
`;

/** Status badge; a control the target does not require is shown as such, never as a red failure. */
function badge(status: EvidenceStatus, required = true): string {
  if (!required && status !== 'pass' && status !== 'not-applicable') {
    return `<span class="badge optional" title="${STATUS_LABEL[status]}">○ not required</span>`;
  }
  return `<span class="badge" style="background:${COLOUR[status]}">${STATUS_ICON[status]} ${STATUS_LABEL[status]}</span>`;
}

/** A path that breaks only after "/" (never inside a name, not even at a hyphen) when the line is too narrow. */
export function breakablePath(value: string): string {
  return value
    .split('/')
    .map((segment) => `<span class="w">${e(segment)}</span>`)
    .join('/<wbr>');
}

/** A command that wraps only between its words (browsers would also break after a "-"). */
function command(value: string): string {
  return value
    .split(' ')
    .map((word) => `<span class="w">${e(word)}</span>`)
    .join(' ');
}

/** One tile per level: solid green only when achieved; otherwise a grey meter of the passing share. */
function levelTiles(report: CheckReport): string {
  const tiles = LEVELS.map((level) => {
    const controls = report.controls.filter((c) => c.level === level && c.status !== 'not-applicable');
    const passed = controls.filter((c) => c.status === 'pass').length;
    const achieved = level <= report.achievedLevel;
    const target = level === report.target.level;
    const share = controls.length === 0 ? (achieved ? 100 : 0) : Math.round((passed / controls.length) * 100);
    const state = achieved ? '<strong>achieved</strong>' : 'not achieved';
    return `<div class="tile ${achieved ? 'achieved' : 'open'}${target ? ' target' : ''}" data-level="${level}">
<div class="name">Level ${level} · ${e(LEVEL_NAMES[level])}</div>
<div class="meter" role="img" aria-label="${passed} of ${controls.length} controls pass"><span style="width:${share}%"></span></div>
<div class="state">${state} · ${passed}/${controls.length} controls pass${target ? ' · target' : ''}</div>
</div>`;
  });
  return `<div class="tiles" role="list" aria-label="Level progress: achieved level ${report.achievedLevel} of 3, target ${report.target.level}">${tiles.join('')}</div>`;
}

function statusSvg(report: CheckReport): string {
  const total = Math.max(1, report.controls.length);
  let x = 0;
  const order: EvidenceStatus[] = ['pass', 'partial', 'fail', 'not-applicable'];
  const rects = order.map((status) => {
    const w = (report.counts[status] / total) * 300;
    const rect = w > 0 ? `<rect x="${x.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="18" fill="${COLOUR[status]}"><title>${STATUS_LABEL[status]}: ${report.counts[status]}</title></rect>` : '';
    x += w;
    return rect;
  });
  const legend = order.map((s) => `${STATUS_ICON[s]} ${STATUS_LABEL[s]} ${report.counts[s]}`).join(' · ');
  return `<svg role="img" aria-label="${e(legend)}" viewBox="0 0 300 18" width="100%" height="18" preserveAspectRatio="none" xmlns="http://www.w3.org/2000/svg">${rects.join('')}</svg><p class="loc">${e(legend)}</p>`;
}

function coverageBars(report: CheckReport): string {
  if (report.compliance.length === 0) return '<p class="muted">No framework mapping applies.</p>';
  const rows = report.compliance.map((f) => {
    const p = frameworkPercent(f);
    return `<span class="l">${e(f.title)}</span><div class="meter" role="img" aria-label="${p}%"><span style="width:${p}%"></span></div><span class="v">${e(frameworkHeadline(f))}</span>`;
  });
  return `<div class="bars">${rows.join('\n')}</div>`;
}

const STATUS_ORDER: Record<EvidenceStatus, number> = { fail: 0, partial: 1, delegated: 2, pass: 3, 'not-applicable': 4 };

/** Controls by level; within a level the required ones first, the gaps first among them. */
export function sortedControls(controls: readonly ControlResult[]): ControlResult[] {
  return [...controls].sort(
    (a, b) => a.level - b.level || Number(b.required) - Number(a.required) || STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.title.localeCompare(b.title),
  );
}

function row(c: ControlResult, firstOfLevel: boolean): string {
  const locations = c.locations.slice(0, 5).map((l) => `<code>${breakablePath(where(l))}</code>`).join(' ');
  const delegated = c.delegatedTo ? `<div class="loc">delegated to <code>${breakablePath(c.delegatedTo)}</code></div>` : '';
  const fix = c.fix && c.required ? `<code>${command(c.fix)}</code>` : '';
  const classes = [c.status === 'not-applicable' ? 'na' : c.required ? '' : 'optional', firstOfLevel ? 'level-start' : ''].filter(Boolean).join(' ');
  const optional = c.required || c.status === 'not-applicable' ? '' : ` · not required at the target level (${STATUS_LABEL[c.status]})`;
  return `<tr class="${classes}" id="control-${e(c.id)}" data-level="${c.level}" data-required="${c.required}">
<td class="status">${badge(c.status, c.required)}</td>
<td data-label="Control"><strong>${e(c.title)}</strong><div class="loc">${e(c.id)}${optional}</div></td>
<td data-label="Level">${c.level}</td>
<td data-label="Evidence">${e(c.summary)}${locations ? `<div class="loc">${locations}</div>` : ''}${delegated}</td>
<td class="fix"${fix ? ' data-label="Fix"' : ''}>${fix}</td>
</tr>`;
}

function rows(report: CheckReport): string {
  return sortedControls(report.controls)
    .map((c, i, all) => row(c, i > 0 && all[i - 1]?.level !== c.level))
    .join('\n');
}

export function formatHtml(report: CheckReport): string {
  const name = report.repository.slug ?? report.repository.root;
  const next = report.nextLevel
    ? `<h2>To reach level ${report.nextLevel.level} (${e(LEVEL_NAMES[report.nextLevel.level as Level])})</h2><ol>${report.nextLevel.steps
        .map((s) => `<li>${badge(s.status)} ${e(s.title)} — <code>${command(s.fix)}</code></li>`)
        .join('')}</ol>`
    : '<h2>Top level reached</h2>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>secure-cncf check: ${e(name)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>secure-cncf check: ${e(name)}</h1>
<p class="sub">${e(headline(report))} Generated ${e(report.generatedAt)} by ${e(report.tool.name)} ${e(report.tool.version)}.</p>
<div class="cards">
<div class="card"><div class="loc">Achieved level</div><div class="big">${report.achievedLevel} <span class="loc">of 3 · target ${report.target.level}</span></div>${statusSvg(report)}</div>
<div class="card"><div class="loc">Level progress</div>${levelTiles(report)}</div>
</div>
${next}
<h2>Compliance evidence</h2>
<div class="card">${coverageBars(report)}<p class="loc">Share of each framework's requirements in scope (all of them, organisational ones included) that the repository can evidence with a passing control. Evidence supports compliance; it does not establish it.</p></div>
<h2>Controls</h2>
<table>
<thead><tr><th>Status</th><th>Control</th><th>Level</th><th>Evidence</th><th>Fix</th></tr></thead>
<tbody>
${rows(report)}
</tbody>
</table>
${report.notes.map((n) => `<p class="muted">Note: ${e(n)}</p>`).join('\n')}
</body>
</html>
`;
}
