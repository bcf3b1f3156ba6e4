#!/usr/bin/env node
import { createRequire as __secureCncfCreateRequire } from 'node:module';
import { fileURLToPath as __secureCncfFileURLToPath } from 'node:url';
import { dirname as __secureCncfDirname } from 'node:path';
const require = __secureCncfCreateRequire(import.meta.url);
const __filename = __secureCncfFileURLToPath(import.meta.url);
const __dirname = __secureCncfDirname(__filename);
import o from"node:module";import r from"node:v8";o.enableCompileCache?.();(await import("./chunk-DBUVULEM.js")).prefetchRepository(process.argv.slice(2));var{main:s}=await import("./chunk-S54KUQYO.js"),t=new Set(["survey","fleet"]);process.argv.slice(2).some(e=>t.has(e))||r.setFlagsFromString("--no-opt");s(process.argv.slice(2)).then(e=>{process.exitCode=e},e=>{process.stderr.write(`secure-cncf: unexpected error: ${e?.stack??String(e)}
`),process.exitCode=70});
