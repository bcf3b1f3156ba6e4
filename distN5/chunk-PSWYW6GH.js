import { createRequire as __secureCncfCreateRequire } from 'node:module';
import { fileURLToPath as __secureCncfFileURLToPath } from 'node:url';
import { dirname as __secureCncfDirname } from 'node:path';
const require = __secureCncfCreateRequire(import.meta.url);
const __filename = __secureCncfFileURLToPath(import.meta.url);
const __dirname = __secureCncfDirname(__filename);
import{b as u}from"./chunk-MWDDPKDF.js";import{a as o}from"./chunk-UPZIK677.js";import R from"node:path";var p={name:{type:"string"},repo:{type:"string"},language:{type:"string",multiple:!0,short:"l"},languages:{type:"string",multiple:!0},level:{type:"string"},compliance:{type:"string",multiple:!0},artifacts:{type:"string",multiple:!0},branch:{type:"string"},portal:{type:"boolean"},charts:{type:"string"},"ack-days":{type:"string"},"fix-days":{type:"string"},"no-portal":{type:"boolean"},yes:{type:"boolean",short:"y"},"dry-run":{type:"boolean"},force:{type:"boolean"},conflict:{type:"string"},interactive:{type:"boolean"},"no-interactive":{type:"boolean"},"list-presets":{type:"boolean"},version:{type:"boolean",short:"v"}},O=[...Object.keys(p).map(e=>`--${e}`),"--help"],h=["skip","overwrite","fail"];function i(e){return typeof e=="string"?e:void 0}function c(e){return Array.isArray(e)?e.map(String):void 0}function g({values:e,positionals:t}){if(t.length>1)throw new o(`Expected at most one target directory, got: ${t.join(" ")}.`);let n=i(e.conflict);if(e.force&&n&&n!=="overwrite")throw new o("--force means --conflict overwrite; do not combine it with another --conflict value.");let s=e.force?"overwrite":n??"skip";if(!h.includes(s))throw new o(`Unknown --conflict value "${n}". Valid values: ${h.join(", ")}.`);let a=[...c(e.language)??[],...c(e.languages)??[]];return{directory:t[0],name:i(e.name),repo:i(e.repo),language:a.length?a:void 0,level:i(e.level),compliance:c(e.compliance),artifacts:c(e.artifacts),branch:i(e.branch),portal:e["no-portal"]?!1:e.portal,charts:i(e.charts),ackDays:i(e["ack-days"]),fixDays:i(e["fix-days"]),yes:!!e.yes,dryRun:!!e["dry-run"],conflict:s,interactive:e["no-interactive"]?!1:e.interactive}}import{lstatSync as C,statSync as y}from"node:fs";import r from"node:path";function d(e){try{return y(e).isDirectory()}catch{return!1}}function m(e){try{return C(e).isFile()}catch{return!1}}function A(e){let t=r.resolve(e);return t.split(r.sep).includes(".git")?!0:!d(r.join(t,".git"))&&!m(r.join(t,".git"))&&m(r.join(t,"HEAD"))&&d(r.join(t,"objects"))&&d(r.join(t,"refs"))}function w(e,t){if(A(e))throw new o(`${t} is a git directory (a bare repository or .git), not a work tree; nothing was written. Run in a clone with a working tree (git clone <url>).`)}function U(e){let t=r.resolve(e),n;try{n=y(t)}catch{return t}if(!n.isDirectory())throw new o(`${e} exists and is not a directory; give a directory to create the setup in.`);return w(t,e),t}function b(e,t){let n=r.resolve(e),s;try{s=y(n)}catch{let a=t==="retrofit"?" To start a new repository, run `secure-cncf create <directory>`.":"";throw new o(`${e} does not exist; \`secure-cncf ${t}\` works on an existing repository.${a}`)}if(!s.isDirectory())throw new o(`${e} is not a directory; \`secure-cncf ${t}\` works on a repository directory.`);return w(n,e),n}var{conflict:G,version:H,...T}=p,S={...T,"pr-body":{type:"string"},commit:{type:"boolean"},"security-policy":{type:"boolean"},online:{type:"boolean"}};function j(e){return`secure-cncf retrofit ${e}
Add the hardened setup to an existing repository without losing anything.

Usage
  secure-cncf retrofit [directory] [options]

New files are created. Files secure-cncf generated earlier are refreshed when you have not edited
them. An existing .github/dependabot.yml gets the missing ecosystems and directories (comments and
order kept). Existing workflows are hardened: unpinned uses: pinned to a SHA with a version comment
(only for actions in the pin table, at the version they already use), a top-level
permissions: contents: read where missing and no job needs more, persist-credentials: false on
checkouts of jobs that do not push. The steps of the repository's composite actions (action.yml)
get the same pins, and persist-credentials: false when neither the action nor a job running it
pushes. Risky patterns (untrusted input in run:, also a composite action's inputs a caller fills
from it; PR-head checkouts under pull_request_target) are reported with file:line and the fix,
never rewritten. Every other existing
file (your SECURITY.md, a workflow with the same name as a generated one) is kept and reported.
No new CODEOWNERS is written: the only owner secure-cncf could name is the repository's owner, so the
report says whom to name instead (a team, @org/team, or maintainers).

Options
  the answer options of "create" (--name, --repo, --language, --level, --compliance, --artifacts,
  --branch, --ack-days, --fix-days, --portal: developer-portal files are added only when asked)
  -y, --yes                apply the safe changes without asking
  --dry-run                print every planned change as a unified diff; write nothing
  --force                  also apply unsafe changes (generated files you edited whose template
                           changed; files with uncommitted changes)
  --interactive            show each diff and ask (the default on a terminal without --yes)
  --pr-body FILE           write the pull-request description to FILE: each change and why, what
                           was left out as already covered (and by what), what is left to do
  --security-policy        add SECURITY.md: you confirm no organisation-wide policy (<owner>/.github)
                           applies; without it (or --online finding none) no SECURITY.md is written
  --online                 ask GitHub whether <owner>/.github has a security policy
  --ack-days N, --fix-days N
                           the response times SECURITY.md states (working days to acknowledge,
                           days to fix critical issues; none for no number); without them (and
                           without earlier answers) it states no numbers
  --commit                 commit the written files, one commit per group (hardening of existing
                           workflows, new workflows, policy and metadata)
  -h, --help               show this help

${u}`}var V={name:"retrofit",summary:"add the setup to an existing repository, merging instead of overwriting",options:S,help:j,async run(e,t){let n=g(e),s=b(n.directory??".","retrofit"),a=!n.dryRun&&(n.interactive??(!n.yes&&t.stdinIsTTY)),{runRetrofit:k}=await import("./chunk-ICEQU47Z.js"),x=a?(await import("./chunk-NVC3GLEW.js")).inquirerConfirm(t):void 0,l=e.values["pr-body"];if(l==="")throw new o("--pr-body needs a file name (e.g. --pr-body pr.md).");let v=typeof l=="string"?R.resolve(l):void 0,f=!!e.values.commit;if(f&&n.dryRun)throw new o("--commit and --dry-run contradict each other: choose one.");let E={securityPolicy:!!e.values["security-policy"],online:!!e.values.online};return k(s,{flags:n,dryRun:n.dryRun,force:n.conflict==="overwrite",confirm:x,prBody:v,commit:f,plan:E},t.stdout)}};export{p as a,g as b,U as c,b as d,V as e};
