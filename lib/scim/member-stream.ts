// Groups whose members are too many to read and render at once. Read in one piece on the read path every tenant
// shares, a group of 200,000 members held it 430 ms (a million: seconds, and a body of 100 MB in memory); instead
// the response goes out as JSON text with each such list of members read a page at a time in member order, each page
// a bounded read, the socket's backpressure pacing the reads. Members changed meanwhile may show or not.
import { randomBytes } from 'node:crypto';
import { read } from '../db/database';
import { memberPage, type MemberRef } from '../directory/memberships';
import type { ScimResponse } from './types';

/** Members a response renders at once at most (over all its groups); past it they are streamed. */
export const MEMBERS_INLINE_MAX = 2_000;
const PAGE = 2_000;

/** A group's members to stream in place of `token` (a JSON string in the body) as `render` writes them. */
export interface MemberFill {
  token: string;
  groupId: string;
  /** A page of members as JSON array elements, without the brackets. */
  render: (page: MemberRef[]) => string;
}

export const newFillToken = (): string => `__scim_members_${randomBytes(12).toString('hex')}__`;

async function* jsonText(text: string, fills: MemberFill[]): AsyncGenerator<string> {
  let at = 0;
  for (const f of fills) {
    const quoted = JSON.stringify(f.token);
    const i = text.indexOf(quoted, at);
    if (i < 0) throw new Error('member stream: a placeholder is missing from the body');
    yield `${text.slice(at, i)}[`;
    let after = '';
    let wrote = false;
    for (;;) {
      const page = await read(() => memberPage(f.groupId, after, PAGE));
      // A projection can leave a page with nothing to show (attributes=members.display, members without one).
      const shown = page.length ? f.render(page) : '';
      if (shown) yield `${wrote ? ',' : ''}${shown}`;
      wrote ||= shown !== '';
      if (page.length < PAGE) break;
      after = page[page.length - 1].userId;
      // A turn of the event loop between pages: SQLite reads return at once, and a socket that takes every chunk
      // at once says so on the next tick, so neither would let another request in until the last page.
      await new Promise((next) => setImmediate(next));
    }
    yield ']';
    at = i + quoted.length;
  }
  yield text.slice(at);
}

/** `res` as it is when no group's members are streamed; else its body as a stream, the placeholders filled. */
export function withMemberStreams(res: ScimResponse, fills: MemberFill[]): ScimResponse {
  if (fills.length === 0) return res;
  const { body, ...rest } = res;
  return { ...rest, stream: jsonText(JSON.stringify(body), fills) };
}
