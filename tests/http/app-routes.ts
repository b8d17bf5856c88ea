// Every route of the app, read from app/ itself, so a route added later is covered by the edge tests without
// anyone remembering to list it: its URL pattern, its dynamic segments and the methods it answers.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../setup/app-server';

export interface AppRoute {
  file: string;
  /** Path segments; a dynamic one ([id], [...rest], [[...rest]]) is null. */
  segments: (string | null)[];
  methods: string[];
}

const METHOD_NAMES = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

function methodsOf(source: string): string[] {
  const found = METHOD_NAMES.filter((m) => new RegExp(`export (const|async function|function) ${m}\\b|as ${m}\\b`).test(source));
  return found;
}

export function appRoutes(dir = path.join(ROOT, 'app'), parts: string[] = []): AppRoute[] {
  const out: AppRoute[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      // Route groups ((name)) and private folders (_name) add no segment.
      if (e.name.startsWith('_')) continue;
      out.push(...appRoutes(p, /^\(.*\)$/.test(e.name) ? parts : [...parts, e.name]));
    } else if (e.name === 'route.ts' || e.name === 'page.tsx') {
      out.push({
        file: path.relative(ROOT, p),
        segments: parts.map((s) => (s.startsWith('[') ? null : s)),
        methods: e.name === 'page.tsx' ? ['GET'] : methodsOf(fs.readFileSync(p, 'utf8')),
      });
    }
  }
  return out;
}

/** The route's URL with every dynamic segment set to `value` (raw, as it goes on the wire). */
export function urlOf(route: AppRoute, value: string): string {
  return `/${route.segments.map((s) => s ?? value).join('/')}`;
}
