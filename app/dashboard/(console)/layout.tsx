// Signed-in dashboard pages: the session check and the frame. Each page checks the session again itself, since a
// layout is not re-run on client navigation and must not be the only guard.
import type { ReactNode } from 'react';
import { DashboardShell } from '@/components/dashboard/dashboard-shell';
import { requireOperator } from '@/lib/operators/session';

export const dynamic = 'force-dynamic';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const operator = await requireOperator();
  return <DashboardShell email={operator.email}>{children}</DashboardShell>;
}
