// The IdPs' marks, static files in public/providers: simple lettermarks (their real logos are trademarks the portal
// does not ship). Decorative: the provider's name is always written beside it.
import Image from 'next/image';
import type { ProviderKey } from '@/lib/client/types';

const MARKED: ReadonlySet<string> = new Set<ProviderKey>(['okta', 'entra', 'onelogin', 'jumpcloud', 'pingidentity', 'generic']);

export function ProviderMark({ provider }: { provider: ProviderKey }) {
  const key = MARKED.has(provider) ? provider : 'generic';
  // unoptimized: an SVG needs no resizing, and the image optimizer would refuse it.
  return <Image src={`/providers/${key}.svg`} alt="" width={36} height={36} unoptimized className="size-9 shrink-0 rounded-md" />;
}
