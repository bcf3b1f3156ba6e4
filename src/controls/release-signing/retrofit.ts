// Retrofit of an existing GoReleaser configuration: instead of a second release workflow, the
// project's own .goreleaser.y*ml gets what a signed release needs and it lacks: SHA-256 checksums,
// SBOMs through Syft, a keyless cosign signature of the checksums (a Sigstore bundle) and, where it
// builds images, keyless image signatures by digest. A configuration that already signs is the
// project's signing setup: nothing is added to it. The edit goes through the yaml Document API, so
// comments, order and formatting of everything else are kept, and is re-read before it is returned.
import { Document, isMap, isScalar, type YAMLMap } from 'yaml';
import type { Evidence, PlanContext, RepoView, RetrofitProposal } from '../../catalog/types.js';
import { goreleaserOfUnit } from '../../evidence/configs.js';
import { practice, selfSlug } from '../../evidence/kit.js';
import { isReleaseWorkflow } from '../../evidence/practices.js';
import { generatedHeader } from '../../evidence/probes/generated.js';
import { reachableUnits, type Unit } from '../../evidence/reach.js';
import { EditError, parseForEdit, toModel, verifyEdit } from '../../retrofit/yaml-doc.js';
import { releaseJobEdit } from './release-job.js';

export interface GoreleaserRetrofit {
  /** The edited text (the input when nothing is added). */
  content: string;
  /** Top-level keys added, in order. */
  added: string[];
  /** Why nothing was added, when nothing was. */
  unchanged?: string;
}

const SIGN_KEYS = ['signs', 'binary_signs', 'docker_signs'];
const IMAGE_KEYS = ['dockers', 'dockers_v2', 'docker_manifests', 'kos'];

/** The sections to add, as GoReleaser v2 documents them. */
function additions(config: Record<string, unknown>): Array<{ key: string; value: unknown; comment: string }> {
  const out: Array<{ key: string; value: unknown; comment: string }> = [];
  if (config['checksum'] === undefined) {
    out.push({ key: 'checksum', value: { algorithm: 'sha256' }, comment: ' secure-cncf: SHA-256 checksums of every release file (what the signature below covers).' });
  }
  if (config['sboms'] === undefined) {
    out.push({ key: 'sboms', value: [{ artifacts: 'archive' }], comment: ' secure-cncf: an SPDX SBOM per archive, by Syft (install it in the release job, e.g. anchore/sbom-action/download-syft).' });
  }
  out.push({
    key: 'signs',
    value: [{ cmd: 'cosign', artifacts: 'checksum', signature: '${artifact}.sigstore.json', args: ['sign-blob', '--bundle=${signature}', '${artifact}', '--yes'] }],
    comment: ' secure-cncf: keyless cosign signature of the checksums as a Sigstore bundle (the release job needs id-token: write and cosign).',
  });
  const images = IMAGE_KEYS.filter((k) => config[k] !== undefined && k !== 'kos');
  if (images.length > 0 && config['docker_signs'] === undefined) {
    // dockers (v1) push per-platform images and docker_manifests the lists users pull; dockers_v2 and ko push one index.
    const artifacts = config['docker_manifests'] !== undefined ? 'manifests' : config['dockers'] !== undefined && config['dockers_v2'] === undefined ? 'images' : undefined;
    out.push({
      key: 'docker_signs',
      value: [{ ...(artifacts ? { artifacts } : {}), args: ['sign', '${artifact}@${digest}', '--yes'] }],
      comment: ' secure-cncf: keyless cosign signature of each pushed image by digest.',
    });
  }
  return out;
}

/** Add the missing release-signing sections to a GoReleaser configuration (see the file comment). */
export function retrofitGoreleaser(file: string, text: string): GoreleaserRetrofit {
  const parsed = parseForEdit(file, text);
  const doc = parsed.doc;
  if (!isMap(doc.contents)) throw new EditError(file, 'is not a GoReleaser configuration (no top-level mapping); left untouched');
  const config = (toModel(doc) ?? {}) as Record<string, unknown>;
  const signing = SIGN_KEYS.filter((k) => config[k] !== undefined);
  if (signing.length > 0) return { content: text, added: [], unchanged: `already signs (${signing.join(', ')}): nothing added` };
  const checksum = config['checksum'] as { disable?: unknown } | undefined;
  if (checksum?.disable === true) throw new EditError(file, 'turns checksums off (checksum.disable: true), so there is nothing to sign; left untouched');

  if ((doc.contents as YAMLMap).flow) throw new EditError(file, 'is a single flow mapping ({ ... }); left untouched (edit it by hand)');
  // The new sections are built as their own document and appended after the last top-level key,
  // so every byte of the project's file stays as it was (re-serialising would reflow it).
  const block = new Document({});
  const intended = { ...config };
  const added: string[] = [];
  for (const { key, value, comment } of additions(config)) {
    const pair = block.createPair(key, value);
    if (isScalar(pair.key)) pair.key.commentBefore = comment;
    (block.contents as YAMLMap).items.push(pair);
    intended[key] = value;
    added.push(key);
  }
  const body = text.replace(/\n*(\.\.\.\s*)?$/, '');
  const content = `${body}\n\n${block.toString({ lineWidth: 0 })}`;
  verifyEdit(file, content, intended);
  return { content, added };
}

