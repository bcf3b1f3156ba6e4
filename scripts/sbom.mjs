// What esbuild bundled, as data: package name, version, licence and licence text, read from each
// input's nearest package.json. Used for the CycloneDX SBOM and the third-party licence file.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const own = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

function packageDirOf(input) {
  const marker = 'node_modules/';
  const at = input.lastIndexOf(marker);
  if (at < 0) return undefined;
  const rest = input.slice(at + marker.length).split('/');
  const nameParts = rest[0].startsWith('@') ? 2 : 1;
  return path.join(root, input.slice(0, at + marker.length), ...rest.slice(0, nameParts));
}

function licenceText(dir) {
  const file = readdirSync(dir).find((name) => /^(licen[cs]e|copying)(\.|$)/i.test(name));
  return file ? readFileSync(path.join(dir, file), 'utf8').trim() : undefined;
}

function licenceOf(pkg) {
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license && typeof pkg.license.type === 'string') return pkg.license.type;
  if (Array.isArray(pkg.licenses)) return pkg.licenses.map((l) => l.type ?? l).join(' OR ');
  return 'NOASSERTION';
}

/** Bundled packages, sorted by name, deduplicated by name@version. */
export function bundledPackages(metafile) {
  const inputs = new Set();
  for (const output of Object.values(metafile.outputs)) for (const input of Object.keys(output.inputs)) inputs.add(input);
  const found = new Map();
  for (const input of inputs) {
    const dir = packageDirOf(input);
    if (!dir || !existsSync(path.join(dir, 'package.json'))) continue;
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const key = `${pkg.name}@${pkg.version}`;
    if (!found.has(key)) found.set(key, { name: pkg.name, version: pkg.version, license: licenceOf(pkg), licenseText: licenceText(dir) });
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

function purl(name, version) {
  const encoded = name.startsWith('@') ? `%40${name.slice(1)}` : name;
  return `pkg:npm/${encoded}@${version}`;
}

function licenceEntry(license) {
  const simpleId = /^[A-Za-z0-9.+-]+$/.test(license) && license !== 'NOASSERTION';
  if (simpleId) return [{ license: { id: license } }];
  if (license === 'NOASSERTION') return [{ license: { name: 'NOASSERTION' } }];
  return [{ expression: license.replace(/^\((.*)\)$/, '$1') }];
}

/** A CycloneDX 1.5 SBOM of the published package and what it bundles; byte-stable for equal inputs. */
export function cycloneDx(packages) {
  const components = packages.map((p) => ({
    type: 'library',
    'bom-ref': purl(p.name, p.version),
    name: p.name,
    version: p.version,
    purl: purl(p.name, p.version),
    licenses: licenceEntry(p.license),
  }));
  const digest = createHash('sha256').update(JSON.stringify(components)).digest('hex');
  const serial = `${digest.slice(0, 8)}-${digest.slice(8, 12)}-5${digest.slice(13, 16)}-a${digest.slice(17, 20)}-${digest.slice(20, 32)}`;
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    serialNumber: `urn:uuid:${serial}`,
    version: 1,
    metadata: {
      tools: { components: [{ type: 'application', name: 'secure-cncf build (esbuild metafile)', version: own.version }] },
      component: {
        type: 'application',
        'bom-ref': purl(own.name, own.version),
        name: own.name,
        version: own.version,
        purl: purl(own.name, own.version),
        licenses: licenceEntry(own.license),
      },
    },
    components,
    dependencies: [{ ref: purl(own.name, own.version), dependsOn: components.map((c) => c['bom-ref']) }],
  };
}

export function thirdPartyNotices(packages) {
  const parts = [`${own.name} ${own.version} bundles the following packages. Their licences follow.\n`];
  for (const p of packages) {
    parts.push(`${'-'.repeat(78)}\n${p.name}@${p.version} (${p.license})\n\n${p.licenseText ?? '(no licence file in the package; see its package.json)'}\n`);
  }
  return parts.join('\n');
}
