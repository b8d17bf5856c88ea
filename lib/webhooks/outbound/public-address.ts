// Which IP addresses a webhook may reach: global unicast only, parsed by ipaddr.js (every notation it accepts is
// canonicalised first), never by hand-written patterns. Addresses that embed an IPv4 address (IPv4-mapped, NAT64's
// well-known prefix) are judged by the IPv4 address they lead to.
import ipaddr from 'ipaddr.js';

const NAT64_WELL_KNOWN = ipaddr.parseCIDR('64:ff9b::/96');
// Only 2000::/3 holds global unicast; ipaddr.js calls some addresses outside it 'unicast' (IPv4-compatible ::/96,
// unassigned space), so anything outside it is refused.
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

function publicV4(a: ipaddr.IPv4): boolean {
  return a.range() === 'unicast';
}

/** True when `ip` (any notation ipaddr.js parses) is a global unicast address a webhook may be sent to. */
export function isPublicAddress(ip: string): boolean {
  let bare = ip.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(bare) || bare.includes('%')) return false; // zone ids name an interface: link-local
  // ipaddr.js reads `::a.b.c.d` as IPv4-mapped; the WHATWG URL parser writes every IPv6 form out exactly.
  if (bare.includes(':')) bare = new URL(`http://[${bare}]/`).hostname.slice(1, -1);
  const a = ipaddr.parse(bare);
  if (a.kind() === 'ipv4') return publicV4(a as ipaddr.IPv4);
  const v6 = a as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return publicV4(v6.toIPv4Address());
  if (v6.match(NAT64_WELL_KNOWN)) return publicV4(ipaddr.fromByteArray(v6.toByteArray().slice(12)) as ipaddr.IPv4);
  return v6.match(GLOBAL_UNICAST_V6) && v6.range() === 'unicast';
}
