import { createRequire as __secureCncfCreateRequire } from 'node:module';
import { fileURLToPath as __secureCncfFileURLToPath } from 'node:url';
import { dirname as __secureCncfDirname } from 'node:path';
const require = __secureCncfCreateRequire(import.meta.url);
const __filename = __secureCncfFileURLToPath(import.meta.url);
const __dirname = __secureCncfDirname(__filename);
import{existsSync as s}from"node:fs";import a from"node:path";var c=/^(?:[\w.-]+[/-])?v?\d+\.\d+(?:\.\d+)?/;async function d(t){if(!s(a.join(t,".git")))return"unknown";let{execa:e}=await import("./chunk-MFP4OP4I.js"),n=(...i)=>e("git",i,{cwd:t,reject:!1,timeout:1e4,stdin:"ignore"}),r=await n("rev-parse","--is-shallow-repository");if(r.exitCode!==0||String(r.stdout).trim()==="true")return"unknown";let o=await n("tag","--list");return o.exitCode!==0?"unknown":String(o.stdout).split(`
`).some(i=>c.test(i.trim()))?"tagged":"none"}async function w(t){if(!s(a.join(t,".git")))return!1;let{execa:e}=await import("./chunk-MFP4OP4I.js");return(await e("git",["rev-parse","--verify","--quiet","HEAD"],{cwd:t,reject:!1,timeout:1e4,stdin:"ignore"})).exitCode===0}export{d as a,w as b};
