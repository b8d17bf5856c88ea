// Values that go into indexed columns have a length limit: PostgreSQL's B-tree refuses entries over 2,704 bytes (an
// error, so a 500, were it reached), and no IdP sends a userName, email or externalId anywhere near this long. The
// limit is in characters and in UTF-8 bytes: 1,024 CJK characters are 3,072 bytes, 700 emoji 2,800.
import { DomainError } from '../domain-error';
import { isSafeText } from '../safe-text';

export const MAX_INDEXED_LENGTH = 1024;
/** With the directory id beside it and the tuple's own header, well under the B-tree's 2,704. */
export const MAX_INDEXED_BYTES = 2000;

/** Whether `v` fits an index entry (a string's UTF-8 length is at most 3 bytes a UTF-16 unit: no count below that). */
export const fitsIndex = (v: string): boolean =>
  v.length <= MAX_INDEXED_LENGTH && (v.length * 3 <= MAX_INDEXED_BYTES || Buffer.byteLength(v) <= MAX_INDEXED_BYTES);

export function assertIndexable(values: Record<string, unknown>): void {
  for (const [name, v] of Object.entries(values)) {
    if (typeof v !== 'string') continue;
    const attr = name.replace(/Lower$/, '');
    if (!fitsIndex(v)) throw new DomainError('invalid', `${attr} is longer than ${MAX_INDEXED_LENGTH} characters or ${MAX_INDEXED_BYTES} bytes in UTF-8`);
    if (!isSafeText(v)) throw new DomainError('invalid', `${attr} holds a NUL character or an unpaired UTF-16 surrogate`);
  }
}
