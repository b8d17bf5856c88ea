// Opaque cursors over the global event sequence: AES-256 of one block [kind, host tag, seq], so a host sees
// neither the sequence number (and with it how many events other hosts have) nor anything it could forge. The
// host tag makes another host's cursor, or one of another kind, fail to decode. Same position, same cursor.
import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';
import { derivedKey } from '../secrets/encryption';

export type CursorKind = 'events' | 'deliveries';
const KIND_BYTE: Record<CursorKind, number> = { events: 1, deliveries: 2 };

let cachedKey: Buffer | undefined;
const key = () => (cachedKey ??= derivedKey('cursor v1'));

const hostTag = (hostId: string) => createHmac('sha256', key()).update(hostId).digest().subarray(0, 7);

export function encodeCursor(kind: CursorKind, hostId: string, seq: number): string {
  const block = Buffer.alloc(16);
  block[0] = KIND_BYTE[kind];
  hostTag(hostId).copy(block, 1);
  block.writeBigUInt64BE(BigInt(seq), 8);
  const c = createCipheriv('aes-256-ecb', key(), null).setAutoPadding(false);
  return Buffer.concat([c.update(block), c.final()]).toString('base64url');
}

/** The seq a cursor stands for, or null when it is not one of this host's cursors of this kind. */
export function decodeCursor(kind: CursorKind, hostId: string, cursor: string): number | null {
  if (!/^[A-Za-z0-9_-]{22}$/.test(cursor)) return null;
  const d = createDecipheriv('aes-256-ecb', key(), null).setAutoPadding(false);
  const block = Buffer.concat([d.update(Buffer.from(cursor, 'base64url')), d.final()]);
  if (block[0] !== KIND_BYTE[kind] || !block.subarray(1, 8).equals(hostTag(hostId))) return null;
  const seq = block.readBigUInt64BE(8);
  return seq <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(seq) : null;
}

/** A cursor of the format before opaque cursors (`e:<seq>`, base64url): no longer accepted, as it told the seq. */
export function isLegacyCursor(cursor: string): boolean {
  return /^e:\d{1,15}$/.test(Buffer.from(cursor, 'base64url').toString('utf8'));
}
