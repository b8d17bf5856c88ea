'use client';
// The portal frame: the host's brand, the organization, the session clock and the navigation. Brand colours come
// from the server (PORTAL_BRAND_*) as CSS variables on this root.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { CSSProperties, ReactNode } from 'react';
import { cx } from '../ui/cx';
import { useSession } from './session-gate';
import { SessionTimer } from './session-timer';

const NAV = [{ href: '/portal/scim', label: 'SCIM Provisioning' }];

export function PortalShell({ children }: { children: ReactNode }) {
  const session = useSession();
  const pathname = usePathname();
  const { brand } = session;
  const style = { '--portal-accent': brand.accent, '--portal-accent-fg': brand.accentForeground } as CSSProperties;
  const framed = typeof window !== 'undefined' && window.parent !== window;
  return (
    <div style={style} className="bg-slate-50 text-slate-900">
      <a
        href="#portal-main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus-ring"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
          <div className="flex min-w-0 items-center gap-3">
            {brand.logoUrl ? (
              // eslint-disable-next-line @next/next/no-img-element -- host logos are arbitrary URLs, not optimisable assets
              <img src={brand.logoUrl} alt="" className="size-8 rounded object-contain" />
            ) : (
              <span aria-hidden="true" className="grid size-8 place-items-center rounded-md bg-accent text-sm font-bold text-accent-fg">
                {brand.name.slice(0, 1).toUpperCase()}
              </span>
            )}
            <div className="min-w-0">
              <p className="truncate text-sm font-semibold text-slate-900">{brand.name}</p>
              <p className="truncate text-xs text-slate-600">{session.organization.name}</p>
            </div>
          </div>
          <div className="flex items-center gap-4">
            <SessionTimer expiresAt={session.expiresAt} />
            {session.returnUrl && !framed ? (
              <a href={session.returnUrl} className="text-sm font-medium text-slate-700 underline-offset-4 hover:underline focus-ring rounded">
                Back to {brand.name}
              </a>
            ) : null}
          </div>
        </div>
      </header>
      <div className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-6 sm:px-6 md:flex-row">
        <nav aria-label="Portal" className="md:w-52 md:shrink-0">
          <ul className="flex gap-1 md:flex-col">
            {NAV.map((item) => {
              const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={active ? 'page' : undefined}
                    className={cx(
                      'flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium focus-ring',
                      active ? 'bg-white text-slate-900 shadow-sm ring-1 ring-slate-200' : 'text-slate-700 hover:bg-white',
                    )}
                  >
                    <span aria-hidden="true" className={cx('size-2 rounded-full', active ? 'bg-accent' : 'bg-slate-300')} />
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <main id="portal-main" className="min-w-0 flex-1">
          {children}
        </main>
      </div>
    </div>
  );
}
