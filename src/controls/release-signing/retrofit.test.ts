// The structural edit of an existing GoReleaser configuration: what is missing is added, comments
// and everything else are kept, a configuration that signs already is left alone.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { retrofitGoreleaser } from './retrofit.js';
import { EditError } from '../../retrofit/yaml-doc.js';
import { goreleaserSchemaErrors } from '../../../test/helpers/validators.js';

const PLAIN = `# Our release config.
version: 2
project_name: widget

builds:
  - main: ./cmd/widget # the CLI
    goos: [linux, darwin]

archives:
  - formats: [tar.gz]
`;

describe('retrofitGoreleaser', () => {
  it('adds checksum, SBOMs and a keyless checksum signature, keeping the file as it was', () => {
    const edit = retrofitGoreleaser('.goreleaser.yml', PLAIN);
    expect(edit.added).toEqual(['checksum', 'sboms', 'signs']);
    expect(edit.content.startsWith(PLAIN)).toBe(true);
    expect(edit.content).toContain('# the CLI');
    const config = parse(edit.content);
    expect(config.signs).toEqual([{ cmd: 'cosign', artifacts: 'checksum', signature: '${artifact}.sigstore.json', args: ['sign-blob', '--bundle=${signature}', '${artifact}', '--yes'] }]);
    expect(config.sboms).toEqual([{ artifacts: 'archive' }]);
    expect(config.checksum).toEqual({ algorithm: 'sha256' });
    expect(edit.content).toMatch(/# secure-cncf: keyless cosign signature/);
    expect(goreleaserSchemaErrors(edit.content)).toEqual([]);
  });

  it('keeps an existing checksum and SBOM section', () => {
    const edit = retrofitGoreleaser('.goreleaser.yaml', `${PLAIN}checksum:\n  name_template: checksums.txt\nsboms:\n  - artifacts: binary\n`);
    expect(edit.added).toEqual(['signs']);
    expect(parse(edit.content).checksum).toEqual({ name_template: 'checksums.txt' });
  });

  it.each([
    ['dockers with manifests', 'dockers:\n  - image_templates: ["ghcr.io/acme/widget:{{ .Tag }}-amd64"]\ndocker_manifests:\n  - name_template: "ghcr.io/acme/widget:{{ .Tag }}"\n    image_templates: ["ghcr.io/acme/widget:{{ .Tag }}-amd64"]\n', { artifacts: 'manifests' }],
    ['dockers only', 'dockers:\n  - image_templates: ["ghcr.io/acme/widget:{{ .Tag }}"]\n', { artifacts: 'images' }],
    ['dockers_v2', 'dockers_v2:\n  - images: ["ghcr.io/acme/widget"]\n', {}],
  ])('signs the images of %s by digest', (_name, images, expected) => {
    const edit = retrofitGoreleaser('.goreleaser.yaml', `${PLAIN}${images}`);
    expect(edit.added).toContain('docker_signs');
    expect(parse(edit.content).docker_signs).toEqual([{ ...expected, args: ['sign', '${artifact}@${digest}', '--yes'] }]);
    expect(goreleaserSchemaErrors(edit.content)).toEqual([]);
  });

  it.each(['signs:\n  - artifacts: checksum\n', 'docker_signs:\n  - artifacts: all\n', 'binary_signs:\n  - {}\n'])('adds nothing to a configuration that already signs (%s)', (signs) => {
    const text = `${PLAIN}${signs}`;
    const edit = retrofitGoreleaser('.goreleaser.yaml', text);
    expect(edit).toMatchObject({ content: text, added: [] });
    expect(edit.unchanged).toMatch(/already signs/);
  });

  it('refuses what it cannot edit safely, naming the file', () => {
    expect(() => retrofitGoreleaser('.goreleaser.yml', 'builds: [\n')).toThrow(EditError);
    expect(() => retrofitGoreleaser('.goreleaser.yml', '- a\n- b\n')).toThrow(/no top-level mapping/);
    expect(() => retrofitGoreleaser('.goreleaser.yml', `${PLAIN}checksum:\n  disable: true\n`)).toThrow(/checksum\.disable/);
    expect(() => retrofitGoreleaser('.goreleaser.yml', '{ version: 2 }\n')).toThrow(/flow mapping/);
  });
});
