import path from 'node:path';

/** `file:./data/portal.db` → an absolute path, relative paths taken from the working directory. */
export function sqliteFilePath(url: string): string {
  const p = url.replace(/^file:/, '').replace(/\?.*$/, '');
  return path.isAbsolute(p) ? p : path.resolve(process.cwd(), p);
}
