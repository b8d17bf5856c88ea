import type { ReactNode } from 'react';

export interface GuideStep {
  title: string;
  body: ReactNode;
}

/** Numbered steps; each is a heading so screen-reader users can jump between them. */
export function GuideSteps({ steps }: { steps: GuideStep[] }) {
  return (
    <ol className="space-y-6">
      {steps.map((s, i) => (
        <li key={s.title} className="flex gap-4">
          <span aria-hidden="true" className="grid size-7 shrink-0 place-items-center rounded-full bg-accent text-xs font-semibold text-accent-fg">
            {i + 1}
          </span>
          <div className="min-w-0 flex-1">
            <h3 className="text-sm font-semibold text-slate-900">
              <span className="sr-only">Step {i + 1}: </span>
              {s.title}
            </h3>
            <div className="guide-body mt-1.5 space-y-2 text-sm leading-6 text-slate-700">{s.body}</div>
          </div>
        </li>
      ))}
    </ol>
  );
}

/** An on-screen control name in the IdP's UI. */
export function Ui({ children }: { children: ReactNode }) {
  return <strong className="font-semibold text-slate-900">{children}</strong>;
}
