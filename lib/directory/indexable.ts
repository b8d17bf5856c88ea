// Values that go into indexed columns have a length limit: PostgreSQL's B-tree refuses entries over ~2.7 kB, and
// no IdP sends a userName, email or externalId anywhere near this long.
import { DomainError } from '../domain-error';
import { isSafeText } from '../safe-text';

export const MAX_INDEXED_LENGTH = 1024;

export function assertIndexable(values: Record<string, unknown>): void {
  for (const [name, v] of Object.entries(values)) {
    if (typeof v !== 'string') continue;
    const attr = name.replace(/Lower$/, '');
    if (v.length > MAX_INDEXED_LENGTH) throw new DomainError('invalid', `${attr} is longer than ${MAX_INDEXED_LENGTH} characters`);
    if (!isSafeText(v)) throw new DomainError('invalid', `${attr} holds a NUL character or an unpaired UTF-16 surrogate`);
  }
}
