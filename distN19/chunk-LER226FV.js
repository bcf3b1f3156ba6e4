import { createRequire as __secureCncfCreateRequire } from 'node:module';
import { fileURLToPath as __secureCncfFileURLToPath } from 'node:url';
import { dirname as __secureCncfDirname } from 'node:path';
const require = __secureCncfCreateRequire(import.meta.url);
const __filename = __secureCncfFileURLToPath(import.meta.url);
const __dirname = __secureCncfDirname(__filename);
function s(e){if(!Number.isInteger(e)||e<1)throw new RangeError(`Concurrency must be a positive integer, got ${e}.`);let r=0,i=[],t=()=>{r-=1,i.shift()?.()};return async n=>{r>=e&&await new Promise(o=>i.push(o)),r+=1;try{return await n()}finally{t()}}}async function a(e,r,i){let t=s(r);return Promise.all(e.map((n,o)=>t(()=>i(n,o))))}export{s as a,a as b};
