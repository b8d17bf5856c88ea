// POST /scim/v2/{directoryId}/.search: RFC 7644 §3.4.3, a query at the server root, over every resource type
// (§3.4.2.1): Users, then Groups, paged as one list. For each type, an attribute it does not have reads as absent
// (`displayName pr or nickName eq "x"` finds every group); a filter naming no attribute of either type is 400.
import { userAttrsOf } from '../attributes/host-attrs';
import { scan } from '../db/database';
import { listGroups } from '../directory/groups/reads';
import { listUsers } from '../directory/users/reads';
import type { ScimContext } from './context';
import { GROUP_ATTRS } from './filter/resource-attrs';
import { renderGroups } from './groups-endpoint';
import { withMemberStreams } from './member-stream';
import type { ListParams } from './list-params';
import { pageQuery, wholePage } from './list-query';
import { wantsAttribute } from './responses';
import { listResponse } from './serialize';
import type { ScimResponse } from './types';
import { renderUser } from './users-endpoint';

export async function searchRoot(ctx: ScimContext, params: ListParams): Promise<ScimResponse> {
  const withGroups = wantsAttribute('groups', params.attributes, params.excludedAttributes);
  // Checked now: a sortBy either type cannot sort by is 400 invalidValue.
  const userAttrs = userAttrsOf(ctx.userExtension);
  const strict = [pageQuery(ctx.directoryId, params, userAttrs, 'u').page, pageQuery(ctx.directoryId, params, GROUP_ATTRS, 'g').page];
  const userPage = pageQuery(ctx.directoryId, params, userAttrs, 'u', { unknownAsAbsent: true }).page;
  const groupPage = pageQuery(ctx.directoryId, params, GROUP_ATTRS, 'g', { unknownAsAbsent: true }).page;
  // A search over both types: one index rarely bounds both (`userName eq` reads every group as absent), and IdPs
  // don't send it, so it is always read as a scan.
  const found = await scan(function* (env) {
    const refusals = strict.map((page) => {
      try {
        page(env.dialect);
        return null;
      } catch (e) {
        return e;
      }
    });
    if (refusals.every((e) => e !== null)) throw refusals[0];
    const users = wholePage(yield* listUsers(env, { ...userPage(env.dialect), withGroups }));
    // Groups follow the users: the page's rest comes from the first groups past the users it skipped.
    const offset = Math.max(0, params.startIndex - 1 - users.total);
    const limit = params.count - users.users.length;
    const groups = wholePage(yield* listGroups(env, { ...groupPage(env.dialect), offset, limit }));
    return { users, groups };
  });
  const groups = await renderGroups(ctx, found.groups.groups, params);
  const resources = [...found.users.users.map((x) => renderUser(ctx, x.row, x.groups, params)), ...groups.resources];
  return withMemberStreams(
    { status: 200, headers: {}, body: listResponse(resources, found.users.total + found.groups.total, params.startIndex) },
    groups.fills,
  );
}
