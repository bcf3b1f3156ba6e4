import { createRequire as __secureCncfCreateRequire } from 'node:module';
import { fileURLToPath as __secureCncfFileURLToPath } from 'node:url';
import { dirname as __secureCncfDirname } from 'node:path';
const require = __secureCncfCreateRequire(import.meta.url);
const __filename = __secureCncfFileURLToPath(import.meta.url);
const __dirname = __secureCncfDirname(__filename);
var r=class extends Error{name="UsageError";exitCode=2},o=class extends Error{name="InputError";exitCode=2},n=class extends Error{name="CancelledError";exitCode=130};function a(e){return e instanceof r||e instanceof o||e instanceof n}export{r as a,o as b,n as c,a as d};
