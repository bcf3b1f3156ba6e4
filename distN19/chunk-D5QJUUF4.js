import { createRequire as __secureCncfCreateRequire } from 'node:module';
import { fileURLToPath as __secureCncfFileURLToPath } from 'node:url';
import { dirname as __secureCncfDirname } from 'node:path';
const require = __secureCncfCreateRequire(import.meta.url);
const __filename = __secureCncfFileURLToPath(import.meta.url);
const __dirname = __secureCncfDirname(__filename);
var e=["go","rust","python","javascript","java-maven","java-gradle","cpp"],t={go:"Go",rust:"Rust",python:"Python",javascript:"TypeScript / JavaScript","java-maven":"Java (Maven)","java-gradle":"Java (Gradle)",cpp:"C / C++"},r=[1,2,3],a={1:"sandbox",2:"incubating",3:"graduated"},n=["binaries","container-images","helm-charts","libraries"],s=["oci","chart-releaser"];export{e as a,t as b,r as c,a as d,n as e,s as f};
