// Files the tool wrote carry a marker on their first line; JSON cannot hold one, so for JSON
// files only the stored hash says they were generated.

const MARKER = /^(?:\uFEFF)?(?:#|<!--)\s*secure-cncf: generated\b/;

export function hasMarker(text: string): boolean {
  return MARKER.test(text.slice(0, 300));
}

/** Whether the file format can carry a marker comment at all. */
export function canCarryMarker(file: string): boolean {
  return !file.toLowerCase().endsWith('.json');
}
