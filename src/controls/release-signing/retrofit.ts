// Retrofit of an existing GoReleaser configuration: instead of a second release workflow, the
// project's own .goreleaser.y*ml gets what a signed release needs and it lacks: SHA-256 checksums,
// SBOMs through Syft, a keyless cosign signature of the checksums (a Sigstore bundle) and, where it
// builds images, keyless image signatures by digest. A configuration that already signs is the
// project's signing setup: nothing is added to it. The edit goes through the yaml Document API, so
// comments, order and formatting of everything else are kept, and is re-read before it is returned.
import { Document, isMap, isScalar, type YAMLMap } from 'yaml';
import { EditError, parseForEdit, toModel, verifyEdit } from '../../retrofit/yaml-doc.js';

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