const GORELEASER_ACTION = 'goreleaser/goreleaser-action';
const GORELEASER_RELEASE = /(?:^|[\s/])goreleaser\s+release\b/;

interface GoreleaserRelease {
  unit: Unit;
  /** Its configuration file. */
  config: string;
  /** The configuration signs already. */
  signs: boolean;
}

/** The release steps that run GoReleaser (the action or `goreleaser release`), with their configuration. */
function goreleaserReleases(repo: RepoView, ctx: PlanContext): GoreleaserRelease[] {
  return reachableUnits(repo, selfSlug(ctx.profile))
    .filter((unit) => (unit.uses ? unit.uses.name.toLowerCase() === GORELEASER_ACTION : GORELEASER_RELEASE.test(unit.text ?? '')))
    .filter((unit) => unit.onRelease ?? isReleaseWorkflow(unit.entry, unit.triggers))
    .flatMap((unit) => {
      const config = goreleaserOfUnit(repo, unit);
      return config ? [{ unit, config: config.file, signs: Boolean(config.signs) }] : [];
    });
}

function describeAdded(added: string[]): string {
  const what: Record<string, string> = {
    checksum: 'SHA-256 checksums',
    sboms: 'SBOMs by Syft',
    signs: 'a keyless cosign signature of the checksums',
    docker_signs: 'keyless image signatures by digest',
  };
  return added.map((key) => `${key} (${what[key] ?? key})`).join(', ');
}

/**
 * Release signing where the repository already releases with GoReleaser but does not sign: its
 * own configuration gets the signing sections and the job that runs it what keyless signing needs
 * (retrofitGoreleaser, releaseJobEdit), instead of a second release pipeline. Both files are
 * edited or neither: a configuration that signs in a job without an OIDC token fails the release.
 */
export function retrofit(repo: RepoView, ctx: PlanContext, evidence: Evidence): RetrofitProposal {
  const proposal: RetrofitProposal = { edits: [], manual: [] };
  if (evidence.status === 'pass' || evidence.status === 'delegated') return proposal;
  const release = goreleaserReleases(repo, ctx)[0];
  if (!release) return proposal;
  const where = `${release.unit.entry.file} (job "${release.unit.job.id}")`;
  if (!release.signs && practice(repo, 'signing', ctx.profile).verdict === 'absent') addSigning(repo, release, where, proposal);
  // Provenance needs the release's file list and a new job permission: the maintainers' call, named precisely.
  if (practice(repo, 'provenance', ctx.profile).verdict === 'absent') {
    proposal.manual.push(
      `Build provenance: after GoReleaser in ${where}, attest every released file with actions/attest-build-provenance (subject-checksums: the checksum file GoReleaser lists in dist/artifacts.json), which needs attestations: write and id-token: write on that job.`,
    );
  }
  return proposal;
}

/** The signing edits of the configuration and the job (both or neither), else the manual step. */
function addSigning(repo: RepoView, release: GoreleaserRelease, where: string, proposal: RetrofitProposal): void {
  const { unit, config } = release;
  const byHand = (why: string): void => void proposal.manual.push(`Sign releases: GoReleaser releases from ${where} with ${config}, which does not sign; ${why}. Add \`signs:\` (keyless cosign of the checksums) to ${config}, and give that job id-token: write and cosign (sigstore/cosign-installer).`);
  const args = String(unit.step?.with['args'] ?? unit.text ?? '');
  if (/--skip[-=][\w,-]*sign/.test(args)) return byHand(`it runs with signing skipped (${args.trim().split('\n')[0]}), so the maintainers chose that`);
  const configText = repo.read(config);
  const workflowText = repo.read(unit.entry.file);
  if (configText === undefined || workflowText === undefined) return;
  if (!unit.uses || unit.file !== unit.entry.file || !/^\.github\/workflows\/[^/]+\.ya?ml$/.test(unit.entry.file)) {
    return byHand(`it runs through ${unit.via.join(' → ') || unit.file}, which secure-cncf does not edit`);
  }
  for (const file of [unit.entry.file, config]) {
    const header = generatedHeader(file === config ? configText : workflowText);
    if (header) return byHand(`${file} is generated${header.source ? ` from ${header.source}` : ''}, so the change belongs there`);
  }
  let configEdit: GoreleaserRetrofit;
  try {
    configEdit = retrofitGoreleaser(config, configText);
  } catch (error) {
    if (!(error instanceof EditError)) throw error;
    return byHand(error.reason);
  }
  if (configEdit.added.length === 0) return;
  const job = releaseJobEdit(unit.entry.file, workflowText, { jobId: unit.job.id, stepLine: unit.uses.line, syft: configEdit.added.includes('sboms') }, unit.job.steps);
  if ('reason' in job) return byHand(`${unit.entry.file}: ${job.reason}`);
  proposal.edits.push({ path: config, before: configText, after: configEdit.content, details: [`added ${describeAdded(configEdit.added)} to the project's own GoReleaser configuration`] });
  if (job.after !== workflowText) proposal.edits.push({ path: unit.entry.file, before: workflowText, after: job.after, details: job.details });
}
