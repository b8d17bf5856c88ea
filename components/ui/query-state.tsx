// The loading and error halves of a query's UI, so every table and page shows them the same way.
import type { ReactNode } from 'react';
import { Alert } from './alert';
import { Button } from './button';
import { Spinner } from './spinner';

export function QueryState({
  isPending,
  error,
  onRetry,
  children,
  label = 'Loading',
}: {
  isPending: boolean;
  error: Error | null;
  onRetry?: () => void;
  children: ReactNode;
  label?: string;
}) {
  if (isPending) {
    return (
      <div className="flex justify-center px-4 py-10">
        <Spinner label={label} />
      </div>
    );
  }
  if (error) {
    const notFound = (error as Error & { status?: number }).status === 404;
    return (
      <div className="p-4">
        <Alert tone="danger" title={notFound ? 'Not found' : 'Something went wrong'}>
          <p>{notFound ? 'This item does not exist in your organization, or it was removed.' : error.message}</p>
          {onRetry && !notFound ? (
            <Button variant="secondary" size="sm" className="mt-2" onClick={onRetry}>
              Try again
            </Button>
          ) : null}
        </Alert>
      </div>
    );
  }
  return <>{children}</>;
}
