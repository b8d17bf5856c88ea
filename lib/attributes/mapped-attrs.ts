// The host API's user filter allow-list: the SCIM Users one plus each host field's mapped value,
// `customAttributes.<key>` (read from DirectoryUser.customAttributes), so `customAttributes.costCenter eq "X"` finds
// the users this directory maps to X whatever their IdP sent it as. A string list is not filterable there.
import type { ResourceAttrs, ValueType } from '../scim/filter/attributes';
import type { UserFieldType } from '../schemas/user-schema';
import { userAttrsOf, type HostUserExtension } from './host-attrs';

const TYPES: Partial<Record<UserFieldType, ValueType>> = { string: 'string', number: 'number', boolean: 'boolean', dateTime: 'dateTime' };

const built = new WeakMap<HostUserExtension, ResourceAttrs>();

export function mappedUserAttrs(ext: HostUserExtension | null): ResourceAttrs {
  const base = userAttrsOf(ext);
  if (!ext) return base;
  let attrs = built.get(ext);
  if (!attrs) {
    const index = new Map(base.index);
    const sortable = new Map(base.sortable);
    const names: string[] = [];
    for (const f of ext.userSchema.fields) {
      const type = TYPES[f.type];
      if (!type) continue;
      const name = `customAttributes.${f.key}`;
      const operand = { source: { json: [f.key], in: 'customAttributes' }, type, nullable: true, lower: type === 'string' };
      index.set(name.toLowerCase(), operand);
      sortable.set(name.toLowerCase(), operand);
      names.push(name);
    }
    attrs = { ...base, index, sortable, names: [...base.names, ...names], sortNames: [...base.sortNames, ...names] };
    built.set(ext, attrs);
  }
  return attrs;
}
