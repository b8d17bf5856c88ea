// Pages of a directory by startIndex, as Okta's import reads them: walked in order, each page after the one before
// starts after its last key and shows the total the walk began with, and the walk returns every user once, in
// creation order, whatever is deleted meanwhile behind the walk's position.
import { describe, expect, it } from 'vitest';
import { call, newDirectory, user } from './scim-helpers';

const page = (dir: Awaited<ReturnType<typeof newDirectory>>, startIndex: number, count: number) =>
  call(dir, 'GET', `Users?startIndex=${startIndex}&count=${count}`);
const names = (res: { body: { Resources: { userName: string }[] } }) => res.body.Resources.map((u) => u.userName);

describe('an unfiltered list walked by startIndex', () => {
  it('returns every user once in creation order, with the directory total on every page', async () => {
    const dir = await newDirectory();
    const made: string[] = [];
    for (let i = 0; i < 23; i++) {
      const name = `w${String(i).padStart(2, '0')}@example.com`;
      expect((await call(dir, 'POST', 'Users', user(name))).status).toBe(201);
      made.push(name);
      await new Promise((r) => setTimeout(r, 3)); // creation order is createdAt, then the random id
    }
    const seen: string[] = [];
    for (let start = 1; start <= 23; start += 5) {
      const res = await page(dir, start, 5);
      expect(res.body).toMatchObject({ totalResults: 23, startIndex: start });
      seen.push(...names(res));
    }
    expect(seen).toEqual(made);
    // The same page asked again (a retry), and a page asked out of order, answer as by offset.
    expect(names(await page(dir, 6, 5))).toEqual(made.slice(5, 10));
    expect(names(await page(dir, 13, 4))).toEqual(made.slice(12, 16));
    // A user deleted behind the walk: the next page still starts where the last one ended, none skipped.
    const first = await page(dir, 1, 10);
    expect((await call(dir, 'DELETE', `Users/${first.body.Resources[0].id}`)).status).toBe(204);
    const next = await page(dir, 11, 10);
    expect(names(next)).toEqual(made.slice(10, 20));
    expect(next.body.totalResults).toBe(23);
    // A new walk counts anew.
    expect((await page(dir, 1, 0)).body).toMatchObject({ totalResults: 22, Resources: [] });
  });

  it('groups walk the same way', async () => {
    const dir = await newDirectory();
    const made: string[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await call(dir, 'POST', 'Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: `G${i}` });
      made.push(res.body.id);
      await new Promise((r) => setTimeout(r, 3));
    }
    const seen: string[] = [];
    for (let start = 1; start <= 7; start += 3) {
      const res = await call(dir, 'GET', `Groups?startIndex=${start}&count=3&excludedAttributes=members`);
      expect(res.body.totalResults).toBe(7);
      seen.push(...res.body.Resources.map((g: { id: string }) => g.id));
    }
    expect(seen).toEqual(made);
  });
});
