'use client';
// React Query for the portal, and one place that notices a 401: the session ended (expired, or a new deploy
// changed the secret), so the whole portal shows the "session ended" page instead of broken tables.
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { PortalApiError } from '@/lib/client/portal-fetch';

const EndedContext = createContext<{ ended: boolean; end: () => void }>({ ended: false, end: () => {} });

export function useSessionEnded() {
  return useContext(EndedContext);
}

export function PortalProviders({ children }: { children: ReactNode }) {
  const [ended, setEnded] = useState(false);
  const [client] = useState(() => {
    const onError = (e: Error) => {
      if (e instanceof PortalApiError && e.status === 401) setEnded(true);
    };
    return new QueryClient({
      queryCache: new QueryCache({ onError }),
      mutationCache: new MutationCache({ onError }),
      defaultOptions: {
        queries: {
          refetchOnWindowFocus: false,
          staleTime: 10_000,
          // 4xx answers are final; only network and server errors are worth another try.
          retry: (n, e) => !(e instanceof PortalApiError && e.status >= 400 && e.status < 500) && n < 2,
        },
      },
    });
  });
  return (
    <EndedContext.Provider value={{ ended, end: () => setEnded(true) }}>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </EndedContext.Provider>
  );
}
