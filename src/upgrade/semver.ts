/** Stable release tags only: v1, v1.2 or v1.2.3 (optionally without the v). */
export function parseVersion(tag: string): number[] | undefined {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(tag);
  return match ? [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)] : undefined;
}

export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a) ?? [-1, 0, 0];
  const y = parseVersion(b) ?? [-1, 0, 0];
  for (let i = 0; i < 3; i++) if ((x[i] as number) !== (y[i] as number)) return (x[i] as number) - (y[i] as number);
  return 0;
}

export function majorOf(tag: string): number | undefined {
  return parseVersion(tag)?.[0];
}

/** Full three-part tags only (the ones a version comment should name). */
export function isFullVersion(tag: string): boolean {
  return /^v?\d+\.\d+\.\d+$/.test(tag);
}
