import { createRequire as __secureCncfCreateRequire } from 'node:module';
import { fileURLToPath as __secureCncfFileURLToPath } from 'node:url';
import { dirname as __secureCncfDirname } from 'node:path';
const require = __secureCncfCreateRequire(import.meta.url);
const __filename = __secureCncfFileURLToPath(import.meta.url);
const __dirname = __secureCncfDirname(__filename);
import{u as a,v as b}from"./chunk-6WXR7XZL.js";import"./chunk-R47G54L6.js";import"./chunk-IGEXIGCM.js";import"./chunk-5AILJKLV.js";export{a as Storage,b as default};
