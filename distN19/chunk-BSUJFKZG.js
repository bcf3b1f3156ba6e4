import { createRequire as __secureCncfCreateRequire } from 'node:module';
import { fileURLToPath as __secureCncfFileURLToPath } from 'node:url';
import { dirname as __secureCncfDirname } from 'node:path';
const require = __secureCncfCreateRequire(import.meta.url);
const __filename = __secureCncfFileURLToPath(import.meta.url);
const __dirname = __secureCncfDirname(__filename);
import{a,b,c,d,e,f,g,h}from"./chunk-2BO2PSU7.js";import"./chunk-EZC67X4X.js";import"./chunk-5AILJKLV.js";export{b as STATUS_ICON,a as STATUS_LABEL,d as byLevel,g as frameworkHeadline,h as frameworkPercent,e as headline,f as percent,c as where};
