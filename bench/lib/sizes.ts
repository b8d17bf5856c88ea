// Group sizes: a 10-member group, and a big one of 50,000 members (half the directory when that is smaller).
export const SMALL_GROUP_SIZE = 10;
export const BIG_GROUP_TARGET = 50_000;

export function bigGroupSize(users: number): number {
  return Math.min(BIG_GROUP_TARGET, Math.floor(users / 2));
}
