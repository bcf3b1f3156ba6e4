import { createRequire as __secureCncfCreateRequire } from 'node:module';
import { fileURLToPath as __secureCncfFileURLToPath } from 'node:url';
import { dirname as __secureCncfDirname } from 'node:path';
const require = __secureCncfCreateRequire(import.meta.url);
const __filename = __secureCncfFileURLToPath(import.meta.url);
const __dirname = __secureCncfDirname(__filename);
import{e as a}from"./chunk-PSWYW6GH.js";import"./chunk-MWDDPKDF.js";import"./chunk-UPZIK677.js";import"./chunk-5AILJKLV.js";export{a as retrofitCommand};
