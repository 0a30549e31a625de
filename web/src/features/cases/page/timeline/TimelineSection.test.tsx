import type { TimelineEntry } from '@kooperacja/domain';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatDateTime } from '../../../../lib/format';
import { jsonResponse, renderWithProviders } from '../../../../test/render';
import { CASE_ID, makeCase, sentBodies, stubFetch, WORKER_ID } from '../casePage.fixtures';
import { TimelineSection } from './TimelineSection';

const entry = (n: number, overrides: Partial<TimelineEntry> = {}): TimelineEntry => ({
  id: `0190b000-0000-7000-8000-0000000001${String(n).padStart(2, '0')}`,
  kind: 'wizyta',
  occurredAt: `2026-02-${String(n).padStart(2, '0')}T10:30:00.000+01:00`,
  title: `Wizyta ${n}`,
  body: null,
  sensitive: false,
  author: { id: WORKER_ID, name: 'Anna Nowak' },
  attachments: [],
  createdAt: '2026-02-01T10:30:00.000Z',
  ...overrides,
});

/** A stand-in for XMLHttpRequest: answers each upload with an attachment after reporting progress. */
class FakeXhr {
  static sent: { url: string; headers: Record<string, string> }[] = [];
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } =
    {
      onprogress: null,
    };
  status = 0;
  responseText = '';
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  private url = '';
  private headers: Record<string, string> = {};
  open(_method: string, url: string) {
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  abort() {}
  send(file: File) {
    FakeXhr.sent.push({ url: this.url, headers: this.headers });
    setTimeout(() => {
      this.upload.onprogress?.({ lengthComputable: true, loaded: file.size / 2, total: file.size });
      this.status = 201;
      this.responseText = JSON.stringify({
        id: '0190b000-0000-7000-8000-000000000f99',
        filename: file.name,
        mimeType: file.type,
        size: file.size,
        createdAt: '2026-02-01T10:30:00.000Z',
      });
      this.onload?.();
    }, 10);
  }
}

let fetchMock: ReturnType<typeof stubFetch>;

beforeEach(() => {
  sessionStorage.clear();
  FakeXhr.sent = [];
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  fetchMock = stubFetch((url, init) => {
    if (url.pathname !== `/api/cases/${CASE_ID}/timeline`) return undefined;
    if (init?.method === 'POST') return jsonResponse(entry(20), 201);
    const before = url.searchParams.get('before');
    const kind = url.searchParams.get('kind');
    if (kind === 'telefon') return jsonResponse({ items: [], nextBefore: null });
    return before
      ? jsonResponse({ items: [entry(3)], nextBefore: null })
      : jsonResponse({
          items: [
            entry(9, {
              kind: 'notatka',
              title: 'Notatka o zdrowiu',
              body: 'Treść notatki',
              sensitive: true,
              attachments: [
                {
                  id: '0190b000-0000-7000-8000-000000000f01',
                  filename: 'zaswiadczenie.pdf',
                  mimeType: 'application/pdf',
                  size: 20480,
                  createdAt: '2026-02-09T10:00:00.000Z',
                },
              ],
            }),
            entry(5),
          ],
          nextBefore: '2026-02-05T09:30:00.000Z',
        });
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('TimelineSection', { timeout: 20_000 }, () => {
  it('lists entries newest first with date, author, the sensitive mark and attachments; loads older ones', async () => {
    const user = userEvent.setup();
    renderWithProviders(<TimelineSection data={makeCase()} />);
    const list = await screen.findByRole('list', { name: 'Wpisy, od najnowszego' });
    const items = within(list).getAllByRole('listitem', { name: /Notatka|Wizyta/ });
    expect(items.map((i) => within(i).getByRole('heading').textContent)).toEqual([
      'Notatka o zdrowiu',
      'Wizyta 5',
    ]);
    expect(items[0]).toHaveTextContent(formatDateTime('2026-02-09T10:30:00.000+01:00'));
    expect(items[0]).toHaveTextContent('Anna Nowak');
    expect(items[0]).toHaveTextContent('Wpis poufny');
    expect(within(items[0] as HTMLElement).getByRole('link', { name: 'zaswiadczenie.pdf' })).toHaveAttribute(
      'href',
      `/api/cases/${CASE_ID}/attachments/0190b000-0000-7000-8000-000000000f01`,
    );

    await user.click(screen.getByRole('button', { name: 'Załaduj starsze' }));
    expect(await within(list).findByRole('heading', { name: 'Wizyta 3' })).toBeInTheDocument();
    expect(
      fetchMock.mock.calls.some(([u]) => String(u).includes('before=2026-02-05T09%3A30%3A00.000Z')),
    ).toBe(true);
    expect(screen.queryByRole('button', { name: 'Załaduj starsze' })).not.toBeInTheDocument();
  });

  it('uploads the files first, then adds the entry with their ids', async () => {
    const user = userEvent.setup();
    renderWithProviders(<TimelineSection data={makeCase()} />);
    await user.click(await screen.findByRole('button', { name: 'Dodaj wpis' }));
    const form = await screen.findByRole('form', { name: 'Nowy wpis w przebiegu sprawy' });
    const when = within(form).getByLabelText(/Data i godzina/);
    expect((when as HTMLInputElement).value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    await user.click(within(form).getByLabelText(/^Tytuł/));
    await user.paste('Wizyta w miejscu zamieszkania');
    await user.click(within(form).getByLabelText(/^Wpis poufny/));
    const file = new File(['%PDF-1.4'], 'skan.pdf', { type: 'application/pdf' });
    const input = form.querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(input, file);
    expect(await within(form).findByRole('list', { name: 'Wybrane pliki' })).toHaveTextContent(
      'skan.pdf (8 B)',
    );

    await user.click(within(form).getByRole('button', { name: 'Zapisz wpis' }));
    await waitFor(() => expect(sentBodies(fetchMock, 'POST', '/timeline')).toHaveLength(1));
    expect(FakeXhr.sent).toHaveLength(1);
    expect(FakeXhr.sent[0]?.url).toBe(`/api/cases/${CASE_ID}/attachments?filename=skan.pdf`);
    expect(FakeXhr.sent[0]?.headers['Content-Type']).toBe('application/pdf');
    const body = sentBodies(fetchMock, 'POST', '/timeline')[0] as Record<string, unknown>;
    expect(body).toMatchObject({
      kind: 'wizyta',
      title: 'Wizyta w miejscu zamieszkania',
      body: null,
      sensitive: true,
      attachmentIds: ['0190b000-0000-7000-8000-000000000f99'],
    });
    expect(body.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00[+-]\d{2}:\d{2}$/);
  });
});
