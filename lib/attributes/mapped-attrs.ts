// The host API's user filter allow-list: the SCIM Users one plus each host field's mapped value,
// `customAttributes.<key>` (read from DirectoryUser.customAttributes), so `customAttributes.costCenter eq "X"` finds
// the users this directory maps to X whatever their IdP sent it as; a string list's elements are its values
// (`customAttributes.skills eq "go"`: an EXISTS over the list, in the database).
import type { Backing, Operand, ResourceAttrs, ValueType } from '../scim/filter/attributes';
import type { UserFieldType } from '../schemas/user-schema';
import { userAttrsOf, type HostUserExtension } from './host-attrs';

const TYPES: Record<UserFieldType, ValueType> = { string: 'string', number: 'number', boolean: 'boolean', dateTime: 'dateTime', stringList: 'string' };

/** What backs `customAttributes.<key>`: the value in the user's mapped values, or for a list its elements. */
export function mappedBacking(key: string, type: UserFieldType): Backing {
  const t = TYPES[type];
  if (type === 'stringList') {
    const element: Operand = { source: { element: [] }, type: t, nullable: true, lower: true };
    return { rows: { json: [key], in: 'customAttributes' }, subs: { value: element }, defaultSub: 'value' };
  }
  return { source: { json: [key], in: 'customAttributes' }, type: t, nullable: true, lower: t === 'string' };
}

const built = new WeakMap<HostUserExtension, ResourceAttrs>();

export function mappedUserAttrs(ext: HostUserExtension | null): ResourceAttrs {
  const base = userAttrsOf(ext);
  if (!ext) return base;
  let attrs = built.get(ext);
  if (!attrs) {
    const index = new Map(base.index);
    const sortable = new Map(base.sortable);
    const names: string[] = [];
    const sortNames: string[] = [];
    for (const f of ext.userSchema.fields) {
      const name = `customAttributes.${f.key}`;
      const backing = mappedBacking(f.key, f.type);
      index.set(name.toLowerCase(), backing);
      names.push(name);
      // A list has no single value to sort by.
      if ('rows' in backing) continue;
      sortable.set(name.toLowerCase(), backing);
      sortNames.push(name);
    }
    attrs = { ...base, index, sortable, names: [...base.names, ...names], sortNames: [...base.sortNames, ...sortNames] };
    built.set(ext, attrs);
  }
  return attrs;
}
