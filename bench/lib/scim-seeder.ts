// Seeds another SCIM server through its own API (POST /Users, POST /Groups, PATCH members), 10 at a time.
import { addMembers, oktaGroup, oktaUser, seededUserName } from './okta-payloads';
import { field, scimExpect, type ScimDirectory } from './scim-client';
import { bigGroupSize, SMALL_GROUP_SIZE } from './sizes';
import type { SeededTarget } from './workloads';

const CONCURRENCY = 10;
const MEMBERS_PER_PATCH = 100;

async function createUsers(dir: ScimDirectory, users: number, log: (line: string) => void): Promise<string[]> {
  const ids: string[] = new Array<string>(users);
  let next = 0;
  const worker = async () => {
    for (let n = next++; n < users; n = next++) {
      const created = await scimExpect(dir, 'POST', '/Users', oktaUser(seededUserName(n), n));
      if (!created) throw new Error('POST /Users answered no body');
      ids[n] = field(created, 'id');
      if ((n + 1) % 1000 === 0) log(`  seeded ${n + 1} users through SCIM`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return ids;
}

async function createGroup(dir: ScimDirectory, name: string, ids: string[], members: number): Promise<string> {
  const created = await scimExpect(dir, 'POST', '/Groups', oktaGroup(name));
  if (!created) throw new Error('POST /Groups answered no body');
  const id = field(created, 'id');
  for (let start = 0; start < members; start += MEMBERS_PER_PATCH) {
    const value = [];
    for (let n = start; n < Math.min(members, start + MEMBERS_PER_PATCH); n++) value.push({ value: ids[n], display: seededUserName(n) });
    await scimExpect(dir, 'PATCH', `/Groups/${id}`, addMembers(value));
  }
  return id;
}

export async function seedThroughScim(dir: ScimDirectory, users: number, runTag: string, log: (line: string) => void): Promise<SeededTarget> {
  const userIds = await createUsers(dir, users, log);
  const small = SMALL_GROUP_SIZE;
  const big = bigGroupSize(users);
  const smallId = await createGroup(dir, `bench-${runTag}-small`, userIds, small);
  const bigId = await createGroup(dir, `bench-${runTag}-big`, userIds, big);
  return { dir, users, userIds, smallGroup: { id: smallId, members: small }, bigGroup: { id: bigId, members: big } };
}
