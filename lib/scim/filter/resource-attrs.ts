// The filter and sort allow-lists of Users and Groups, from what backs each attribute (the entities' columns).
import { GROUP_BACKINGS } from '../../directory/groups/columns';
import { USER_BACKINGS } from '../../directory/users/columns';
import { buildAttrs } from './attributes';

export const USER_ATTRS = buildAttrs(USER_BACKINGS);
export const GROUP_ATTRS = buildAttrs(GROUP_BACKINGS);
