import type { ReactNode } from 'react';
import { cx } from './cx';

export function Card({
  children,
  className,
  as: As = 'section',
  labelledBy,
}: {
  children: ReactNode;
  className?: string;
  as?: 'section' | 'div';
  labelledBy?: string;
}) {
  return (
    <As aria-labelledby={labelledBy} className={cx('rounded-lg border border-slate-200 bg-white shadow-sm', className)}>
      {children}
    </As>
  );
}

export function CardHeader({
  title,
  description,
  actions,
  id,
  level = 2,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  id?: string;
  level?: 2 | 3;
}) {
  const H = level === 2 ? 'h2' : 'h3';
  return (
    <div className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 px-4 py-4 sm:px-6">
      <div className="min-w-0">
        <H id={id} className="text-base font-semibold text-slate-900">
          {title}
        </H>
        {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap items-center gap-2 max-sm:w-full">{actions}</div> : null}
    </div>
  );
}

export function CardBody({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={cx('px-4 py-4 sm:px-6', className)}>{children}</div>;
}
