// /portal/link: where the link page's address points once the link has left it; a reload goes on to the portal.
import { redirect } from 'next/navigation';

export const dynamic = 'force-dynamic';

export default function PortalLinkDone() {
  redirect('/portal/scim');
}
