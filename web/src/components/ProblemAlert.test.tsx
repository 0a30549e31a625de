import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api';
import { renderWithProviders } from '../test/render';
import { ProblemAlert } from './ProblemAlert';

describe('ProblemAlert', () => {
  it('renders title, detail and field errors of an ApiError', () => {
    const error = new ApiError({
      type: 'about:blank',
      title: 'Nieprawidłowe dane',
      detail: 'Popraw zaznaczone pola.',
      status: 400,
      code: 'validation_failed',
      errors: [{ field: 'query.limit', code: 'too_big', message: 'Maksymalnie 500' }],
    });
    renderWithProviders(
      <ProblemAlert error={error} fieldLabel={(f) => (f === 'query.limit' ? 'Limit' : f)} />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Nieprawidłowe dane');
    expect(screen.getByText('Popraw zaznaczone pola.')).toBeInTheDocument();
    expect(screen.getByText('Popraw następujące pola:')).toBeInTheDocument();
    expect(screen.getByText('Limit')).toBeInTheDocument();
    expect(screen.getByText(/Maksymalnie 500/)).toBeInTheDocument();
  });

  it('offers a retry only when retrying can help', async () => {
    const notFound = new ApiError({
      type: 'about:blank',
      title: 'Nie znaleziono',
      status: 404,
      code: 'not_found',
    });
    const { unmount } = renderWithProviders(<ProblemAlert error={notFound} onRetry={() => {}} />);
    expect(screen.queryByRole('button', { name: 'Spróbuj ponownie' })).not.toBeInTheDocument();
    unmount();
    const down = new ApiError({
      type: 'about:blank',
      title: 'Błąd',
      status: 503,
      code: 'service_unavailable',
    });
    renderWithProviders(<ProblemAlert error={down} onRetry={() => {}} />);
    expect(screen.getByRole('button', { name: 'Spróbuj ponownie' })).toBeInTheDocument();
  });

  it('falls back to a generic title for other errors', () => {
    renderWithProviders(<ProblemAlert error={new Error('boom')} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Coś poszło nie tak');
    expect(screen.getByText('boom')).toBeInTheDocument();
  });
});
