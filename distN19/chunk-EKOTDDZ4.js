import { createRequire as __secureCncfCreateRequire } from 'node:module';
import { fileURLToPath as __secureCncfFileURLToPath } from 'node:url';
import { dirname as __secureCncfDirname } from 'node:path';
const require = __secureCncfCreateRequire(import.meta.url);
const __filename = __secureCncfFileURLToPath(import.meta.url);
const __dirname = __secureCncfDirname(__filename);
import{a,b,c,d,e,f}from"./chunk-XV5EEGUK.js";import"./chunk-ZUHILZ24.js";import"./chunk-5EWWHBNU.js";import"./chunk-EZC67X4X.js";import"./chunk-D5QJUUF4.js";import"./chunk-5AILJKLV.js";export{b as REPORT_SCHEMA_ID,a as REPORT_SCHEMA_VERSION,d as achievedLevel,e as buildReport,f as exitCode,c as fixFor};
