import { createRequire as __secureCncfCreateRequire } from 'node:module';
import { fileURLToPath as __secureCncfFileURLToPath } from 'node:url';
import { dirname as __secureCncfDirname } from 'node:path';
const require = __secureCncfCreateRequire(import.meta.url);
const __filename = __secureCncfFileURLToPath(import.meta.url);
const __dirname = __secureCncfDirname(__filename);
var e={ok:0,attention:1,usage:2,partial:3,internal:70,cancelled:130},t=`Exit status (the same for every command)
  0    done: everything asked for is in place (check: the target level is met)
  1    done, but something needs you: files kept or changes not applied, warnings with a fix,
       or (check) gaps; the report says which
  2    nothing was done: bad input (unknown option, command or value; a directory that is not
       the repository root; a corrupt .secure-cncf.json) or a file that cannot be written,
       or (pins --update) offline; the message names the problem
  3    done in part: some existing files could not be read or edited (named with file:line);
       the rest was applied
  70   internal error: a bug in secure-cncf; please report it with the message
  130  cancelled (Ctrl-C at a prompt or before the first write, or end of input at a prompt);
       nothing was written
`;export{e as a,t as b};
