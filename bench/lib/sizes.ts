// What a seeded directory holds besides its users: a 10-member group, a big one of 50,000 members (half the
// directory when that is smaller), and "teams" of 10 members, one per 100 users (at least 10): the groups the
// displayName lookups and GET /Groups/{id} go to.
export const SMALL_GROUP_SIZE = 10;
const BIG_GROUP_TARGET = 50_000;
export const TEAM_SIZE = 10;

export function bigGroupSize(users: number): number {
  return Math.min(BIG_GROUP_TARGET, Math.floor(users / 2));
}

export function teamCount(users: number): number {
  return Math.max(10, Math.floor(users / 100));
}

/** The seeded users of team t: TEAM_SIZE in a row, wrapping round the directory. */
export function teamMembers(t: number, users: number): number[] {
  return Array.from({ length: TEAM_SIZE }, (_, k) => (t * TEAM_SIZE + k) % users);
}
