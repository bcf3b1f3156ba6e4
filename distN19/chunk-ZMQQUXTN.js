import { createRequire as __secureCncfCreateRequire } from 'node:module';
import { fileURLToPath as __secureCncfFileURLToPath } from 'node:url';
import { dirname as __secureCncfDirname } from 'node:path';
const require = __secureCncfCreateRequire(import.meta.url);
const __filename = __secureCncfFileURLToPath(import.meta.url);
const __dirname = __secureCncfDirname(__filename);
import{a as f,b as g,c as h,d as i,e as j,f as k,g as l,h as w}from"./chunk-P4IID7WT.js";import{a as d,b as e}from"./chunk-LER226FV.js";import{a,b,c,d as m,e as n,f as o,g as p,h as q,i as r,j as s,k as t,l as u,m as v}from"./chunk-QWE2F7TH.js";import"./chunk-UPZIK677.js";import"./chunk-5AILJKLV.js";export{f as DEFAULT_API_URL,a as GitHubApiError,i as GitHubClient,b as MissingScopeError,c as RateLimitError,j as cacheFileName,w as createGitHub,d as createLimiter,k as diskCache,n as filterReason,u as findPulls,t as getBlob,q as getContents,p as getRepo,s as getTree,m as globToRegExp,g as hasAnyScope,o as listRepos,e as mapLimit,l as memoryCache,h as nextLink,r as treeProblem,v as upsertPull};
