// Docker directories Dependabot can update: its docker updater bumps the tag or digest of a FROM
// image, so a directory whose Dockerfiles name only `latest`, a bare name (`alpine`), a tag without
// a version (`nonroot`) or a build argument gives it nothing to change.
import { DOCKERFILE } from '../detect/manifests.js';

/** Whether a FROM image reference carries something Dependabot can move: a digest or a tag with a digit. */
function versioned(image: string): boolean {
  if (/@sha256:[0-9a-f]{64}/i.test(image)) return true;
  const slash = image.lastIndexOf('/');
  const colon = image.indexOf(':', slash + 1);
  if (colon < 0) return false;
  const tag = image.slice(colon + 1);
  return /\d/.test(tag) && !tag.includes('$');
}

/** Whether a Dockerfile has at least one FROM image Dependabot can update (scratch and earlier stages aside). */
export function hasUpdatableFrom(dockerfile: string): boolean {
  const stages = new Set<string>();
  // Line continuations joined, so `FROM \` on its own line is read whole.
  for (const line of dockerfile.replace(/\\\r?\n/g, ' ').split(/\r?\n/)) {
    const match = /^\s*FROM\s+(.+)$/i.exec(line);
    if (!match) continue;
    const words = (match[1] as string).replace(/\s+#.*$/, '').trim().split(/\s+/).filter((w) => !w.startsWith('--'));
    const image = words[0];
    if (!image) continue;
    const as = words.findIndex((w) => w.toLowerCase() === 'as');
    if (as > 0 && words[as + 1]) stages.add(words[as + 1]!.toLowerCase());
    if (image.toLowerCase() === 'scratch' || stages.has(image.toLowerCase())) continue;
    if (versioned(image)) return true;
  }
  return false;
}

/**
 * The docker directories none of whose Dockerfiles names an image by version or digest.
 * `filesIn` lists a directory's files ("" for the root), `read` gives a file's text.
 */
export function unversionedDockerDirs(dirs: string[], filesIn: (dir: string) => string[], read: (file: string) => string | undefined): string[] {
  return dirs.filter((dir) => {
    const relative = dir === '/' ? '' : dir.replace(/^\//, '').replace(/\/$/, '');
    const dockerfiles = filesIn(relative).filter((file) => DOCKERFILE.test(file.slice(file.lastIndexOf('/') + 1)));
    const texts = dockerfiles.map(read).filter((text): text is string => text !== undefined);
    // A directory whose Dockerfiles cannot be read is left as it was.
    return texts.length > 0 && !texts.some(hasUpdatableFrom);
  });
}

/** The report line for docker directories left out of Dependabot (see unversionedDockerDirs). */
export function unversionedDockerNote(dirs: readonly string[]): string {
  return `docker: ${dirs.join(', ')} not added; ${dirs.length === 1 ? 'its' : 'their'} FROM lines name no version or digest (latest, alpine, \${ARG}), which Dependabot cannot update: pin the images by version or digest first`;
}
