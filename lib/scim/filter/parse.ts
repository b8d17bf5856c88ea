// Recursive-descent parser for RFC 7644 §3.4.2.2 filters and §3.5.2 PATCH paths, into the AST of ./ast.
// Precedence, loosest first: or < and < not < () / []; and/or associate to the left. Operators and keywords
// are case-insensitive; attribute names are kept as written (resolving them is the consumer's job).
import { env } from '../../env';
import { badRequest, type ScimType } from '../errors';
import type { AttrPath, CompareOp, FilterNode, PatchPath } from './ast';
import { Cursor, MAX_FILTER_LENGTH } from './lexer';

/** Deeper nesting than this is refused, so hostile input can't exhaust the stack here or in the consumers. */
const MAX_FILTER_DEPTH = 50;

const COMPARE_OPS: ReadonlySet<string> = new Set<CompareOp>(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le']);
/** RFC 7643 §2.1 ATTRNAME, plus `$ref`, which RFC 7643 itself uses as a sub-attribute name. */
const ATTR_NAME = /^(?:\$ref|[A-Za-z][A-Za-z0-9_-]*)$/;
/** The `URI ":"` prefix of an attrPath: a scheme and at least one more segment (`urn:ietf:…:2.0:User`). */
const URI_PREFIX = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

/** Parses a `filter` query parameter (or SearchRequest member). Throws 400 invalidFilter. */
export function parseFilter(input: string): FilterNode {
  const c = open(input, 'invalidFilter', 'filter');
  const node = new Parser(c).filter();
  c.skipWs();
  if (!c.atEnd()) c.fail(`unexpected ${c.describeNext()}; expected 'and', 'or' or the end of the filter`);
  return node;
}

/** Parses a PATCH operation's `path`: `attrPath / valuePath [subAttr]`. Throws 400 invalidPath. */
export function parsePath(input: string): PatchPath {
  const c = open(input, 'invalidPath', 'path');
  const parser = new Parser(c);
  const path = parser.attrPath();
  let result: PatchPath = { path };
  c.skipWs();
  if (c.peek() === '[') {
    const filter = parser.valueFilter(path);
    const subAttr = parser.subAttr();
    result = subAttr === undefined ? { path, filter } : { path, filter, subAttr };
  }
  c.skipWs();
  if (!c.atEnd()) c.fail(`unexpected ${c.describeNext()} after the path`);
  return result;
}

/** Parses a bare attrPath such as a `sortBy` value; `scimType` is the error type the caller answers with. */
export function parseAttrPath(input: string, scimType: ScimType): AttrPath {
  const c = open(input, scimType, 'attribute path');
  const path = new Parser(c).attrPath();
  c.skipWs();
  if (!c.atEnd()) c.fail(`unexpected ${c.describeNext()} after the attribute path`);
  return path;
}

function open(input: string, scimType: ScimType, what: string): Cursor {
  if (input.length > MAX_FILTER_LENGTH) {
    throw badRequest(scimType, `${what} is ${input.length} characters long; the limit is ${MAX_FILTER_LENGTH}`);
  }
  const c = new Cursor(input, scimType, what);
  c.skipWs();
  if (c.atEnd()) throw badRequest(scimType, `${what} is empty`);
  return c;
}

class Parser {
  private depth = 0;
  /** Comparisons read so far: each becomes a database condition (or a check per value, in a PATCH path). */
  private leaves = 0;
  private readonly maxLeaves = env().scim.maxFilterLeaves;
  /** Inside `[...]`: RFC 7644's valFilter has no valuePath, so brackets can't nest. */
  private inValueFilter = false;

  constructor(private readonly c: Cursor) {}

  /** FILTER, loosest level: `and`-terms joined by `or`. Iterative, so long chains don't recurse. */
  filter(): FilterNode {
    let left = this.andTerm();
    while (this.keyword('or')) left = { kind: 'or', left, right: this.andTerm() };
    return left;
  }

  private andTerm(): FilterNode {
    let left = this.unary();
    while (this.keyword('and')) left = { kind: 'and', left, right: this.unary() };
    return left;
  }

  private unary(): FilterNode {
    this.c.skipWs();
    if (this.c.peek() === '(') return this.group();
    if (this.c.peekWord().toLowerCase() === 'not') {
      const at = this.c.pos;
      this.c.readWord();
      this.c.skipWs();
      if (this.c.peek() !== '(') this.c.fail("expected '(' after 'not' (RFC 7644 requires not (...))", at);
      return { kind: 'not', expr: this.group() };
    }
    return this.attrExp();
  }

  /** `"(" FILTER ")"` at the cursor. */
  private group(): FilterNode {
    const open = this.c.pos;
    this.enter();
    this.c.pos++;
    const inner = this.filter();
    if (!this.c.eat(')')) this.c.fail(`expected ')' to close the '(' at position ${open} but found ${this.c.describeNext()}`);
    this.depth--;
    return inner;
  }

  /** attrExp or valuePath: `attrPath "pr"`, `attrPath compareOp compValue`, `attrPath "[" valFilter "]"`. */
  private attrExp(): FilterNode {
    const path = this.attrPath();
    this.c.skipWs();
    if (this.c.peek() !== '[') return this.predicate(path);
    const filter = this.valueFilter(path);
    const sub = this.subAttr();
    if (sub === undefined) return { kind: 'valuePath', path, filter };
    // Entra matches users by `emails[type eq "work"].value eq "x"`, which RFC 7644's filter ABNF lacks. It means
    // "some email is work and has value x", which is exactly the valuePath `emails[type eq "work" and value eq "x"]`.
    return { kind: 'valuePath', path, filter: { kind: 'and', left: filter, right: this.predicate({ attr: sub }) } };
  }

  /** The `pr` or `compareOp compValue` part of an attrExp. */
  private predicate(path: AttrPath): FilterNode {
    if (++this.leaves > this.maxLeaves) {
      throw badRequest('tooMany', `The ${this.c.what} has more than ${this.maxLeaves} comparisons (SCIM_MAX_FILTER_LEAVES)`);
    }
    this.c.skipWs();
    const at = this.c.pos;
    const word = this.c.readWord();
    if (word === '') this.c.fail(`expected an operator after the attribute path but found ${this.c.describeNext()}`);
    const op = word.toLowerCase();
    if (op === 'pr') return { kind: 'present', path };
    if (!COMPARE_OPS.has(op)) this.c.fail(`unknown operator '${word}' (expected eq ne co sw ew gt ge lt le pr)`, at);
    return { kind: 'compare', path, op: op as CompareOp, value: this.c.readCompValue() };
  }

  /** `"[" valFilter "]"` at the cursor, applied to `path`. */
  valueFilter(path: AttrPath): FilterNode {
    const open = this.c.pos;
    if (this.inValueFilter) this.c.fail('value filters cannot be nested', open);
    if (path.sub !== undefined) this.c.fail('a value filter applies to an attribute, not a sub-attribute', open);
    this.enter();
    this.c.pos++;
    this.inValueFilter = true;
    const inner = this.filter();
    this.inValueFilter = false;
    if (!this.c.eat(']')) this.c.fail(`expected ']' to close the '[' at position ${open} but found ${this.c.describeNext()}`);
    this.depth--;
    return inner;
  }

  /** The optional `"." ATTRNAME` right after a `]`. */
  subAttr(): string | undefined {
    if (this.c.peek() !== '.') return undefined;
    const at = this.c.pos;
    const word = this.c.readWord();
    const name = word.slice(1);
    if (!ATTR_NAME.test(name)) this.c.fail(`'${word}' is not a valid sub-attribute`, at);
    return name;
  }

  /** `[URI ":"] ATTRNAME *1("." subAttr)`. URNs contain dots (`…:2.0:User`), so the name starts after the last ':'. */
  attrPath(): AttrPath {
    this.c.skipWs();
    const at = this.c.pos;
    const word = this.c.readWord();
    if (word === '') this.c.fail(`expected an attribute path but found ${this.c.describeNext()}`);
    const colon = word.lastIndexOf(':');
    const uri = colon >= 0 ? word.slice(0, colon) : undefined;
    const names = word.slice(colon + 1).split('.');
    const valid = (uri === undefined || URI_PREFIX.test(uri)) && names.length <= 2 && names.every((n) => ATTR_NAME.test(n));
    if (!valid) this.c.fail(`'${word}' is not a valid attribute path`, at);
    const [attr, sub] = names as [string, string | undefined];
    return { ...(uri !== undefined ? { uri } : {}), attr, ...(sub !== undefined ? { sub } : {}) };
  }

  /** Consumes the next word if it is `kw` (any case). */
  private keyword(kw: string): boolean {
    if (this.c.peekWord().toLowerCase() !== kw) return false;
    this.c.readWord();
    return true;
  }

  private enter(): void {
    if (++this.depth > MAX_FILTER_DEPTH) this.c.fail(`nesting deeper than ${MAX_FILTER_DEPTH} levels`);
  }
}
