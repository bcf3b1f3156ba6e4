import { createRequire as __secureCncfCreateRequire } from 'node:module';
import { fileURLToPath as __secureCncfFileURLToPath } from 'node:url';
import { dirname as __secureCncfDirname } from 'node:path';
const require = __secureCncfCreateRequire(import.meta.url);
const __filename = __secureCncfFileURLToPath(import.meta.url);
const __dirname = __secureCncfDirname(__filename);
import{a,b,c,d,e}from"./chunk-LBQ54RLA.js";import"./chunk-TLBM7GCV.js";import"./chunk-2BO2PSU7.js";import"./chunk-RDCLRZ66.js";import"./chunk-5EWWHBNU.js";import"./chunk-EZC67X4X.js";import"./chunk-D5QJUUF4.js";import"./chunk-5AILJKLV.js";export{a as SURVEY_FORMATS,e as renderSurvey,c as surveyCsv,d as surveyHtml,b as surveyMarkdown};
