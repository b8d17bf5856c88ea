// /portal → the only feature so far.
import { redirect } from 'next/navigation';

export default function PortalHome() {
  redirect('/portal/scim');
}
