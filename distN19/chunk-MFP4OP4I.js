import { createRequire as __secureCncfCreateRequire } from 'node:module';
import { fileURLToPath as __secureCncfFileURLToPath } from 'node:url';
import { dirname as __secureCncfDirname } from 'node:path';
const require = __secureCncfCreateRequire(import.meta.url);
const __filename = __secureCncfFileURLToPath(import.meta.url);
const __dirname = __secureCncfDirname(__filename);
import{g as a,h as b,j as c,k as d,l as e,m as f,n as g,o as h,p as i,q as j,r as k,s as l,t as m}from"./chunk-R47G54L6.js";import"./chunk-IGEXIGCM.js";import"./chunk-5AILJKLV.js";export{i as $,a as ExecaError,b as ExecaSyncError,d as execa,f as execaCommand,g as execaCommandSync,h as execaNode,e as execaSync,m as getCancelSignal,l as getEachMessage,k as getOneMessage,c as parseCommandString,j as sendMessage};
