import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../../test/render';
import { CASE_ID, makeCase, makeDiagnosis, sentBodies, stubFetch } from '../casePage.fixtures';
import { DiagnosisSection } from './DiagnosisSection';

let fetchMock: ReturnType<typeof stubFetch>;
let history: () => unknown;
let post: () => Response;

const v1 = makeDiagnosis();
const v2 = makeDiagnosis({
  id: '0190b000-0000-7000-8000-000000000d02',
  versionNo: 2,
  areas: { ...v1.areas, causes: 'Utrata pracy i choroba matki.' },
  author: { id: '0190a000-0000-7000-8000-0000000000ab', name: 'Ewa Zając' },
  createdAt: '2026-01-21T08:00:00.000Z',
});
const ref = (d: typeof v1) => ({
  id: d.id,
  versionNo: d.versionNo,
  author: d.author,
  createdAt: d.createdAt,
});

beforeEach(() => {
  sessionStorage.clear();
  history = () => ({ current: v1, versions: [ref(v1)] });
  post = () => jsonResponse(makeDiagnosis({ versionNo: 2 }), 201);
  fetchMock = stubFetch((url, init) => {
    if (url.pathname === `/api/cases/${CASE_ID}/diagnosis`)
      return init?.method === 'POST' ? post() : jsonResponse(history());
    if (url.pathname === `/api/cases/${CASE_ID}/diagnosis/1`) return jsonResponse(v1);
    return undefined;
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

function renderSection(route = `/sprawy/${CASE_ID}?zakladka=diagnoza`) {
  return renderWithProviders(
    <Routes>
      <Route path="/sprawy/:id" element={<DiagnosisSection data={makeCase()} />} />
    </Routes>,
    { route },
  );
}

describe('DiagnosisSection', { timeout: 20_000 }, () => {
  it('shows the current version by the four areas and opens an earlier one read-only', async () => {
    const user = userEvent.setup();
    renderSection();
    expect(
      await screen.findByRole('heading', { name: '1. Przyczyny i źródła trudnej sytuacji' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Utrata pracy w 2025 r.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '2. Mocne i słabe strony' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Rodzinny wywiad środowiskowy' })).toBeInTheDocument();
    // Only the filled sections of the interview are listed.
    expect(screen.queryByRole('button', { name: 'Uzależnienia' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Otwórz wersję 1' }));
    const dialog = await screen.findByRole('dialog', { name: 'Diagnoza — wersja 1' });
    expect(await within(dialog).findByText('Kontrakt socjalny wariant B.')).toBeInTheDocument();
    expect(within(dialog).queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('after a 409 shows the newer version, keeps the draft and saves on top of the newer one', async () => {
    post = () =>
      jsonResponse(
        { type: 'about:blank', title: 'Konflikt', status: 409, code: 'conflict', detail: 'Nowsza wersja.' },
        409,
      );
    const user = userEvent.setup();
    renderSection(`/sprawy/${CASE_ID}?zakladka=diagnoza&edycja=diagnoza`);
    const needs = await screen.findByRole('textbox', { name: 'Potrzeby' }, { timeout: 5000 });
    await user.clear(needs);
    await user.click(needs);
    await user.paste('Praca i mieszkanie');

    history = () => ({ current: v2, versions: [ref(v1), ref(v2)] });
    await user.click(screen.getByRole('button', { name: 'Zapisz nową wersję' }));
    const alert = (await screen.findByText('Ktoś zapisał nowszą wersję diagnozy')).closest('[role="alert"]');
    expect(alert).not.toBeNull();
    expect(alert).toHaveTextContent('Ewa Zając');
    expect(await screen.findByRole('heading', { name: 'Aktualna wersja 2' })).toBeInTheDocument();
    expect(screen.getByText('Utrata pracy i choroba matki.')).toBeInTheDocument();
    // The user's text is still in the form.
    expect(screen.getByRole('textbox', { name: 'Potrzeby' })).toHaveValue('Praca i mieszkanie');

    post = () => jsonResponse(makeDiagnosis({ versionNo: 3 }), 201);
    await user.click(screen.getByRole('button', { name: 'Zapisz moją wersję jako najnowszą' }));
    await waitFor(() => expect(sentBodies(fetchMock, 'POST', '/diagnosis')).toHaveLength(2));
    const [first, second] = sentBodies(fetchMock, 'POST', '/diagnosis') as {
      basedOn: number;
      areas: Record<string, string | null>;
    }[];
    expect(first?.basedOn).toBe(1);
    expect(second?.basedOn).toBe(2);
    expect(second?.areas.needs).toBe('Praca i mieszkanie');
  });
});
