// Everything under /dashboard: the host's staff only, never indexed.
import type { Metadata } from 'next';
import type { ReactNode } from 'react';

export const metadata: Metadata = { title: { default: 'Operator dashboard', template: '%s · Operator dashboard' }, robots: { index: false, follow: false } };

export default function DashboardRootLayout({ children }: { children: ReactNode }) {
  return children;
}
