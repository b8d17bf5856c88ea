// /portal → the only feature so far. A redirect keeps any #s= fragment (browsers carry it across redirects).
import { redirect } from 'next/navigation';

export default function PortalHome() {
  redirect('/portal/scim');
}
