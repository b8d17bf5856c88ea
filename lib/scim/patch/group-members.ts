// Group PATCH split in two: membership changes become a plan over GroupMembership rows (a group of 50,000
// members is never loaded as JSON); everything else stays a PatchOperation for applyPatch.
import { checkMemberCount } from '../body-limits';
import { badRequest } from '../errors';
import type { FilterNode, PatchPath } from '../filter/ast';
import { parseMemberList } from '../resources/member-reference';
import { findKey, isScimObject } from '../resources/scim-json';
import { GROUP_URN, type ScimValue } from '../types';
import type { PatchOperation } from './parse-patch';

interface MembershipPlan {
  /** Drop every current membership first. */
  clear: boolean;
  /** Member id → display name (undefined when the IdP sent none). */
  add: Map<string, string | undefined>;
  remove: Set<string>;
}

export interface GroupPatchPlan {
  resourceOps: PatchOperation[];
  members: MembershipPlan;
}

function namesMembers(path: PatchPath): boolean {
  const { uri, attr } = path.path;
  return attr.toLowerCase() === 'members' && (uri === undefined || uri.toLowerCase() === GROUP_URN.toLowerCase());
}

/** `value eq "x"`, or several of those joined by `or` (Okta and Entra's aadOptscim062020 remove). */
function filterValues(node: FilterNode): string[] {
  if (node.kind === 'or') return [...filterValues(node.left), ...filterValues(node.right)];
  if (node.kind === 'compare' && node.op === 'eq' && !node.path.sub && node.path.attr.toLowerCase() === 'value') {
    if (typeof node.value === 'string') return [node.value];
  }
  throw badRequest('invalidFilter', 'A members filter may only compare "value eq" (optionally joined by "or")');
}

class Planner {
  readonly plan: MembershipPlan = { clear: false, add: new Map(), remove: new Set() };
  /** Members named so far, across operations (each is a row to write or delete). */
  private named = 0;

  private count(n: number): void {
    this.named += n;
    checkMemberCount(this.named);
  }

  add(raw: ScimValue | undefined, label: string): void {
    const members = parseMemberList(raw, label);
    this.count(members.length);
    for (const m of members) {
      this.plan.remove.delete(m.value);
      // A repeated add without a display name keeps the one an earlier operation supplied.
      this.plan.add.set(m.value, m.display ?? this.plan.add.get(m.value));
    }
  }

  remove(ids: string[]): void {
    this.count(ids.length);
    for (const id of ids) {
      this.plan.add.delete(id);
      this.plan.remove.add(id);
    }
  }

  clear(): void {
    this.plan.clear = true;
    this.plan.add.clear();
    this.plan.remove.clear();
  }
}

function planMembersOp(planner: Planner, op: PatchOperation, path: PatchPath, label: string): void {
  if (path.path.sub || path.subAttr) throw badRequest('invalidPath', `${label}: members sub-attributes cannot be patched`);
  if (path.filter) {
    const ids = filterValues(path.filter);
    if (op.op !== 'remove') throw badRequest('invalidPath', `${label}: a members filter is only supported with "remove"`);
    return planner.remove(ids);
  }
  if (op.op === 'add') return planner.add(op.value, `${label}.value`);
  if (op.op === 'replace') {
    // Okta's full push: the list becomes exactly these members.
    planner.clear();
    return planner.add(op.value, `${label}.value`);
  }
  // Entra's default job removes with a value list, meaning just those members; RFC 7644 §3.5.2.2's remove
  // without a filter (no value) removes them all. An empty list removes nothing.
  if (op.value === undefined || op.value === null) return planner.clear();
  planner.remove(parseMemberList(op.value, `${label}.value`).map((m) => m.value));
}

export function planGroupPatch(ops: PatchOperation[]): GroupPatchPlan {
  const planner = new Planner();
  const resourceOps: PatchOperation[] = [];
  ops.forEach((op, i) => {
    const label = `Operations[${i}]`;
    if (op.path) {
      if (namesMembers(op.path)) planMembersOp(planner, op, op.path, label);
      else resourceOps.push(op);
      return;
    }
    // Path-less add/replace may carry `members` next to other attributes.
    const key = isScimObject(op.value) ? findKey(op.value, 'members') : undefined;
    if (key === undefined || !isScimObject(op.value)) return resourceOps.push(op);
    const { [key]: members, ...rest } = op.value;
    planMembersOp(planner, { op: op.op, value: members }, { path: { attr: 'members' } }, label);
    if (Object.keys(rest).length > 0) resourceOps.push({ ...op, value: rest });
  });
  return { resourceOps, members: planner.plan };
}
