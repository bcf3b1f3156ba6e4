import { createRequire as __secureCncfCreateRequire } from 'node:module';
import { fileURLToPath as __secureCncfFileURLToPath } from 'node:url';
import { dirname as __secureCncfDirname } from 'node:path';
const require = __secureCncfCreateRequire(import.meta.url);
const __filename = __secureCncfFileURLToPath(import.meta.url);
const __dirname = __secureCncfDirname(__filename);
import{a as g}from"./chunk-UPZIK677.js";import{parseArgs as d}from"node:util";function u(a,l){let n={...a.options,help:{type:"boolean",short:"h"}};try{let{values:o,positionals:t,tokens:r}=d({args:l,options:n,allowPositionals:!0,strict:!0,tokens:!0});for(let e of Object.keys(n)){let s=`no-${e}`;if(!(s in n)||o[e]===void 0||o[s]===void 0)continue;let p=r.filter(i=>i.kind==="option"&&(i.name===e||i.name===s)).pop();delete o[p?.kind==="option"&&p.name===e?s:e]}return{values:o,positionals:t}}catch(o){let t=o.message.replace(/\. To specify a positional argument.*$/s,"."),r=Object.keys(n).map(e=>`--${e}`);throw new g(`${t}
Valid options for "${a.name}": ${r.join(", ")}. Run with --help for details.`)}}export{u as a};
