'use client';
// The dashboard's sections; the current one is marked with aria-current. Scrolls sideways at 360 px.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cx } from '../ui/cx';

const ITEMS = [
  { href: '/dashboard', label: 'Organizations' },
  { href: '/dashboard/api-keys', label: 'API keys' },
  { href: '/dashboard/webhooks', label: 'Webhooks' },
  { href: '/dashboard/roles', label: 'Roles' },
  { href: '/dashboard/user-fields', label: 'User fields' },
  { href: '/dashboard/operators', label: 'Operators' },
  { href: '/dashboard/audit', label: 'Audit log' },
];

export function DashboardNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Dashboard" className="overflow-x-auto">
      <ul className="flex gap-1">
        {ITEMS.map((item) => {
          const active =
            item.href === '/dashboard' ? pathname === item.href || pathname.startsWith('/dashboard/organizations') : pathname.startsWith(item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? 'page' : undefined}
                className={cx(
                  'block whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium focus-ring',
                  active ? 'bg-slate-900 text-white' : 'text-slate-700 hover:bg-slate-100',
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
