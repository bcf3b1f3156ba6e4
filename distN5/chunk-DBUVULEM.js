import { createRequire as __secureCncfCreateRequire } from 'node:module';
import { fileURLToPath as __secureCncfFileURLToPath } from 'node:url';
import { dirname as __secureCncfDirname } from 'node:path';
const require = __secureCncfCreateRequire(import.meta.url);
const __filename = __secureCncfFileURLToPath(import.meta.url);
const __dirname = __secureCncfDirname(__filename);
import{c as e}from"./chunk-OA426AS4.js";import"./chunk-5AILJKLV.js";import{existsSync as o}from"node:fs";import i from"node:path";var f=new Set(["check","retrofit","upgrade"]);function d(n){let[t,r]=n;if(!(!t||!f.has(t))){if(r===void 0)return".";if(!r.startsWith("-"))return r}}function p(n){let t=d(n);if(t===void 0)return;let r=i.resolve(t);o(i.join(r,".git"))&&e(r)}export{d as directoryOf,p as prefetchRepository};
