import { createRequire as __secureCncfCreateRequire } from 'node:module';
import { fileURLToPath as __secureCncfFileURLToPath } from 'node:url';
import { dirname as __secureCncfDirname } from 'node:path';
const require = __secureCncfCreateRequire(import.meta.url);
const __filename = __secureCncfFileURLToPath(import.meta.url);
const __dirname = __secureCncfDirname(__filename);
import{b as i}from"./chunk-RDCLRZ66.js";import"./chunk-5EWWHBNU.js";import"./chunk-5AILJKLV.js";function f(e){let r=e.filter(t=>t.retrofit);if(r.length===0)return"";let n=["","## Pull requests (retrofit mode)","","| Repository | Outcome | Pull request |","|---|---|---|"];for(let t of r){let o=t.retrofit;n.push(`| ${i(t.path)} | ${i(o.outcome)}${o.detail?`: ${i(o.detail)}`:""} | ${o.url?`<${o.url}>`:""} |`)}return`${n.join(`
`)}
`}var u=1024*1024;function l(e,r=u){if(Buffer.byteLength(e)<=r)return e;let n=`

_The summary was cut to fit the job summary limit; every row is in fleet.csv and index.html (artifact secure-cncf-fleet-report)._
`,t=e.slice(0,r-Buffer.byteLength(n)-4096);return t=t.slice(0,t.lastIndexOf(`
`)),`${t}${n}`}export{u as SUMMARY_LIMIT,l as fitSummary,f as fleetPullRequests};
