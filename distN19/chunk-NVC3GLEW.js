import { createRequire as __secureCncfCreateRequire } from 'node:module';
import { fileURLToPath as __secureCncfFileURLToPath } from 'node:url';
import { dirname as __secureCncfDirname } from 'node:path';
const require = __secureCncfCreateRequire(import.meta.url);
const __filename = __secureCncfFileURLToPath(import.meta.url);
const __dirname = __secureCncfDirname(__filename);
import{b as a}from"./chunk-UPZIK677.js";import"./chunk-5AILJKLV.js";function m(o){let r=["ExitPromptError","AbortPromptError","CancelPromptError"],t=o?.cause;return r.includes(o?.name)||r.includes(t?.name)}function p(o){return async(r,t,e)=>{o.stdout(t.trimEnd()),e&&o.stdout(`warning: ${e}`);let{default:s}=await import("./chunk-2EML7NDQ.js"),i=r.before===void 0?"Create":"Change";try{let{ok:n}=await s.prompt([{type:"confirm",name:"ok",message:`${i} ${r.path}? (${r.details.join("; ")||r.action})`,default:r.safe&&!e}]);return n}catch(n){throw m(n)?new a("No answer (standard input was closed or the prompt was cancelled): nothing was written. Run with --yes (or --dry-run) where no one can answer."):n}}}export{p as inquirerConfirm};
