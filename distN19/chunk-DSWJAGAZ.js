import { createRequire as __secureCncfCreateRequire } from 'node:module';
import { fileURLToPath as __secureCncfFileURLToPath } from 'node:url';
import { dirname as __secureCncfDirname } from 'node:path';
const require = __secureCncfCreateRequire(import.meta.url);
const __filename = __secureCncfFileURLToPath(import.meta.url);
const __dirname = __secureCncfDirname(__filename);
import{g as f,m as l}from"./chunk-QWE2F7TH.js";import"./chunk-UPZIK677.js";import"./chunk-5AILJKLV.js";import{execFile as h}from"node:child_process";import{mkdtempSync as g,readFileSync as y,rmSync as b}from"node:fs";import{tmpdir as w}from"node:os";import m from"node:path";import{promisify as v}from"node:util";var R=v(h),E="secure-cncf/retrofit",p="Harden the security setup (secure-cncf retrofit)";async function $(u,d,t){let a=g(m.join(w(),"secure-cncf-pr-")),c=m.join(a,"body.md"),s=["retrofit",u,"--yes","--repo",d,...t.level?["--level",t.level]:[]];try{let e="",r="",n=await t.cli([...s,"--pr-body",c],i=>e+=`${i}
`,i=>r+=`${i}
`);if(n===2&&/pr-body/.test(r)){if(e="",r="",n=await t.cli(s,i=>e+=`${i}
`,i=>r+=`${i}
`),n===2)throw new Error(r.trim().split(`
`)[0]?.replace(/^error: /,"")??"retrofit refused the repository");return{body:`secure-cncf retrofit changed the files below. Review each one before merging.

\`\`\`
${e.trim()}
\`\`\`
`,code:n}}let o;try{o=y(c,"utf8")}catch{o=`secure-cncf retrofit report:

\`\`\`
${e.trim()}
\`\`\`
`}if(n===2)throw new Error(r.trim().split(`
`)[0]?.replace(/^error: /,"")??"retrofit refused the repository");return{body:o,code:n}}finally{b(a,{recursive:!0,force:!0})}}async function P(u,d,t){let[a="",c=""]=d.split("/"),s=t.branch??E,e=r=>R("git",["-C",u,"-c","user.name=secure-cncf","-c","user.email=secure-cncf@users.noreply.github.com",...r],{env:t.env,maxBuffer:16*1024*1024});try{let{body:r}=await $(u,d,t);if((await e(["status","--porcelain"])).stdout.trim()==="")return{outcome:"nothing-to-change"};if((await f(t.client,a,c)).archived)return{outcome:"archived",detail:"archived since the run started; not changed"};await e(["checkout","-q","-B",s]),await e(["add","-A"]),await e(["commit","-q","-m",p]);let n=(await e(["ls-remote",t.url,`refs/heads/${s}`])).stdout.trim(),o=!1;n&&(await e(["fetch","-q","--depth","1","--no-tags",t.url,`refs/heads/${s}`]),o=(await e(["rev-parse","FETCH_HEAD^{tree}"])).stdout.trim()===(await e(["rev-parse","HEAD^{tree}"])).stdout.trim()),o||await e(["push","-q","--force",t.url,`HEAD:refs/heads/${s}`]);let i=await l(t.client,a,c,{branch:s,base:t.defaultBranch,title:p,body:r});return{outcome:i.created?"opened":"updated",url:i.htmlUrl,detail:o?"branch already up to date":void 0}}catch(r){return{outcome:"failed",detail:`${r.stderr??""} ${r.message}`.trim().split(`
`).find(o=>o.trim())??"retrofit failed"}}}export{E as RETROFIT_BRANCH,p as RETROFIT_TITLE,P as retrofitRepository};
