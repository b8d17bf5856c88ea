// Which filters an index bounds (read on the request's own path) and which may scan (read as a scan); and that each
// column named as indexed has the index in the schema.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GROUP_ATTRS, USER_ATTRS } from './resource-attrs';
import { INDEXED_KEYS, indexBound, UNIQUE_KEYS } from './index-backed';
import { parseFilter } from './parse';

const many = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join(' and ');

describe('indexBound', () => {
  it.each([
    // What Okta and Entra send
    ['userName eq "a@x.com"', 'unique'],
    ['urn:ietf:params:scim:schemas:core:2.0:User:userName eq "a@x.com"', 'unique'],
    ['id eq "usr_1"', 'unique'],
    ['externalId eq "e1"', 'indexed'],
    ['emails.value eq "a@x.com"', 'indexed'],
    ['emails eq "a@x.com"', 'indexed'],
    ['emails[type eq "work"].value eq "a@x.com"', 'indexed'],
    ['emails[type eq "work" and value eq "a@x.com"]', 'indexed'],
    ['id eq "usr_1" and urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager eq "usr_2"', 'unique'],
    ['userName eq "a" and nickName co "x"', 'unique'],
    ['displayName eq "Ann"', 'indexed'],
    ['name.familyName eq "Smith"', 'indexed'],
    ['title eq "CTO"', 'indexed'],
    // What may scan
    ['externalId eq "e1" and externalId eq "e2"', null],
    [many(50, (i) => `emails.value eq "a${i}@x.com"`), null],
    ['externalId eq "e1" or userName eq "a"', null],
    ['not (userName eq "a")', null],
    ['userName ne "a"', null],
    ['userName co "a"', null],
    ['userName sw "a"', null],
    ['userName eq null', null],
    ['externalId pr', null],
    ['nickName eq "x"', null],
    ['name.givenName eq "Ann"', null],
    ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq "7"', null],
    ['emails[type eq "work"]', null],
    ['emails[value co "a"]', null],
    ['emails.type eq "work"', null],
    ['phoneNumbers[type eq "work"].value eq "555"', null],
    ['active eq true', null],
    ['groups.value eq "grp_1"', null],
  ])('users: %s', (filter, bound) => {
    expect(indexBound(parseFilter(filter), USER_ATTRS)).toBe(bound);
  });

  it.each([
    ['displayName eq "Admins"', 'unique'],
    ['id eq "grp_1"', 'unique'],
    ['externalId eq "g1"', 'indexed'],
    ['displayName co "Adm"', null],
    ['members.value eq "usr_1"', null],
    ['externalId eq "g1" and members.value eq "usr_1"', null],
  ])('groups: %s', (filter, bound) => {
    expect(indexBound(parseFilter(filter), GROUP_ATTRS)).toBe(bound);
  });
});

describe('the columns named as indexed', () => {
  const schema = fs.readFileSync('prisma/schema.base.prisma', 'utf8');
  const model = (name: string) => schema.match(new RegExp(`model ${name} \\{([\\s\\S]*?)\\n\\}`))?.[1] ?? '';

  it.each([...INDEXED_KEYS])('%s leads an index after the directory (or is the primary key)', (key) => {
    const [table, column] = key.split('.');
    const body = model(table);
    const isId = new RegExp(`^\\s*${column}\\s+\\S+\\s+@id`, 'm').test(body);
    const index = new RegExp(`@@(index|unique)\\(\\[directoryId, ${column}\\]\\)`).test(body);
    expect(isId || index).toBe(true);
  });

  it.each([...UNIQUE_KEYS])('%s is unique in its directory', (key) => {
    const [table, column] = key.split('.');
    const body = model(table);
    // The userName's uniqueness among the users SCIM sees is a partial index written by hand (migration 0021).
    const partial = fs.readFileSync('prisma/sqlite/migrations/0021_user_name_scim_unique/migration.sql', 'utf8');
    const unique =
      new RegExp(`^\\s*${column}\\s+\\S+\\s+@id`, 'm').test(body) ||
      new RegExp(`@@unique\\(\\[directoryId, ${column}\\]\\)`).test(body) ||
      partial.includes(`CREATE UNIQUE INDEX "${table}_directoryId_${column}_key" ON "${table}"("directoryId", "${column}")`);
    expect(unique).toBe(true);
  });
});
