// The decision log's words (issue 19): what a SCIM write did to a person, in plain words, logged beside the request
// (ScimResponse.decision → ScimRequestLog.decision). Refusals get theirs where errors are mapped (scim/responses.ts).
import type { ScimObject } from '../scim/types';

const obj = (v: unknown): ScimObject => (v && typeof v === 'object' && !Array.isArray(v) ? (v as ScimObject) : {});
const differ = (a: unknown, b: unknown) => JSON.stringify(a ?? null) !== JSON.stringify(b ?? null);

/** The attributes whose value changed: top-level ("name", "emails"), and an extension's by their own names ("manager"). */
function changedAttributes(before: ScimObject, after: ScimObject): string[] {
  const out = new Set<string>();
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (k === 'meta' || k === 'schemas' || !differ(before[k], after[k])) continue;
    if (!k.startsWith('urn:')) out.add(k);
    else
      for (const sub of new Set([...Object.keys(obj(before[k])), ...Object.keys(obj(after[k]))]))
        if (differ(obj(before[k])[sub], obj(after[k])[sub])) out.add(sub);
  }
  return [...out].sort();
}

/** "deactivated", "reactivated", "updated (name, emails)", or those together. `active`: its new value when it changed. */
export function userOutcome(before: ScimObject, after: ScimObject, active: boolean | null): string {
  const others = changedAttributes(before, after).filter((k) => k !== 'active');
  const updated = others.length ? `updated (${others.join(', ')})` : '';
  const moved = active === null ? '' : active ? 'reactivated' : 'deactivated';
  return [moved, updated].filter(Boolean).join(', ') || 'unchanged';
}

/** A group PATCH as the IdP asked it: its attributes, and the members it adds and removes (or all of them replaced). */
export function groupPatchOutcome(attributes: string[], members: { clear: boolean; add: { size: number }; remove: { size: number } }): string {
  const parts = [...new Set(attributes)].sort();
  if (members.clear) parts.push(`members replaced (${members.add.size})`);
  else {
    if (members.add.size) parts.push(`${members.add.size} ${members.add.size === 1 ? 'member' : 'members'} added`);
    if (members.remove.size) parts.push(`${members.remove.size} removed`);
  }
  return parts.length ? `updated (${parts.join(', ')})` : 'unchanged';
}

/** A write on a group the host doesn't see (issue 19's group selection) says so beside what it did. */
export function groupDecision(selected: boolean, outcome: string): string {
  return selected ? outcome : `${outcome}; group not synced (not selected)`;
}
