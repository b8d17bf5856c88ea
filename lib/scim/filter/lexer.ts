// A character cursor for the RFC 7644 §3.4.2.2 filter grammar. It is pulled by the parser rather than
// producing a token list up front, because what a run of characters means depends on where it stands: after a
// compare operator, `example.com` or `2015-10-10T14:38:21-07:00` is an unquoted value (Microsoft's reference
// suite sends those), while in attribute position the same characters would be an attribute path.
import { badRequest, type ScimType } from '../errors';
import type { CompValue } from './ast';

/** Inputs beyond this are refused before parsing: real IdP filters are a few hundred characters at most. */
export const MAX_FILTER_LENGTH = 4096;

/** Characters that end a word in attribute/keyword position. */
const WORD_END = /[\s()[\]"]/;
/** Characters that end an unquoted value: whitespace, or the closing bracket of the enclosing group. */
const BARE_END = /[\s)\]]/;
/** RFC 8259 number; anything else unquoted (`00123`, `1.2.3`) is kept as a string. */
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

export class Cursor {
  pos = 0;

  constructor(
    readonly input: string,
    /** invalidFilter for filters, invalidPath for PATCH paths: the same grammar fails with the caller's type. */
    private readonly scimType: ScimType,
    /** What the input is, for error details: 'filter', 'path', 'attribute path'. */
    readonly what = 'filter',
  ) {}

  fail(message: string, at = this.pos): never {
    throw badRequest(this.scimType, `${message} at position ${at} of ${JSON.stringify(shorten(this.input))}`);
  }

  skipWs(): void {
    while (this.pos < this.input.length && /\s/.test(this.input[this.pos]!)) this.pos++;
  }

  atEnd(): boolean {
    return this.pos >= this.input.length;
  }

  /** The next character without consuming it ('' at the end). */
  peek(): string {
    return this.input[this.pos] ?? '';
  }

  /** Consumes `ch` if it is next; whitespace before it is skipped. */
  eat(ch: string): boolean {
    this.skipWs();
    if (this.peek() !== ch) return false;
    this.pos++;
    return true;
  }

  expect(ch: string, what: string): void {
    if (!this.eat(ch)) this.fail(`expected ${what} but found ${this.describeNext()}`);
  }

  /** A run of non-separator characters: a keyword, an operator or an attribute path ('' if none). */
  readWord(): string {
    this.skipWs();
    const start = this.pos;
    while (this.pos < this.input.length && !WORD_END.test(this.input[this.pos]!)) this.pos++;
    return this.input.slice(start, this.pos);
  }

  /** Looks at the next word without consuming it. */
  peekWord(): string {
    const saved = this.pos;
    const word = this.readWord();
    this.pos = saved;
    return word;
  }

  /** `compValue`: a JSON string, true/false/null, a JSON number, or (leniently) an unquoted string. */
  readCompValue(): CompValue {
    this.skipWs();
    const start = this.pos;
    if (this.peek() === '"') return this.readString();
    while (this.pos < this.input.length && !BARE_END.test(this.input[this.pos]!)) this.pos++;
    const raw = this.input.slice(start, this.pos);
    if (raw === '') this.fail(`expected a value but found ${this.describeNext()}`);
    // Keywords are case-insensitive in SCIM; Entra's default job writes booleans as `True`/`False`.
    const lower = raw.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    if (lower === 'null') return null;
    if (JSON_NUMBER.test(raw)) return Number(raw);
    // Microsoft's reference suite: `userName sw O`, `emails.Value co example.com`. A quote inside means a
    // mangled string rather than a bare word, so refuse it instead of guessing.
    if (raw.includes('"')) this.fail("unexpected '\"' inside an unquoted value", start + raw.indexOf('"'));
    return raw;
  }

  /** A JSON string literal starting at the cursor, escapes decoded. */
  readString(): string {
    const start = this.pos;
    this.pos++; // opening quote
    let out = '';
    for (;;) {
      if (this.atEnd()) this.fail('unterminated string', start);
      const ch = this.input[this.pos++]!;
      if (ch === '"') return out;
      if (ch !== '\\') {
        out += ch;
        continue;
      }
      const esc = this.input[this.pos++] ?? '';
      if (esc === 'u') {
        const hex = this.input.slice(this.pos, this.pos + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('invalid \\u escape', this.pos - 2);
        out += String.fromCharCode(parseInt(hex, 16));
        this.pos += 4;
      } else if (esc in ESCAPES) {
        out += ESCAPES[esc];
      } else {
        this.fail(`invalid escape "\\${esc}"`, this.pos - 2);
      }
    }
  }

  /** For error messages: what stands at the cursor. */
  describeNext(): string {
    this.skipWs();
    if (this.atEnd()) return 'the end of the input';
    const word = this.peekWord();
    return `'${word === '' ? this.peek() : shorten(word)}'`;
  }
}

function shorten(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
