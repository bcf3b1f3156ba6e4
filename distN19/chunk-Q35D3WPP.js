import { createRequire as __secureCncfCreateRequire } from 'node:module';
import { fileURLToPath as __secureCncfFileURLToPath } from 'node:url';
import { dirname as __secureCncfDirname } from 'node:path';
const require = __secureCncfCreateRequire(import.meta.url);
const __filename = __secureCncfFileURLToPath(import.meta.url);
const __dirname = __secureCncfDirname(__filename);
import{b as a,c as b,d as c,e as d,f as e}from"./chunk-B66T3NYZ.js";import"./chunk-LER226FV.js";import"./chunk-QWE2F7TH.js";import"./chunk-UPZIK677.js";import"./chunk-5AILJKLV.js";export{c as buildPlan,e as chunkRepos,b as isFatal,a as parseRepoList,d as readPlan};
