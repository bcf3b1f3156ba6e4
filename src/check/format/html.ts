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
body{margin:0;padding:24px;max-width:1200px;margin-inline:auto}
h1{font-size:1.5rem;margin:0 0 4px}h2{font-size:1.15rem;margin:28px 0 10px}
.sub{color:#57606a;margin:0 0 16px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:16px}
.card{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:16px}
.big{font-size:2.2rem;font-weight:700}
table{border-collapse:collapse;width:100%;background:#fff;border:1px solid #d0d7de;border-radius:8px;overflow:hidden}
th,td{text-align:left;vertical-align:top;padding:8px 10px;border-bottom:1px solid #eaeef2;font-size:.9rem}
th{background:#f6f8fa;font-weight:600}
tr.na td{color:#6e7781}
.badge{display:inline-block;min-width:64px;padding:2px 8px;border-radius:12px;color:#fff;font-weight:600;font-size:.8rem;text-align:center;white-space:nowrap}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.82rem;background:#eff1f3;padding:1px 4px;border-radius:4px;word-break:break-all}
.loc{color:#57606a;font-size:.8rem}
.bar{display:flex;align-items:center;gap:8px;margin:6px 0}.bar span.l{flex:0 0 280px;font-size:.85rem}
ol li{margin:4px 0}.muted{color:#6e7781}
td.fix code{word-break:normal;white-space:nowrap}
`;

function badge(status: EvidenceStatus): string {
  return `<span class="badge" style="background:${COLOUR[status]}">${STATUS_ICON[status]} ${STATUS_LABEL[status]}</span>`;
}

/** Three level segments, filled per share of passing controls; achieved levels solid, the target outlined. */
function levelSvg(report: CheckReport): string {
  const width = 600;
  const segment = width / LEVELS.length;
  const parts = LEVELS.map((level, i) => {
    const controls = report.controls.filter((c) => c.level === level && c.status !== 'not-applicable');
    const passed = controls.filter((c) => c.status === 'pass').length;
    const share = controls.length === 0 ? 1 : passed / controls.length;
    const x = i * segment + 4;
    const w = segment - 8;
    const achieved = level <= report.achievedLevel;
    const target = level === report.target.level;
    return `<g>
<rect x="${x}" y="10" width="${w}" height="34" rx="6" fill="#eaeef2"/>
<rect x="${x}" y="10" width="${(w * share).toFixed(1)}" height="34" rx="6" fill="${achieved ? '#1a7f37' : '#8ddb8c'}"/>
${target ? `<rect x="${x - 2}" y="8" width="${w + 4}" height="38" rx="7" fill="none" stroke="#0969da" stroke-width="3"/>` : ''}
<text x="${x + w / 2}" y="32" text-anchor="middle" font-size="14" font-weight="600" fill="#1f2328">Level ${level} · ${e(LEVEL_NAMES[level])}</text>
<text x="${x + w / 2}" y="64" text-anchor="middle" font-size="12" fill="#57606a">${passed}/${controls.length} controls pass${target ? ' · target' : ''}</text>
</g>`;
  });
  return `<svg role="img" aria-label="Level progress: achieved level ${report.achievedLevel} of 3, target ${report.target.level}" viewBox="0 0 ${width} 72" width="100%" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
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
  return `<svg role="img" aria-label="${e(legend)}" viewBox="0 0 300 18" width="100%" height="18" xmlns="http://www.w3.org/2000/svg">${rects.join('')}</svg><p class="loc">${e(legend)}</p>`;
}

function coverageBars(report: CheckReport): string {
  if (report.compliance.length === 0) return '<p class="muted">No framework mapping applies.</p>';
  return report.compliance
    .map((f) => {
      const p = frameworkPercent(f);
      return `<div class="bar"><span class="l">${e(f.title)}</span><svg role="img" aria-label="${p}%" viewBox="0 0 200 14" width="200" height="14" xmlns="http://www.w3.org/2000/svg"><rect width="200" height="14" rx="4" fill="#eaeef2"/><rect width="${p * 2}" height="14" rx="4" fill="#0969da"/></svg><span>${e(frameworkHeadline(f))}</span></div>`;
    })
    .join('\n');
}

function row(c: ControlResult): string {
  const locations = c.locations.slice(0, 5).map((l) => `<code>${e(where(l))}</code>`).join(' ');
  const delegated = c.delegatedTo ? `<div class="loc">delegated to <code>${e(c.delegatedTo)}</code></div>` : '';
  const fix = c.fix ? `<code>${e(c.fix)}</code>` : '';
  return `<tr class="${c.status === 'not-applicable' ? 'na' : ''}" id="control-${e(c.id)}">
<td>${badge(c.status)}</td>
<td><strong>${e(c.title)}</strong><div class="loc">${e(c.id)}${c.required ? '' : ' · not required at the target level'}</div></td>
<td>${c.level}</td>
<td>${e(c.summary)}${locations ? `<div class="loc">${locations}</div>` : ''}${delegated}</td>
<td class="fix">${fix}</td>
</tr>`;
}

export function formatHtml(report: CheckReport): string {
  const name = report.repository.slug ?? report.repository.root;
  const next = report.nextLevel
    ? `<h2>To reach level ${report.nextLevel.level} (${e(LEVEL_NAMES[report.nextLevel.level as Level])})</h2><ol>${report.nextLevel.steps
        .map((s) => `<li>${badge(s.status)} ${e(s.title)} — <code>${e(s.fix)}</code></li>`)
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
<div class="card" style="grid-column:span 2"><div class="loc">Level progress</div>${levelSvg(report)}</div>
</div>
${next}
<h2>Compliance evidence</h2>
<div class="card">${coverageBars(report)}<p class="loc">Share of each framework's requirements in scope (all of them, organisational ones included) that the repository can evidence with a passing control. Evidence supports compliance; it does not establish it.</p></div>
<h2>Controls</h2>
<table>
<thead><tr><th>Status</th><th>Control</th><th>Level</th><th>Evidence</th><th>Fix</th></tr></thead>
<tbody>
${report.controls.map(row).join('\n')}
</tbody>
</table>
${report.notes.map((n) => `<p class="muted">Note: ${e(n)}</p>`).join('\n')}
</body>
</html>
`;
}
