import { createRequire as __secureCncfCreateRequire } from 'node:module';
import { fileURLToPath as __secureCncfFileURLToPath } from 'node:url';
import { dirname as __secureCncfDirname } from 'node:path';
const require = __secureCncfCreateRequire(import.meta.url);
const __filename = __secureCncfFileURLToPath(import.meta.url);
const __dirname = __secureCncfDirname(__filename);
import{a as s}from"./chunk-TLBM7GCV.js";import{f as c}from"./chunk-2BO2PSU7.js";import{b as a}from"./chunk-RDCLRZ66.js";var y=["markdown","csv","html"],p=(e,t)=>`${e}/${t} (${c(e,t)}%)`;function u(e){let t=["# secure-cncf survey",""];t.push(`${e.audited} repositories audited${e.failed?`, ${e.failed} could not be audited`:""}.`,""),t.push("## Achieved level","","| Level | Repositories |","|---|---|");for(let[o,i]of Object.entries(e.levels))t.push(`| ${o==="0"?"none":o} | ${p(i,e.audited)} |`);t.push("","## Adoption per practice","","| Practice | Repositories with a passing control |","|---|---|");for(let o of e.practices)t.push(`| ${a(o.id)} | ${p(o.adopted,o.applicable)} |`);t.push("","## Adoption per control","","| Control | Level | Pass | Partial | Fail |","|---|---|---|---|---|");for(let o of e.controls)t.push(`| ${a(o.title)} | ${o.level} | ${p(o.pass,o.applicable)} | ${o.partial} | ${o.fail} |`);t.push("","## Most common gaps",""),e.topGaps.forEach((o,i)=>t.push(`${i+1}. ${a(o.title)}: missing or incomplete in ${p(o.partial+o.fail,o.applicable)}`));let r=e.entries.filter(o=>o.error);if(r.length>0){t.push("","## Not audited","");for(let o of r)t.push(`- ${a(o.path)}: ${a(o.error??"")}`)}return`${t.join(`
`)}
`}function m(e){let t=String(e),r=/^[=+\-@\t\r]/.test(t)?`'${t}`:t;return/[",\n\r]/.test(r)||r!==t?`"${r.replace(/"/g,'""')}"`:r}function f(e){let t=e.controls.map(i=>i.id),r=["path","repository","target_level","achieved_level","gaps","error",...t],o=e.entries.map(i=>{let n=i.report,d=new Map(n?.controls.map(l=>[l.id,l.status])??[]);return[i.path,n?.repository.slug??"",n?.target.level??"",n?.achievedLevel??"",n?.gaps.length??"",i.error??"",...t.map(l=>d.get(l)??"")]});return`${[r,...o].map(i=>i.map(m).join(",")).join(`\r
`)}\r
`}function h(e,t,r="#0969da"){let o=c(e,t);return`<svg role="img" aria-label="${o}%" viewBox="0 0 200 14" width="200" height="14" xmlns="http://www.w3.org/2000/svg"><rect width="200" height="14" rx="4" fill="#eaeef2"/><rect width="${o*2}" height="14" rx="4" fill="${r}"/></svg> ${p(e,t)}`}function v(e){let t=r=>r.map(o=>`<tr>${o.map(i=>`<td>${i}</td>`).join("")}</tr>`).join(`
`);return`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>secure-cncf survey</title>
<style>body{font-family:system-ui,sans-serif;max-width:1100px;margin:24px auto;padding:0 16px;color:#1f2328}table{border-collapse:collapse;width:100%;margin-bottom:24px}td,th{border-bottom:1px solid #eaeef2;padding:6px 8px;text-align:left;font-size:.9rem;vertical-align:middle}th{background:#f6f8fa}</style>
</head><body>
<h1>secure-cncf survey</h1>
<p>${e.audited} repositories audited${e.failed?`, ${e.failed} could not be audited`:""}.</p>
<h2>Achieved level</h2><table><tr><th>Level</th><th>Repositories</th></tr>
${t(Object.entries(e.levels).map(([r,o])=>[r==="0"?"none":r,h(o,e.audited,"#1a7f37")]))}</table>
<h2>Most common gaps</h2><table><tr><th>Control</th><th>Missing or incomplete</th></tr>
${t(e.topGaps.map(r=>[s(r.title),h(r.partial+r.fail,r.applicable,"#cf222e")]))}</table>
<h2>Adoption per practice</h2><table><tr><th>Practice</th><th>Repositories with a passing control</th></tr>
${t(e.practices.map(r=>[s(r.id),h(r.adopted,r.applicable)]))}</table>
<h2>Repositories</h2><table><tr><th>Path</th><th>Achieved level</th><th>Gaps / error</th></tr>
${t(e.entries.map(r=>[s(r.path),r.report?String(r.report.achievedLevel):"\u2013",r.report?String(r.report.gaps.length):s(r.error??"")]))}</table>
</body></html>
`}function w(e,t){return t==="csv"?f(e):t==="html"?v(e):u(e)}export{y as a,u as b,f as c,v as d,w as e};
