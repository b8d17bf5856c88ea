// /scim/v2/{directoryId}/{Users|Groups|ServiceProviderConfig|Schemas|ResourceTypes|.search}[/…]: RFC 7644 §3.
import { scimRoute } from '@/lib/scim/scim-route';

export const dynamic = 'force-dynamic';

export { scimRoute as GET, scimRoute as POST, scimRoute as PUT, scimRoute as PATCH, scimRoute as DELETE };
