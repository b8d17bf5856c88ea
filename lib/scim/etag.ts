// RFC 7644 §3.14: a weak ETag per resource version, equal to meta.version.
export function etagOf(version: number): string {
  return `W/"${version}"`;
}

/** The version named by If-Match / If-None-Match: null when absent or `*`; NaN when it names no version of ours. */
export function versionFromHeader(header: string | undefined): number | null {
  if (!header) return null;
  const first = header.split(',')[0].trim();
  if (first === '*') return null;
  const m = /^(?:W\/)?"(\d+)"$/.exec(first);
  return m ? Number(m[1]) : Number.NaN;
}

/** Whether any entity tag in an If-None-Match header matches `version` (weak comparison). */
export function noneMatchHits(header: string | undefined, version: number): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const s = t.trim();
    return s === '*' || s.replace(/^W\//, '') === `"${version}"`;
  });
}
