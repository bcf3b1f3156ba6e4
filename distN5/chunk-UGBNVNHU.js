import { createRequire as __secureCncfCreateRequire } from 'node:module';
import { fileURLToPath as __secureCncfFileURLToPath } from 'node:url';
import { dirname as __secureCncfDirname } from 'node:path';
const require = __secureCncfCreateRequire(import.meta.url);
const __filename = __secureCncfFileURLToPath(import.meta.url);
const __dirname = __secureCncfDirname(__filename);
import{d as a,e as f}from"./chunk-Z2UJFDDA.js";import{a as i}from"./chunk-XXR6UYIS.js";async function l(t,o){let n={chosen:[],skipped:[],warnings:[]};for(let e of t){let r=e.before!==void 0&&o.dirty.has(e.path),s=r?`${e.path} has uncommitted changes; commit or stash them first so this edit can be reviewed on its own`:void 0;s&&n.warnings.push(s),o.confirm?await o.confirm(e,f(e.path,e.before,e.after),s)?n.chosen.push(e):n.skipped.push({change:e,why:"you said no"}):r&&!o.force?n.skipped.push({change:e,why:"has uncommitted changes (commit or stash them, or use --force)"}):!e.safe&&!o.force?n.skipped.push({change:e,why:e.details[0]??"needs --force"}):n.chosen.push(e)}return n}function m(t,o){let n=o.map(e=>{let r={file:{path:e.path,content:e.after,controls:e.controls,reason:e.details.join("; ")},kind:e.before===void 0?"create":"update",absolutePath:i(t,e.path)};return e.before!==void 0&&(r.current=e.before),r});return a(n,"overwrite")}export{l as a,m as b};
