import { createRequire as __secureCncfCreateRequire } from 'node:module';
import { fileURLToPath as __secureCncfFileURLToPath } from 'node:url';
import { dirname as __secureCncfDirname } from 'node:path';
const require = __secureCncfCreateRequire(import.meta.url);
const __filename = __secureCncfFileURLToPath(import.meta.url);
const __dirname = __secureCncfDirname(__filename);
import{a,b}from"./chunk-PFOS63RL.js";import"./chunk-UGBNVNHU.js";import"./chunk-Z2UJFDDA.js";import"./chunk-G23AEULK.js";import"./chunk-XXR6UYIS.js";import"./chunk-PIPXFDIV.js";import"./chunk-ZWMNAMC2.js";import"./chunk-KGWQIC6K.js";import"./chunk-RDCLRZ66.js";import"./chunk-SZPZES3J.js";import"./chunk-OA426AS4.js";import"./chunk-UPZIK677.js";import"./chunk-ZUHILZ24.js";import"./chunk-5EWWHBNU.js";import"./chunk-EZC67X4X.js";import"./chunk-D5QJUUF4.js";import"./chunk-5AILJKLV.js";export{b as executePlan,a as runRetrofit};
