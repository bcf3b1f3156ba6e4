import { createRequire as __secureCncfCreateRequire } from 'node:module';
import { fileURLToPath as __secureCncfFileURLToPath } from 'node:url';
import { dirname as __secureCncfDirname } from 'node:path';
const require = __secureCncfCreateRequire(import.meta.url);
const __filename = __secureCncfFileURLToPath(import.meta.url);
const __dirname = __secureCncfDirname(__filename);
import{a as c}from"./chunk-5EWWHBNU.js";import{d as s}from"./chunk-5AILJKLV.js";var i=s(c(),1);function g(t){let n=(0,i.stringify)(t,{defaultStringType:"QUOTE_DOUBLE",lineWidth:0}).trimEnd(),r=n.slice(1,-1);return/\\[^"]/.test(r)||!r.includes('"')?n:`'${t.replaceAll("'","''")}'`}function l(t){return t.replace(/[\\`*_[\]#|~>]/g,n=>`\\${n}`).replace(/&/g,"&amp;").replace(/</g,"&lt;")}function p(t){let n=Math.max(0,...[...t.matchAll(/`+/g)].map(o=>o[0].length)),r="`".repeat(n+1),e=t.startsWith("`")||t.endsWith("`")?" ":"";return`${r}${e}${t}${e}${r}`}export{g as a,l as b,p as c};
