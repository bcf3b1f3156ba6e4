import { createRequire as __secureCncfCreateRequire } from 'node:module';
import { fileURLToPath as __secureCncfFileURLToPath } from 'node:url';
import { dirname as __secureCncfDirname } from 'node:path';
const require = __secureCncfCreateRequire(import.meta.url);
const __filename = __secureCncfFileURLToPath(import.meta.url);
const __dirname = __secureCncfDirname(__filename);
import{a as d,b as m,c as h,e as u,g as v,h as b}from"./chunk-2BO2PSU7.js";import{c as f,d as g}from"./chunk-D5QJUUF4.js";function L(e){return e.replace(/[&<>"']/g,a=>({"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;","'":"&#39;"})[a])}var i=L,w={pass:"#1a7f37",partial:"#9a6700",delegated:"#0969da",fail:"#cf222e","not-applicable":"#6e7781"},S=`
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
.bars{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,2fr) minmax(0,2fr);gap:6px 12px;align-items:center}
.bars .l{font-size:.85rem}.bars .v{font-size:.8rem;color:#57606a}
.meter{height:14px;border-radius:4px;background:#eaeef2;overflow:hidden}.meter span{display:block;height:100%;background:#0969da}
ol li{margin:4px 0}.muted{color:#6e7781}
.w{white-space:nowrap}
td.fix code{white-space:nowrap}
@media (max-width:760px){
body{padding:12px}
.cards{grid-template-columns:minmax(0,1fr)}
.tiles{grid-template-columns:minmax(0,1fr)}
.bars{grid-template-columns:minmax(0,1fr);gap:4px}.bars .l{margin-top:8px}
table,tbody,tr,td{display:block;width:100%}
thead{display:none}
tr{border-bottom:1px solid #d0d7de;padding:6px 0}
td{border:0;padding:3px 10px}
td[data-label]::before{content:attr(data-label) ": ";font-weight:600;color:#57606a}
td.status::before{content:none}
td.fix code{white-space:normal}
}
`;function y(e,a=!0){return!a&&e!=="pass"&&e!=="not-applicable"?`<span class="badge optional" title="${d[e]}">\u25CB not required</span>`:`<span class="badge" style="background:${w[e]}">${m[e]} ${d[e]}</span>`}function x(e){return e.split("/").map(a=>`<span class="w">${i(a)}</span>`).join("/<wbr>")}function k(e){return e.split(" ").map(a=>`<span class="w">${i(a)}</span>`).join(" ")}function C(e){let a=f.map(t=>{let o=e.controls.filter(c=>c.level===t&&c.status!=="not-applicable"),n=o.filter(c=>c.status==="pass").length,s=t<=e.achievedLevel,l=t===e.target.level,r=o.length===0?s?100:0:Math.round(n/o.length*100),p=s?"<strong>achieved</strong>":"not achieved";return`<div class="tile ${s?"achieved":"open"}${l?" target":""}" data-level="${t}">
<div class="name">Level ${t} \xB7 ${i(g[t])}</div>
<div class="meter" role="img" aria-label="${n} of ${o.length} controls pass"><span style="width:${r}%"></span></div>
<div class="state">${p} \xB7 ${n}/${o.length} controls pass${l?" \xB7 target":""}</div>
</div>`});return`<div class="tiles" role="list" aria-label="Level progress: achieved level ${e.achievedLevel} of 3, target ${e.target.level}">${a.join("")}</div>`}function R(e){let a=Math.max(1,e.controls.length),t=0,o=["pass","partial","fail","not-applicable"],n=o.map(l=>{let r=e.counts[l]/a*300,p=r>0?`<rect x="${t.toFixed(1)}" y="0" width="${r.toFixed(1)}" height="18" fill="${w[l]}"><title>${d[l]}: ${e.counts[l]}</title></rect>`:"";return t+=r,p}),s=o.map(l=>`${m[l]} ${d[l]} ${e.counts[l]}`).join(" \xB7 ");return`<svg role="img" aria-label="${i(s)}" viewBox="0 0 300 18" width="100%" height="18" preserveAspectRatio="none" xmlns="http://www.w3.org/2000/svg">${n.join("")}</svg><p class="loc">${i(s)}</p>`}function E(e){return e.compliance.length===0?'<p class="muted">No framework mapping applies.</p>':`<div class="bars">${e.compliance.map(t=>{let o=b(t);return`<span class="l">${i(t.title)}</span><div class="meter" role="img" aria-label="${o}%"><span style="width:${o}%"></span></div><span class="v">${i(v(t))}</span>`}).join(`
`)}</div>`}var $={fail:0,partial:1,delegated:2,pass:3,"not-applicable":4};function j(e){return[...e].sort((a,t)=>a.level-t.level||Number(t.required)-Number(a.required)||$[a.status]-$[t.status]||a.title.localeCompare(t.title))}function q(e,a){let t=e.locations.slice(0,5).map(r=>`<code>${x(h(r))}</code>`).join(" "),o=e.delegatedTo?`<div class="loc">delegated to <code>${x(e.delegatedTo)}</code></div>`:"",n=e.fix&&e.required?`<code>${k(e.fix)}</code>`:"",s=[e.status==="not-applicable"?"na":e.required?"":"optional",a?"level-start":""].filter(Boolean).join(" "),l=e.required||e.status==="not-applicable"?"":` \xB7 not required at the target level (${d[e.status]})`;return`<tr class="${s}" id="control-${i(e.id)}" data-level="${e.level}" data-required="${e.required}">
<td class="status">${y(e.status,e.required)}</td>
<td data-label="Control"><strong>${i(e.title)}</strong><div class="loc">${i(e.id)}${l}</div></td>
<td data-label="Level">${e.level}</td>
<td data-label="Evidence">${i(e.summary)}${t?`<div class="loc">${t}</div>`:""}${o}</td>
<td class="fix"${n?' data-label="Fix"':""}>${n}</td>
</tr>`}function z(e){return j(e.controls).map((a,t,o)=>q(a,t>0&&o[t-1]?.level!==a.level)).join(`
`)}function N(e){let a=e.repository.slug??e.repository.root,t=e.nextLevel?`<h2>To reach level ${e.nextLevel.level} (${i(g[e.nextLevel.level])})</h2><ol>${e.nextLevel.steps.map(o=>`<li>${y(o.status)} ${i(o.title)} \u2014 <code>${k(o.fix)}</code></li>`).join("")}</ol>`:"<h2>Top level reached</h2>";return`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>secure-cncf check: ${i(a)}</title>
<style>${S}</style>
</head>
<body>
<h1>secure-cncf check: ${i(a)}</h1>
<p class="sub">${i(u(e))} Generated ${i(e.generatedAt)} by ${i(e.tool.name)} ${i(e.tool.version)}.</p>
<div class="cards">
<div class="card"><div class="loc">Achieved level</div><div class="big">${e.achievedLevel} <span class="loc">of 3 \xB7 target ${e.target.level}</span></div>${R(e)}</div>
<div class="card"><div class="loc">Level progress</div>${C(e)}</div>
</div>
${t}
<h2>Compliance evidence</h2>
<div class="card">${E(e)}<p class="loc">Share of each framework's requirements in scope (all of them, organisational ones included) that the repository can evidence with a passing control. Evidence supports compliance; it does not establish it.</p></div>
<h2>Controls</h2>
<table>
<thead><tr><th>Status</th><th>Control</th><th>Level</th><th>Evidence</th><th>Fix</th></tr></thead>
<tbody>
${z(e)}
</tbody>
</table>
${e.notes.map(o=>`<p class="muted">Note: ${i(o)}</p>`).join(`
`)}
</body>
</html>
`}export{L as a,N as b};
