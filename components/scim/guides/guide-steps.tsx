import type { ReactNode } from 'react';
import type { SetupStepId } from '@/lib/client/types';

export interface GuideStep {
  title: string;
  body: ReactNode;
  /** The live setup check's step that shows this one was done (the IdP's own request proves it). */
  check?: SetupStepId;
}

export type StepsDone = Partial<Record<SetupStepId, boolean>>;

/** Numbered steps; each is a heading so screen-reader users can jump between them; a step the IdP proved is ticked. */
export function GuideSteps({ steps, done = {} }: { steps: GuideStep[]; done?: StepsDone }) {
  return (
    <ol className="space-y-6">
      {steps.map((s, i) => {
        const ok = s.check !== undefined && done[s.check] === true;
        return (
          <li key={s.title} className="flex gap-4">
            <span
              aria-hidden="true"
              className={
                ok
                  ? 'grid size-7 shrink-0 place-items-center rounded-full bg-emerald-600 text-xs font-semibold text-white'
                  : 'grid size-7 shrink-0 place-items-center rounded-full bg-accent text-xs font-semibold text-accent-fg'
              }
            >
              {ok ? '✓' : i + 1}
            </span>
            <div className="min-w-0 flex-1">
              <h3 className="text-sm font-semibold text-slate-900">
                <span className="sr-only">Step {i + 1}: </span>
                {s.title}
                {ok ? (
                  <span className="ml-2 rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-emerald-200">Done</span>
                ) : null}
              </h3>
              <div className="guide-body mt-1.5 space-y-2 text-sm leading-6 text-slate-700">{s.body}</div>
            </div>
          </li>
        );
      })}
    </ol>
  );
}

/** An on-screen control name in the IdP's UI. */
export function Ui({ children }: { children: ReactNode }) {
  return <strong className="font-semibold text-slate-900">{children}</strong>;
}

/** A troubleshooting table: what the IdP shows, and what to do. */
export function Troubleshooting({ items }: { items: { shows: ReactNode; fix: ReactNode }[] }) {
  return (
    <section aria-labelledby="troubleshooting-title" className="mt-8 border-t border-slate-200 pt-6">
      <h3 id="troubleshooting-title" className="text-sm font-semibold text-slate-900">
        Troubleshooting
      </h3>
      <dl className="mt-3 space-y-3 text-sm leading-6">
        {items.map((it, i) => (
          <div key={i}>
            <dt className="font-medium text-slate-900">{it.shows}</dt>
            <dd className="text-slate-700">{it.fix}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
