import { createRequire as __secureCncfCreateRequire } from 'node:module';
import { fileURLToPath as __secureCncfFileURLToPath } from 'node:url';
import { dirname as __secureCncfDirname } from 'node:path';
const require = __secureCncfCreateRequire(import.meta.url);
const __filename = __secureCncfFileURLToPath(import.meta.url);
const __dirname = __secureCncfDirname(__filename);
import{a as F,b as re}from"./chunk-MO35RWS6.js";import{h as xe}from"./chunk-P4IID7WT.js";import{a as M,e as Ae}from"./chunk-LBQ54RLA.js";import"./chunk-TLBM7GCV.js";import{e as Se}from"./chunk-2BO2PSU7.js";import{a as Te,b as Re,c as je}from"./chunk-CVQ63J6H.js";import{a as Pe,b as Ie}from"./chunk-B66T3NYZ.js";import"./chunk-LER226FV.js";import"./chunk-QWE2F7TH.js";import{a as me,b as ue,c as be,d as L,e as Ee}from"./chunk-PSWYW6GH.js";import{a as Ce}from"./chunk-5EPWGEIV.js";import{f as ke}from"./chunk-XV5EEGUK.js";import{a as we,b as ve,c as $e}from"./chunk-PYXI5M7W.js";import{b as f}from"./chunk-MWDDPKDF.js";import{b as ye}from"./chunk-Z2UJFDDA.js";import"./chunk-XXR6UYIS.js";import{n as ge}from"./chunk-PIPXFDIV.js";import"./chunk-ZWMNAMC2.js";import{a as de}from"./chunk-DGAJXKP6.js";import{V as he,a as N}from"./chunk-KGWQIC6K.js";import"./chunk-RDCLRZ66.js";import{e as G}from"./chunk-SZPZES3J.js";import"./chunk-OA426AS4.js";import{a as s,b as ce,c as pe,d as O}from"./chunk-UPZIK677.js";import{e as U}from"./chunk-ZUHILZ24.js";import"./chunk-5EWWHBNU.js";import"./chunk-EZC67X4X.js";import{a as le,c as _,d as H,e as fe}from"./chunk-D5QJUUF4.js";import"./chunk-5AILJKLV.js";function Oe(e){let t=_.map(r=>`${r}|${H[r]}`).join(", ");return`create-secure-cncf ${e}
Generate a hardened secure-development setup for a cloud-native open-source project.

Usage
  npm create secure-cncf@latest [directory] [-- options]
  secure-cncf [create] [directory] [options]

The directory defaults to the root of the git repository you are in (GitHub runs workflows only
from there); a directory inside a repository but not its root is refused.

Without --yes it asks each question (answers default to what it detects in the directory and to
earlier answers stored in .secure-cncf.json), then each change to an existing file, and writes
only after the last answer. With --yes it takes the defaults and the flags.

Options
  --name <text>            project name (default: the repository's name, else the package or
                           directory name)
  --repo <owner/name>      GitHub repository, or its https:// or git@ URL (default: from the
                           "origin" remote)
  -l, --language <list>    ${le.join(", ")} (comma-separated or repeated)
  --level <level>          maturity level: ${t} (default 1)
  --compliance <list>      ${U.join(", ")}, or none
  --artifacts <list>       release artifacts: ${fe.join(", ")}, or none
  --branch <name>          default branch (default: detected, else main)
  --portal, --no-portal    developer-portal metadata: Backstage catalog-info.yaml, TechDocs
                           (default: on from level 2 in a new project; off in an existing one)
  --charts <how>           Helm chart publishing: oci (GHCR, cosign-signed; default) or chart-releaser
                           (GitHub Pages index; the default where the repository already uses it)
  --ack-days <n|none>      working days to acknowledge a vulnerability report, stated in SECURITY.md
  --fix-days <n|none>      days to fix critical and high severity issues, stated in SECURITY.md
                           (default: earlier answers, else none: SECURITY.md states no numbers)
  -y, --yes                non-interactive: take detected defaults and the flags above
  --dry-run                print every planned file (new content or unified diff); write nothing
  --conflict <policy>      existing file that differs: skip (default; kept and reported), overwrite, fail
  --force                  same as --conflict overwrite
  --interactive            ask even when stdin is not a terminal
  --list-presets           list the maturity levels and compliance presets, one line each
  -h, --help               show this help
  -v, --version            print the version

${f}`}import{existsSync as _e}from"node:fs";import $ from"node:path";function Qe(e){let t=$.resolve(e);for(;;){if(_e($.join(t,".git")))return t;let r=$.dirname(t);if(r===t)return;t=r}}function He(e,t=process.cwd()){let r=$.resolve(t,e??"."),o=Qe(r);if(o===void 0||o===r)return r;if(e===void 0)return o;let n=$.relative(o,r);throw new s(`${r} is inside the git repository ${o} (at ${n}/), and GitHub runs only the workflows at a repository's root. Nothing was written. Run it on the root: secure-cncf ${JSON.stringify($.relative(t,o)||".")}${_e(r)?"":`, or make ${n} its own repository first (git init ${JSON.stringify($.relative(t,r))})`}.`)}async function et(e,t,r,o){let{planRetrofit:n}=await import("./chunk-RHH6TDQN.js"),{executePlan:i}=await import("./chunk-ICEQU47Z.js"),{hasHistory:a}=await import("./chunk-E7N6KJYV.js"),d=await n(e,t,{newProject:!await a(e)});if(t.conflict==="fail"){let m=[...d.changes.filter(p=>p.before!==void 0).map(p=>p.path),...d.kept.map(p=>p.path)];if(m.length>0)throw new ce(`Nothing was written: --conflict fail, and these existing files would be edited or kept: ${m.join(", ")}.`)}t.dryRun||r.stdout(`${e} already has files: retrofitting (existing files are merged or kept, never replaced).`);let c=t.dryRun?void 0:ve(e,d,process.cwd(),o);return i(e,d,{dryRun:t.dryRun,force:t.conflict==="overwrite",ending:c,beforeWrite:()=>o.checkBeforeWriting()},r.stdout)}async function tt(e,t,r){return $e(async o=>he(e)?et(e,t,r,o):we(await ge(e),t,{dryRun:t.dryRun,policy:t.conflict,cwd:process.cwd(),guard:o},r.stdout))}async function rt(e,t){let{runInteractive:r}=await import("./chunk-4ALSVZHH.js");return r(e,t)}var Ue={name:"create",summary:"generate the hardened setup (the default command)",options:me,help:Oe,async run(e,t){if(e.values.version)return t.stdout(N().version),0;if(e.values["list-presets"]){let[{listPresetsText:i},{CATALOG:a}]=await Promise.all([import("./chunk-TDDABQOO.js"),import("./chunk-6GCGAA3T.js")]);return t.stdout(i(a)),0}let r=ue(e);be(r.directory??".");let o=r.interactive??(!r.yes&&t.stdinIsTTY),n=He(r.directory);return o?rt(n,r):tt(n,r,t)}};function ot(e){return`secure-cncf upgrade ${e}
Re-apply the answers stored in .secure-cncf.json with this version's templates and pins.

Usage
  secure-cncf upgrade [directory] [options]

For each generated file: unchanged template -> nothing; template changed and you did not edit the
file -> refreshed; you edited it and the template did not change -> kept; both changed -> the diff is
shown and the file is written only with --force or your yes. A run with nothing to do changes no
byte and says so.

Options
  -y, --yes                apply the safe changes without asking
  --dry-run                print every planned change as a unified diff; write nothing
  --force                  also overwrite generated files you edited whose template changed
  --interactive            show each diff and ask (the default on a terminal without --yes)
  -h, --help               show this help

${f}`}var Ne={name:"upgrade",summary:"re-apply the stored answers with the current templates and pins",options:{yes:{type:"boolean",short:"y"},"dry-run":{type:"boolean"},force:{type:"boolean"},interactive:{type:"boolean"},"no-interactive":{type:"boolean"}},help:ot,async run({values:e,positionals:t},r){if(t.length>1)throw new s(`Expected at most one directory, got: ${t.join(" ")}.`);let o=L(t[0]??".","upgrade"),n=!!e["dry-run"],i=e["no-interactive"]?!1:e.interactive,a=!n&&(i??(!e.yes&&r.stdinIsTTY)),{planUpgrade:d}=await import("./chunk-C6ML74HC.js"),{executePlan:c}=await import("./chunk-ICEQU47Z.js"),m=a?(await import("./chunk-NVC3GLEW.js")).inquirerConfirm(r):void 0;return c(o,await d(o),{dryRun:n,force:!!e.force,confirm:m},r.stdout)}};function nt(e){return`secure-cncf pins ${e}
Show the action pins in force, or refresh them from the actions' repositories.

Usage
  secure-cncf pins [directory]             list the pins (package table + refreshed pins)
  secure-cncf pins --update [directory]    refresh and rewrite the workflows and composite actions

--update runs \`git ls-remote --tags\` on each action's GitHub repository, then rewrites every
\`uses: owner/repo@<sha> # vX.Y.Z\` in .github/workflows and in the composite actions they run to the newest vX.Y.Z of the same major
version (SHA and comment together); unpinned tags (@v4, @v4.1.0) are pinned the same way. Newer major
versions are reported, never applied. Pins newer than the package's table are saved in
.github/secure-cncf-pins.json so \`secure-cncf upgrade\` keeps them. Nothing is changed unless
every lookup succeeds.

Options
  --update                 refresh the pins (needs network access to github.com)
  --keep-versions          with --update: pin each unpinned reference to the commit of the tag it
                           already uses (@v4 -> the commit of v4), so no version changes; SHA
                           pins are left as they are
  --dry-run                with --update: print the changes as unified diffs; write nothing
  -h, --help               show this help

${f}`}var Ge={name:"pins",summary:"list the action pins, or refresh them with --update (git ls-remote)",options:{update:{type:"boolean"},"dry-run":{type:"boolean"},"keep-versions":{type:"boolean"}},help:nt,async run({values:e,positionals:t},r){if(t.length>1)throw new s(`Expected at most one directory, got: ${t.join(" ")}.`);let o=L(t[0]??".","pins"),n=await import("./chunk-VPGHZIRY.js");if(!e.update){if(e["dry-run"]||e["keep-versions"])throw new s(`--${e["dry-run"]?"dry-run":"keep-versions"} only applies to --update.`);return r.stdout(n.listPins(o)),0}let{gitLsRemote:i}=await import("./chunk-TUWJYEM6.js");return n.runPinsUpdate(o,{dryRun:!!e["dry-run"],lsRemote:i,keepVersions:!!e["keep-versions"]},r.stdout)}};import it from"node:os";import ne from"node:path";import{accessSync as Le,constants as Fe,statSync as Me}from"node:fs";import oe from"node:path";function Be(e){return e.code??e.message}function B(e,t="--output"){if(e.trim()==="")throw new s(`${t} is empty; give a file name.`);let r=oe.resolve(e),o;try{o=Me(r)}catch{o=void 0}if(o?.isDirectory())throw new s(`${t} ${e} is a directory; give a file name (e.g. ${oe.join(e,"report.txt")}).`);if(o&&!o.isFile())throw new s(`${t} ${e} is not a regular file; give a file name.`);let n=oe.dirname(r),i;try{i=Me(n)}catch{throw new s(`${t} ${e}: the directory ${n} does not exist; create it first.`)}if(!i.isDirectory())throw new s(`${t} ${e}: ${n} is not a directory.`);try{Le(n,Fe.W_OK),o&&Le(r,Fe.W_OK)}catch(a){throw new s(`${t} ${e} cannot be written (${Be(a)==="EROFS"?"read-only file system":"permission denied"}, ${Be(a)}).`)}return r}function D(e,t,r){ye([{absolutePath:e,content:t,label:r}])}async function st(){let{createGitHub:e}=await import("./chunk-ZMQQUXTN.js"),t=e({cacheDir:at()});return(r,o,n,i)=>t.getContents(r,o,n,i)}function at(){if(process.env.SECURE_CNCF_CACHE_DIR)return ne.join(process.env.SECURE_CNCF_CACHE_DIR,"github");let e=process.env.XDG_CACHE_HOME||ne.join(it.homedir(),".cache");return ne.join(e,"secure-cncf","github")}function ct(e){let t=_.map(r=>`${r}|${H[r]}`).join(", ");return`secure-cncf check ${e}
Audit a repository against its secure-cncf level and compliance targets. Reads files only (no
network unless --online); the target comes from .secure-cncf.json when the repository has one.

Usage
  secure-cncf check [directory] [options]

Options
  --level <level>          target level: ${t} (default: stored answers, else 1)
  --compliance <list>      ${U.join(", ")}, or none (default: stored answers)
  --repo <owner/name>      the GitHub repository, when the directory has no origin remote (e.g. an export)
  --format <format>        ${F.join(", ")} (default text)
  -o, --output <file>      write the report to a file instead of stdout
  --min-level <level>      CI gate: exit 1 when the achieved level is lower (instead of the target)
  --online                 also read, through the GitHub API, the shared workflows and actions of
                           other repositories that this one calls (at the ref it names) and the
                           organisation's default SECURITY.md in <owner>/.github, so delegated
                           practices are verified; token from GITHUB_TOKEN or GH_TOKEN, responses
                           cached in $XDG_CACHE_HOME/secure-cncf/github (or SECURE_CNCF_CACHE_DIR)
  -h, --help               show this help

${f}`}var De={name:"check",summary:"audit a repository against its level and compliance targets",options:{level:{type:"string"},compliance:{type:"string",multiple:!0},repo:{type:"string"},format:{type:"string",short:"f"},output:{type:"string",short:"o"},"min-level":{type:"string"},online:{type:"boolean"}},help:ct,async run({values:e,positionals:t},r){if(t.length>1)throw new s(`Expected at most one directory, got: ${t.join(" ")}.`);let o=typeof e.format=="string"?e.format:"text";if(!F.includes(o))throw new s(`Unknown --format "${o}". Valid formats: ${F.join(", ")}.`);let n=typeof e["min-level"]=="string"?G(e["min-level"]):void 0,i=typeof e.output=="string"?e.output:void 0,a=i===void 0?void 0:B(i),{report:d}=await Ce({directory:t[0]??".",level:typeof e.level=="string"?e.level:void 0,compliance:Array.isArray(e.compliance)?e.compliance.map(String):void 0,repo:typeof e.repo=="string"?e.repo:void 0,readRemote:e.online===!0?await st():void 0});return a?(D(a,re(d,o,!1),i??a),r.stderr(`${Se(d)} Report written to ${i}.`)):r.stdout(re(d,o,!!r.stdoutIsTTY&&!process.env.NO_COLOR)),ke(d,n)}};import{tmpdir as mt}from"node:os";import j from"node:path";import{readFileSync as pt}from"node:fs";import dt from"node:os";import Y from"node:path";var J={org:{type:"string"},repos:{type:"string"},topic:{type:"string",multiple:!0},name:{type:"string",multiple:!0},exclude:{type:"string",multiple:!0},"include-archived":{type:"boolean"},"include-forks":{type:"boolean"},concurrency:{type:"string"},"api-url":{type:"string"},"git-url":{type:"string"}},X=`  --org <org>              every repository of this GitHub organisation (or user)
  --repos <file>           the repositories named in this file, one owner/name a line
  --topic <topic>          only repositories with this topic (repeatable: any of them)
  --name <glob>            only names matching this glob, e.g. "kube-*" (repeatable)
  --exclude <glob>         leave out names matching this glob (repeatable)
  --include-archived       also archived repositories (skipped by default)
  --include-forks          also forks (skipped by default)
  --concurrency <n>        repositories in flight at once (default 4; API requests: 8)
  --api-url <url>          GitHub API root (default GITHUB_API_URL, else https://api.github.com)
  --git-url <url>          where repositories are fetched from (default GITHUB_SERVER_URL, else https://github.com)
  The token comes from GITHUB_TOKEN or GH_TOKEN.`,w=e=>typeof e=="string"?e:void 0,ie=e=>Array.isArray(e)?e.map(String):[];function T(e,t,r,o=1e3){if(e===void 0)return r;let n=Number(e);if(!Number.isInteger(n)||n<1||n>o)throw new s(`${t} must be a whole number from 1 to ${o}, got "${e}".`);return n}function V(e){return!!(w(e.org)||w(e.repos))}function W(e){let t=w(e.org),r=w(e.repos);if(t&&!/^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/.test(t))throw new s(`--org "${t}" is not a GitHub organisation or user name.`);let o;if(r){let n;try{n=pt(Y.resolve(r),"utf8")}catch(i){throw new s(`Cannot read --repos ${r}: ${i.code??i.message}.`)}o=Ie(n,t,r)}return{org:t,repos:o,filters:{includeArchived:!!e["include-archived"],includeForks:!!e["include-forks"],topics:ie(e.topic).map(n=>n.toLowerCase()),names:ie(e.name),exclude:ie(e.exclude)},concurrency:T(w(e.concurrency),"--concurrency",4,64)}}function q(e){let t=w(e.level);return t!==void 0&&G(t),t}function Ye(e=process.env){return Y.join(e.XDG_CACHE_HOME||Y.join(dt.homedir(),".cache"),"secure-cncf")}function R(e,t,r){return xe({baseUrl:w(e["api-url"]),cacheDir:r?Y.join(r,"api"):void 0,onWait:o=>t(`GitHub ${o.reason} rate limit: waiting ${Math.ceil(o.waitMs/1e3)} s, then resuming (${o.url}).`)})}function K(e,t=process.env){return w(e["git-url"])||t.GITHUB_SERVER_URL||"https://github.com"}function Z(e=process.env){return e.GITHUB_TOKEN||e.GH_TOKEN||void 0}function ut(e){return`secure-cncf survey ${e}
Run \`secure-cncf check\` over many repositories and write an aggregate report: adoption of each
practice, distribution of levels, most common gaps. Local clones, or a GitHub organisation's
repositories fetched read-only. Progress goes to stderr; a repository that cannot be audited is a
row in the report with the reason, and the survey goes on.

Usage
  secure-cncf survey <directory>... [options]
  secure-cncf survey --under <directory> [options]
  secure-cncf survey --org <org> [filters] [options]
  secure-cncf survey --repos <file> [options]

Options
  --under <directory>      audit every git repository below this directory
  --level <level>          audit every repository against this level (default: each one's stored answers)
  --format <format>        ${M.join(", ")} (default markdown)
  -o, --output <file>      write the report to a file instead of stdout
  -h, --help               show this help

Remote repositories (--org, --repos)
${X}
  --cache <dir>            API responses (ETags), shallow working copies and results by commit,
                           so the next run only fetches and audits what changed
                           (default $XDG_CACHE_HOME/secure-cncf, else ~/.cache/secure-cncf)
  --no-cache               fetch everything, keep nothing

A survey exits 0 when it ran, even when some repositories could not be audited (they are rows of
the report with the reason); 2 on a usage error, no repositories found, or a token without the
needed scope.

${f}`}var Je={name:"survey",summary:"audit many repositories (local, or a GitHub organisation) and aggregate the results",options:{under:{type:"string",multiple:!0},level:{type:"string"},format:{type:"string",short:"f"},output:{type:"string",short:"o"},...J,cache:{type:"string"},"no-cache":{type:"boolean"}},help:ut,async run({values:e,positionals:t},r){let o=typeof e.format=="string"?e.format:"markdown";if(!M.includes(o))throw new s(`Unknown --format "${o}". Valid formats: ${M.join(", ")}.`);let n=typeof e.output=="string"?e.output:void 0,i=n===void 0?void 0:B(n),a=q(e),d=Array.isArray(e.under)?e.under.map(String):[],c;if(V(e)){if(t.length||d.length)throw new s("Give either directories (or --under) or --org/--repos, not both.");c=await lt(e,a,r.stderr)}else{let p=[...t.map(g=>j.resolve(g)),...d.flatMap(g=>Te(g))];if(p.length===0)throw new s(d.length?`No git repositories found under ${d.join(", ")}.`:"Name one or more repository directories, --under <directory>, --org <org> or --repos <file>.");c=await je({repositories:p,level:a,onProgress:(g,b,y)=>{let E=y.report?`level ${y.report.achievedLevel}, ${y.report.gaps.length} gaps`:`not audited: ${y.error}`;r.stderr(`[${g}/${b}] ${y.path}: ${E}`)}})}let m=Ae(c,o);return i?D(i,m,n??i):r.stdout(m),0}};async function lt(e,t,r){let{buildPlan:o}=await import("./chunk-Q35D3WPP.js"),{auditAll:n,problemRows:i}=await import("./chunk-J7YMDKTE.js"),a=W(e),c=!!e["no-cache"]?void 0:j.resolve(typeof e.cache=="string"?e.cache:Ye()),m=R(e,r,c),p=await o(m.client,{...a,maxJobs:1});r(`${p.repos.length} repositories to audit${p.problems.length?`, ${p.problems.length} could not be looked up`:""}.`);let g=await n(p.repos,{client:m.client,serverUrl:K(e),token:Z(),workDir:c?j.join(c,"clones"):j.join(mt(),`secure-cncf-survey-${process.pid}`),keepClones:!!c,resultsDir:c?j.join(c,"results"):void 0,level:t},a.concurrency??4,(l,C,Q)=>{let u=l.report?`level ${l.report.achievedLevel}, ${l.report.gaps.length} gaps${l.cached?" (unchanged)":""}`:`not audited: ${l.error}`;r(`[${C}/${Q}] ${l.path}: ${u}`)}),{requests:b,notModified:y,waits:E}=m.client.stats;return r(`GitHub API: ${b} requests, ${y} unchanged (304), ${E} rate-limit waits.`),Re([...i(p),...g].sort((l,C)=>l.path.localeCompare(C.path)))}import{appendFileSync as We,mkdtempSync as ft,rmSync as ht,writeFileSync as se}from"node:fs";import{tmpdir as gt}from"node:os";import v from"node:path";var Xe=["plan","run","report"],Ve=["check","retrofit"];function yt(e){return`secure-cncf fleet ${e}
The steps of the fleet workflow (an organisation's repositories audited by a matrix of jobs on
GitHub Actions); each also runs on its own. \`survey --org\` does all three on one machine.

Usage
  secure-cncf fleet plan (--org <org> [filters] | --repos <file>) [--max-jobs <n>] [--min-per-job <n>] -o plan.json
  secure-cncf fleet run --plan plan.json --chunk <n> --results <dir> [--mode check|retrofit] [--level <level>]
  secure-cncf fleet report --plan plan.json --results <dir> [--markdown <file>] [--csv <file>] [--html <file>]

plan: lists the repositories and splits them into at most --max-jobs chunks (default and most
${256}, GitHub's limit per matrix). With GITHUB_OUTPUT set, writes the outputs matrix
(for strategy.matrix) and count.
${X}
  --max-jobs <n>           matrix jobs at most, 1-${256} (default ${256})
  --min-per-job <n>        repositories a job takes at least (default 1)

run: audits one chunk: head through the API, a shallow read-only fetch, \`check\`, one JSON row per
repository in --results. A repository that cannot be audited is a row with the reason.
  --mode retrofit          also run \`retrofit --yes\` and open or update one pull request per
                           repository on the branch secure-cncf/retrofit (nothing when nothing changes)
  --level <level>          audit (and retrofit) against this level

report: gathers every row into the survey report; a planned repository without a row is reported
as such. Writes Markdown (e.g. to "$GITHUB_STEP_SUMMARY"), CSV and the HTML dashboard.

A fleet step exits 0 when it ran, even when some repositories could not be audited (they are
rows of the report with the reason); 2 on a usage error, an unreadable plan, or a token without
the needed scope.

${f}`}var h=e=>typeof e=="string"?e:void 0,qe={name:"fleet",summary:"plan, run and report a fleet audit across an organisation (the GitHub Actions workflow steps)",options:{...J,"max-jobs":{type:"string"},"min-per-job":{type:"string"},plan:{type:"string"},chunk:{type:"string"},results:{type:"string"},mode:{type:"string"},level:{type:"string"},markdown:{type:"string"},csv:{type:"string"},html:{type:"string"},output:{type:"string",short:"o"}},help:yt,async run({values:e,positionals:t},r){let o=t[0];if(!o||!Xe.includes(o)||t.length>1)throw new s(`Expected one of: ${Xe.join(", ")}${o?`; got "${t.join(" ")}"`:""}. Run "secure-cncf fleet --help".`);if(o==="plan")return wt(e,r.stderr,r.stdout);let n=h(e.plan);if(!n)throw new s(`fleet ${o} needs --plan <file> (written by "fleet plan").`);let i=h(e.results);if(!i)throw new s(`fleet ${o} needs --results <dir>.`);let{readPlan:a}=await import("./chunk-Q35D3WPP.js"),d=a(v.resolve(n));return o==="run"?vt(e,d,v.resolve(i),r.stderr):$t(e,d,v.resolve(i),r.stdout)}};async function wt(e,t,r){if(!V(e))throw new s("fleet plan needs --org <org> or --repos <file>.");let o=h(e.output);if(!o)throw new s("fleet plan needs -o <file> for the plan.");let n=T(h(e["max-jobs"]),"--max-jobs",256,256),i=T(h(e["min-per-job"]),"--min-per-job",1,1e4),{buildPlan:a}=await import("./chunk-Q35D3WPP.js"),d=R(e,t),c=await a(d.client,{...W(e),maxJobs:n,minPerJob:i});se(v.resolve(o),`${JSON.stringify(c)}
`);let m=JSON.stringify(Pe(c.chunks.length)),p=process.env.GITHUB_OUTPUT;return p?We(p,`matrix=${m}
count=${c.chunks.length}
repositories=${c.repos.length}
`):r(m),t(`${c.repos.length} repositories in ${c.chunks.length} jobs${c.problems.length?`; ${c.problems.length} could not be looked up`:""}. Plan written to ${o}.`),0}async function vt(e,t,r,o){let{chunkRepos:n}=await import("./chunk-Q35D3WPP.js"),{auditAll:i,writeEntry:a}=await import("./chunk-J7YMDKTE.js"),d=h(e.chunk);if(d===void 0||!/^\d+$/.test(d))throw new s("fleet run needs --chunk <n>, a chunk number from the plan.");let c=h(e.mode)??"check";if(!Ve.includes(c))throw new s(`Unknown --mode "${c}". Valid modes: ${Ve.join(", ")}.`);let m=q(e),p=n(t,Number(d)),g=R(e,o),b=Z(),y=K(e),E=ft(v.join(gt(),"secure-cncf-fleet-"));try{let l;if(c==="retrofit"){let{retrofitRepository:u}=await import("./chunk-DSWJAGAZ.js"),{gitAuthEnv:S}=await import("./chunk-6YF3GF23.js"),{retrofitCommand:P}=await import("./chunk-ZSCCSP5N.js"),{parseCommandArgs:ee}=await import("./chunk-PUCGGQH6.js"),Ze=async(te,x,I)=>{try{return await P.run(ee(P,te.slice(1)),{stdout:x,stderr:I,stdinIsTTY:!1})}catch(k){if(!O(k))throw k;return I(`error: ${k.message}`),k.exitCode}};l=async(te,x,I)=>{let k=p.find(ze=>ze.fullName===x.path);x.retrofit=await u(te,x.path,{client:g.client,url:I,env:S(y,b),defaultBranch:k?.defaultBranch??"main",level:m,cli:Ze})}}let{auditRepository:C}=await import("./chunk-6YF3GF23.js"),Q={client:g.client,serverUrl:y,token:b,workDir:E,level:m};await i(p,Q,T(h(e.concurrency),"--concurrency",2,64),(u,S,P)=>{a(r,u);let ee=u.report?`level ${u.report.achievedLevel}`:`not audited: ${u.error}`;o(`[${S}/${P}] ${u.path}: ${ee}${u.retrofit?`; pull request: ${u.retrofit.outcome}${u.retrofit.url?` ${u.retrofit.url}`:""}${u.retrofit.detail?` (${u.retrofit.detail})`:""}`:""}`)},l?(u,S)=>C(u,S,l):void 0)}finally{ht(E,{recursive:!0,force:!0})}return 0}async function $t(e,t,r,o){let{collect:n}=await import("./chunk-J7YMDKTE.js"),{renderSurvey:i}=await import("./chunk-4XUIOW7A.js"),{fitSummary:a,fleetPullRequests:d}=await import("./chunk-36NDI3HQ.js"),c=n(t,r),m=`${i(c,"markdown")}${d(c.entries)}`,p={markdown:h(e.markdown),csv:h(e.csv),html:h(e.html)};return p.markdown&&We(v.resolve(p.markdown),a(m)),p.csv&&se(v.resolve(p.csv),i(c,"csv")),p.html&&se(v.resolve(p.html),i(c,"html")),!p.markdown&&!p.csv&&!p.html&&o(m),0}var z=[Ue,Ee,Ne,Ge,De,Je,qe];function ae(e){return z.find(t=>t.name===e)}import{existsSync as bt}from"node:fs";import Et from"node:path";function kt(e,t){let r=Array.from({length:e.length+1},(o,n)=>Array.from({length:t.length+1},(i,a)=>n===0?a:a===0?n:0));for(let o=1;o<=e.length;o++)for(let n=1;n<=t.length;n++){let i=e[o-1]===t[n-1]?0:1,a=Math.min((r[o-1]?.[n]??0)+1,(r[o]?.[n-1]??0)+1,(r[o-1]?.[n-1]??0)+i);o>1&&n>1&&e[o-1]===t[n-2]&&e[o-2]===t[n-1]&&(a=Math.min(a,(r[o-2]?.[n-2]??0)+1)),r[o][n]=a}return r[e.length]?.[t.length]??0}function Ct(e,t){let r=e.toLowerCase();return t.map(n=>({name:n,distance:kt(r,n)})).filter(({name:n,distance:i})=>i<=(n.length<=4?1:2)||r.length>=3&&n.startsWith(r)).sort((n,i)=>n.distance-i.distance)[0]?.name}function Ke(e,t,r=process.cwd()){let o=e.find(i=>!i.startsWith("-"));if(o===void 0||o!==e[0]||/[/\\.]/.test(o)||bt(Et.resolve(r,o)))return;let n=Ct(o,t);if(n)throw new s(`"${o}" is not a command and no directory of that name exists: did you mean \`${n}\`?
Commands: ${t.join(", ")}. To generate into a new directory named ${o}, pass ./${o}.`)}var St={stdout:e=>process.stdout.write(`${e}
`),stderr:e=>process.stderr.write(`${e}
`),stdinIsTTY:!!process.stdin.isTTY,stdoutIsTTY:!!process.stdout.isTTY};async function io(e,t=St){try{let r=ae(e[0]);r||Ke(e,z.map(i=>i.name));let o=r??ae("create"),n=de(o,r?e.slice(1):e);return n.values.help?(t.stdout(o.help(N().version)),o.name==="create"&&t.stdout(`Commands
${z.map(i=>`  ${i.name.padEnd(10)} ${i.summary}`).join(`
`)}
`),0):await o.run(n,t)}catch(r){if(O(r))return t.stderr(r instanceof pe?r.message:`error: ${r.message}`),r.exitCode;throw r}}export{io as main};
