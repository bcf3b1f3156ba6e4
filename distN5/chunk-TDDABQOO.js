import { createRequire as __secureCncfCreateRequire } from 'node:module';
import { fileURLToPath as __secureCncfFileURLToPath } from 'node:url';
import { dirname as __secureCncfDirname } from 'node:path';
const require = __secureCncfCreateRequire(import.meta.url);
const __filename = __secureCncfFileURLToPath(import.meta.url);
const __dirname = __secureCncfDirname(__filename);
import{e as a,f as b,g as c,h as d,i as e,j as f,k as g,l as h,m as i,n as j,o as k}from"./chunk-ZUHILZ24.js";import"./chunk-5EWWHBNU.js";import"./chunk-EZC67X4X.js";import"./chunk-D5QJUUF4.js";import"./chunk-5AILJKLV.js";export{a as PRESET_IDS,b as PresetError,g as controlsForRequirement,f as getPresets,k as listPresetsText,e as loadPresets,i as presetSettings,d as readPresetFile,h as requiredControlIds,j as unaddressedRequirements,c as validatePreset};
