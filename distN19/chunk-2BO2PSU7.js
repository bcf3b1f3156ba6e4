import { createRequire as __secureCncfCreateRequire } from 'node:module';
import { fileURLToPath as __secureCncfFileURLToPath } from 'node:url';
import { dirname as __secureCncfDirname } from 'node:path';
const require = __secureCncfCreateRequire(import.meta.url);
const __filename = __secureCncfFileURLToPath(import.meta.url);
const __dirname = __secureCncfDirname(__filename);
import{b as n,d as a}from"./chunk-EZC67X4X.js";var i={pass:"pass",partial:"partial",delegated:"delegated",fail:"fail","not-applicable":"n/a"},c={pass:"\u2713",partial:"\u25D0",delegated:"\u21E2",fail:"\u2717","not-applicable":"\u2013"};function s(e){return e.line?`${e.file}:${e.line}`:e.file}function p(e){return[...new Set(e.controls.map(t=>t.level))].sort().map(t=>({level:t,controls:e.controls.filter(l=>l.level===t)}))}function v(e){let r=e.achievedLevel===0?"no level yet":`level ${e.achievedLevel}`,t=e.targetMet?"target met":`${e.gaps.length} gap${e.gaps.length===1?"":"s"} to the target`;return`Target level ${e.target.level} (${e.target.levelName}); achieved ${r}; ${t}.`}function d(e,r){return n(e,r)}function g(e){return a({evidenced:e.covered,total:e.total})}function u(e){return n(e.covered,e.total)}export{i as a,c as b,s as c,p as d,v as e,d as f,g,u as h};
