import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type RenderOptions, render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { LocalisedMantine } from '../app/Providers';

interface TestProvidersProps {
  client: QueryClient;
  /** Initial route of a MemoryRouter; null when the UI brings its own router. */
  route: string | null;
  children: ReactNode;
}

function TestProviders({ client, route, children }: TestProvidersProps) {
  return (
    <QueryClientProvider client={client}>
      <LocalisedMantine env="test">
        {route === null ? children : <MemoryRouter initialEntries={[route]}>{children}</MemoryRouter>}
      </LocalisedMantine>
    </QueryClientProvider>
  );
}

/** Renders inside the same providers as the app (fresh query client, in-memory router). */
export function renderWithProviders(
  ui: ReactElement,
  { route = '/', ...options }: RenderOptions & { route?: string | null } = {},
) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Number.POSITIVE_INFINITY } },
  });
  const result = render(
    <TestProviders client={queryClient} route={route}>
      {ui}
    </TestProviders>,
    options,
  );
  return { queryClient, ...result };
}

/** A JSON `Response` (problem+json for error statuses). */
export function jsonResponse(data: unknown, status = 200) {
  return new Response(JSON.stringify(data), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}
