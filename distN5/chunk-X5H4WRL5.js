import { createRequire as __secureCncfCreateRequire } from 'node:module';
import { fileURLToPath as __secureCncfFileURLToPath } from 'node:url';
import { dirname as __secureCncfDirname } from 'node:path';
const require = __secureCncfCreateRequire(import.meta.url);
const __filename = __secureCncfFileURLToPath(import.meta.url);
const __dirname = __secureCncfDirname(__filename);
var g=async n=>{let{execa:e}=await import("./chunk-MFP4OP4I.js"),t=await e("git",["ls-remote","--tags",n],{reject:!1,timeout:3e4,stdin:"ignore",env:{GIT_TERMINAL_PROMPT:"0",GIT_ASKPASS:"true"}});if(t.exitCode!==0){let i=String(t.stderr).trim().split(`
`).pop()||(t.timedOut?"timed out":`exit ${t.exitCode}`);throw new Error(i)}return String(t.stdout)};function c(n){let e=new Map,t=new Set;for(let i of n.split(`
`)){let r=/^([0-9a-f]{40})\s+refs\/tags\/(.+?)(\^\{\})?$/.exec(i.trim());if(!r)continue;let[,o,s,a]=r;a?(e.set(s,o),t.add(s)):t.has(s)||e.set(s,o)}return e}export{g as a,c as b};
