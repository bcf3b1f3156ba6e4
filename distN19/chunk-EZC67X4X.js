import { createRequire as __secureCncfCreateRequire } from 'node:module';
import { fileURLToPath as __secureCncfFileURLToPath } from 'node:url';
import { dirname as __secureCncfDirname } from 'node:path';
const require = __secureCncfCreateRequire(import.meta.url);
const __filename = __secureCncfFileURLToPath(import.meta.url);
const __dirname = __secureCncfDirname(__filename);
function d(e,n){let t=e.filter(r=>r.practices.some(l=>n.has(l))).map(r=>r.id),i=e.length;return{total:i,evidenced:t.length,percent:o(t.length,i),evidencedIds:t}}function o(e,n){return n===0?0:Math.round(e/n*100)}function c(e,n){return d(e.requirements,new Set(n.flatMap(t=>t.practices)))}function a(e){return`${e.evidenced} of ${e.total} requirements (${o(e.evidenced,e.total)}%) the repository can evidence`}function m(e,n){return n.filter(t=>t.level<=e.settings.minimumLevel)}export{d as a,o as b,c,a as d,m as e};
