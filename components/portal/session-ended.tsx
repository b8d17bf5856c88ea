// The page shown for a used, expired or forged link and for an ended session: what happened and what to do, never
// a stack trace.
const REASONS: Record<string, { title: string; body: string }> = {
  used: { title: 'This link has already been used', body: 'Portal links work once, so that a link that leaks cannot be reused.' },
  expired: { title: 'This link has expired', body: 'Portal links must be opened within 5 minutes of being created.' },
  invalid: { title: 'This link is not valid', body: 'The link is incomplete or was not issued by this portal.' },
  ended: {
    title: 'Your session has ended',
    body: 'Portal sessions last at most 6 hours. They end when the browser tab is closed, or when your application ends them.',
  },
  error: { title: 'The portal could not be opened', body: 'Something went wrong on our side while opening your session.' },
};

export function SessionEnded({ reason }: { reason: string }) {
  const r = REASONS[reason] ?? REASONS.invalid;
  return (
    <main className="mx-auto flex max-w-lg flex-col items-center px-6 py-16 text-center">
      <div aria-hidden="true" className="grid size-12 place-items-center rounded-full bg-amber-100 text-amber-800">
        <svg viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="1.8">
          <path
            d="M12 8v5m0 3h.01M10.3 3.9 2.4 17.5A2 2 0 0 0 4.1 20.5h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      </div>
      <h1 className="mt-4 text-xl font-semibold text-slate-900">{r.title}</h1>
      <p className="mt-2 text-sm text-slate-600">{r.body}</p>
      <p className="mt-4 rounded-md bg-white px-4 py-3 text-sm font-medium text-slate-800 ring-1 ring-slate-200">
        To continue, go back to your application and ask your application for a new link (open the admin portal again from its settings).
      </p>
    </main>
  );
}
