// The operator dashboard's frame: product name, sections, who is signed in. Same slate palette and system font
// as the portal, so staff moving between the two see one product.
import type { ReactNode } from 'react';
import { DashboardNav } from './dashboard-nav';
import { SignOutButton } from './sign-out-button';

export function DashboardShell({ email, children }: { email: string; children: ReactNode }) {
  return (
    <div className="min-h-screen bg-slate-50 text-slate-900">
      <a
        href="#dashboard-main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus-ring"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 pt-3 sm:px-6">
          <div className="flex min-w-0 items-center gap-3">
            <span aria-hidden="true" className="grid size-8 place-items-center rounded-md bg-slate-900 text-sm font-bold text-white">
              S
            </span>
            <div className="min-w-0">
              <p className="truncate text-sm font-semibold text-slate-900">scim-portal</p>
              <p className="truncate text-xs text-slate-600">Operator dashboard</p>
            </div>
          </div>
          <div className="flex min-w-0 items-center gap-2">
            <span className="truncate text-sm text-slate-600" title={email}>
              {email}
            </span>
            <SignOutButton />
          </div>
        </div>
        <div className="mx-auto max-w-6xl px-4 py-2 sm:px-6">
          <DashboardNav />
        </div>
      </header>
      <main id="dashboard-main" className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
        {children}
      </main>
    </div>
  );
}

export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
      <div className="min-w-0">
        <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
        {description ? <p className="mt-1 max-w-2xl text-sm text-slate-600">{description}</p> : null}
      </div>
      {actions}
    </div>
  );
}
