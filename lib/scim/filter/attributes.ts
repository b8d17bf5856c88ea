// The allow-list of filterable SCIM attributes and the columns behind them. Only what is here can reach the
// database: anything else is 400 invalidFilter, never an in-memory scan of `raw`.
import type { Prisma } from '../../generated/sqlite/client';
import { badRequest } from '../errors';
import { ENTERPRISE_USER_URN, GROUP_URN, USER_URN } from '../types';
import type { AttrPath } from './ast';

export type ValueType = 'string' | 'boolean' | 'dateTime';

/** A column that answers a single-valued attribute. */
export interface Column<C extends string = string> {
  column: C;
  type: ValueType;
  nullable: boolean;
  /** A case-insensitive attribute kept in a lower-cased column: the operand is lower-cased to match. */
  lower: boolean;
}

/** A multi-valued complex attribute stored as rows of a related table, matched with `some`. */
export interface Relation<R extends string = string, C extends string = string> {
  relation: R;
  /** By lower-cased sub-attribute name. */
  subs: Record<string, Column<C>>;
  /** The sub-attribute a bare reference means: `emails co "x"` is `emails.value co "x"` (RFC 7644 §3.4.2.2). */
  defaultSub: string;
}

export type FilterAttr = Column | Relation;

export interface ResourceAttrs {
  resource: string;
  /** Lower-cased `attr` / `attr.sub` (with and without the URN prefix) → where it lives. */
  index: Map<string, FilterAttr>;
  /** Canonical names for the error message. */
  names: string[];
}

type Scalar<T> = Exclude<keyof T, 'AND' | 'OR' | 'NOT'> & string;
type UserColumn = Column<Scalar<Prisma.DirectoryUserWhereInput>>;
type GroupColumn = Column<Scalar<Prisma.DirectoryGroupWhereInput>>;

const str = <C extends string>(column: C, nullable: boolean, lower = false): Column<C> =>
  ({ column, type: 'string', nullable, lower });
const date = <C extends string>(column: C): Column<C> => ({ column, type: 'dateTime', nullable: false, lower: false });

const EMAILS: Relation<'emails', Scalar<Prisma.UserEmailWhereInput>> = {
  relation: 'emails',
  // Stored lower-cased on write: email addresses and Entra's `type eq "work"` match whatever case was sent.
  subs: { value: str('valueLower', false, true), type: str('type', true, true), primary: { column: 'primary', type: 'boolean', nullable: false, lower: false } },
  defaultSub: 'value',
};

// Ids of users and groups are case-exact (RFC 7643 §3.1), so member and manager references are too.
const MEMBERS: Relation<'members', Scalar<Prisma.GroupMembershipWhereInput>> = {
  relation: 'members',
  subs: { value: str('userId', false) },
  defaultSub: 'value',
};

const USER_GROUPS: Relation<'memberships', Scalar<Prisma.GroupMembershipWhereInput>> = {
  relation: 'memberships',
  subs: { value: str('groupId', false) },
  defaultSub: 'value',
};

const ENTERPRISE = {
  employeeNumber: str('employeeNumber', true),
  manager: str('managerId', true),
  'manager.value': str('managerId', true),
} satisfies Record<string, UserColumn>;

const USER_CORE = {
  id: str('id', false),
  externalId: str('externalId', true),
  userName: str('userNameLower', false, true),
  displayName: str('displayNameLower', true, true),
  'name.givenName': str('givenNameLower', true, true),
  'name.familyName': str('familyNameLower', true, true),
  active: { column: 'active', type: 'boolean', nullable: false, lower: false },
  'meta.created': date('createdAt'),
  'meta.lastModified': date('updatedAt'),
  emails: EMAILS,
  groups: USER_GROUPS,
} satisfies Record<string, UserColumn | Relation>;

const GROUP_CORE = {
  id: str('id', false),
  externalId: str('externalId', true),
  displayName: str('displayNameLower', false, true),
  'meta.created': date('createdAt'),
  'meta.lastModified': date('updatedAt'),
  members: MEMBERS,
} satisfies Record<string, GroupColumn | Relation>;

export const USER_ATTRS = buildIndex('User', USER_URN, USER_CORE, { [ENTERPRISE_USER_URN]: ENTERPRISE });
export const GROUP_ATTRS = buildIndex('Group', GROUP_URN, GROUP_CORE, {});

export function buildIndex(
  resource: string,
  coreUrn: string,
  core: Record<string, FilterAttr>,
  extensions: Record<string, Record<string, FilterAttr>>,
): ResourceAttrs {
  const index = new Map<string, FilterAttr>();
  const names: string[] = [];
  const add = (name: string, attr: FilterAttr) => index.set(name.toLowerCase(), attr);
  for (const [name, attr] of Object.entries(core)) {
    add(name, attr);
    add(`${coreUrn}:${name}`, attr);
    names.push(name);
  }
  for (const [urn, attrs] of Object.entries(extensions)) {
    for (const [name, attr] of Object.entries(attrs)) {
      add(`${urn}:${name}`, attr);
      // Entra sends extension attributes unprefixed too (`id eq X and manager eq Y`, E1).
      if (!index.has(name.toLowerCase())) add(name, attr);
      names.push(`${urn}:${name}`);
    }
  }
  return { resource, index, names };
}

/** The index key of a path: lower-cased `[uri:]attr[.sub]`. */
export function pathKey(path: AttrPath): string {
  return show(path).toLowerCase();
}

export type Resolved = { column: Column; relation?: undefined } | { column: Column; relation: Relation };

/** The column behind `path`, or 400 invalidFilter naming what is filterable. */
export function resolveAttr(attrs: ResourceAttrs, path: AttrPath): Resolved {
  const whole = attrs.index.get(pathKey(path));
  if (whole && !isRelation(whole)) return { column: whole };
  const top = whole ?? attrs.index.get(pathKey({ ...path, sub: undefined }));
  if (top && isRelation(top)) {
    const column = top.subs[(path.sub ?? top.defaultSub).toLowerCase()];
    if (column) return { column, relation: top };
  }
  throw notFilterable(attrs, path);
}

/** The relation behind a valuePath's attribute (`emails[...]`), or undefined for a single-valued complex one. */
export function resolveRelation(attrs: ResourceAttrs, path: AttrPath): Relation | undefined {
  if (path.sub !== undefined) return undefined;
  const attr = attrs.index.get(pathKey(path));
  return attr && isRelation(attr) ? attr : undefined;
}

/** A sub-attribute of a relation, as paths inside `emails[...]` name it. */
export function resolveSub(attrs: ResourceAttrs, relation: Relation, path: AttrPath): Column {
  const column = path.uri === undefined && path.sub === undefined ? relation.subs[path.attr.toLowerCase()] : undefined;
  if (column) return column;
  const subs = Object.keys(relation.subs).join(', ');
  throw badRequest('invalidFilter', `attribute "${show(path)}" is not filterable inside ${attrs.resource} ${relation.relation}[...]; filterable: ${subs}`);
}

export function notFilterable(attrs: ResourceAttrs, path: AttrPath) {
  return badRequest('invalidFilter', `attribute "${show(path)}" is not filterable; filterable: ${attrs.names.join(', ')}`);
}

export function isRelation(attr: FilterAttr): attr is Relation {
  return 'relation' in attr;
}

export function show(path: AttrPath): string {
  return (path.uri !== undefined ? `${path.uri}:` : '') + path.attr + (path.sub !== undefined ? `.${path.sub}` : '');
}
