'use client';
// A page that failed to load (database down, bug): say so and offer a retry; the details stay in the server log.
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

export default function DashboardError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Alert tone="danger" title="This page could not be loaded">
      <p>Something went wrong on the server. Try again; if it keeps failing, check the app&apos;s log.</p>
      <Button variant="secondary" size="sm" className="mt-2" onClick={reset}>
        Try again
      </Button>
    </Alert>
  );
}
