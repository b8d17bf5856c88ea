// A group with more members than a response renders at once goes out as a chunked stream, whichever way the request
// came in (the custom server's node:http path, or Next's router to the route handler): whole JSON, every member in
// member order, the same as a small group's answer in shape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedLargeDirectory } from '../int/large-directory';
import { idpTargets, leaveAppDatabase, newDirectory, scim, useAppDatabase, type ScimDirectory } from './harness';

const USERS = 6_000; // the big group holds every even user

afterAll(leaveAppDatabase);

describe.each(idpTargets())('a group of 3,000 members on $name', (t) => {
  let dir: ScimDirectory;
  let bigGroupId: string;

  beforeAll(async () => {
    dir = await newDirectory(t);
    await useAppDatabase(t);
    bigGroupId = (await seedLargeDirectory(dir.directoryId, USERS)).bigGroupId;
  }, 120_000);

  it('is answered chunked, whole and in member order, with its ETag', async () => {
    const res = await scim(dir, 'GET', `/Groups/${bigGroupId}`);
    expect([res.status, res.headers.get('content-type'), res.headers.get('content-length')]).toEqual([200, 'application/scim+json', null]);
    expect(res.headers.get('etag')).toBe(res.body.meta.version);
    const values: string[] = res.body.members.map((m: { value: string }) => m.value);
    expect(values).toHaveLength(USERS / 2);
    expect(values).toEqual([...values].sort());
    expect(res.body.members[0]).toEqual({ value: values[0], $ref: `${dir.endpoint}/Users/${values[0]}`, type: 'User' });
    const page = await scim(dir, 'GET', `/Groups?filter=${encodeURIComponent('displayName eq "Everyone half"')}&attributes=members.value`);
    expect(page.body.Resources[0].members).toEqual(values.map((value) => ({ value })));
  });
});
