// The OpenAPI document describes every host-API route the app has (read from app/api/v1), and says what a key
// reaches: a host's keys have no narrower scope, and a host must know that before handing one out.
import { describe, expect, it } from 'vitest';
import { API_KEY_SCOPE, openApiDocument } from '../../lib/host-api/openapi';
import { appRoutes } from '../http/app-routes';

describe('the OpenAPI document', () => {
  it('lists every host-API route and method', () => {
    const doc = openApiDocument();
    const routes = appRoutes().filter((r) => r.segments[0] === 'api' && r.segments[1] === 'v1' && r.segments[2] !== 'openapi.json');
    const missing = routes.flatMap((r) => {
      let i = 0;
      const names = r.file.match(/\[(\w+)\]/g) ?? [];
      const path = `/${r.segments
        .slice(2)
        .map((s) => s ?? `{${names[i++]?.slice(1, -1)}}`)
        .join('/')}`;
      const ops = (doc.paths as Record<string, Record<string, unknown>>)[path] ?? {};
      return r.methods.filter((m) => !(m.toLowerCase() in ops)).map((m) => `${m} ${path}`);
    });
    expect(missing).toEqual([]);
    expect(routes.length).toBeGreaterThan(15);
  });

  it('says that a key reaches every organization of its host', () => {
    const doc = openApiDocument();
    expect(API_KEY_SCOPE).toMatch(/no narrower scope: it reaches every organization of its host/);
    expect(doc.info.description).toContain(API_KEY_SCOPE);
    expect(doc.components.securitySchemes.apiKey.description).toContain(API_KEY_SCOPE);
  });
});
