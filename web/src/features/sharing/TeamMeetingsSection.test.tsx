import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { sentBodies, stubFetch } from '../cases/page/casePage.fixtures';
import {
  CASE_ID,
  INSTITUTION_ID,
  ITEM_ID,
  MEETING_ID,
  makeMeeting,
  makeMeetingList,
  OFFICER_ID,
  OTHER_INSTITUTION_ID,
  OTHER_ITEM_ID,
  WORKER_ID,
} from './sharing.fixtures';
import { TeamMeetingsSection } from './TeamMeetingsSection';

configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  vi.unstubAllGlobals();
});

const SCHOOL_ID = '0190a000-0000-7000-8000-000000000003';
const candidates = {
  workers: [{ id: WORKER_ID, name: 'Paulina Pracowita' }],
  team: [
    {
      institution: { id: OTHER_INSTITUTION_ID, name: 'KPP Bochnia' },
      user: { id: OFFICER_ID, name: 'Piotr Posterunkowy' },
      role: 'dzielnicowy' as const,
    },
    {
      institution: { id: SCHOOL_ID, name: 'SP 1 Bochnia' },
      user: { id: '0190a000-0000-7000-8000-0000000000ac', name: 'Beata Szkolna' },
      role: 'pedagog' as const,
    },
  ],
  family: ['Anna Wiśniewska'],
  ownInstitution: { id: INSTITUTION_ID, name: 'MOPS Bochnia' },
};

describe('"Spotkania zespołu"', { timeout: 30_000 }, () => {
  it('shows a partner its meeting without the minutes when the plan is not shared, and marks its item done', async () => {
    const restricted = makeMeeting({
      minutes: null,
      decisions: null,
      restricted: true,
      actionItems: [makeMeeting().actionItems[0] as ReturnType<typeof makeMeeting>['actionItems'][number]],
    });
    const fetchMock = stubFetch((url, init) => {
      if (url.pathname === `/api/shared-cases/${CASE_ID}/meetings`) return jsonResponse(makeMeetingList());
      if (url.pathname === `/api/shared-cases/${CASE_ID}/meetings/${MEETING_ID}`)
        return jsonResponse(restricted);
      if (url.pathname.endsWith(`/action-items/${ITEM_ID}/done`) && init?.method === 'POST')
        return jsonResponse({ ...restricted.actionItems[0], doneOn: '2026-02-12', overdue: false });
      return undefined;
    });
    const user = userEvent.setup();
    renderWithProviders(<TeamMeetingsSection caseId={CASE_ID} side="partner" headingId="shared-meetings" />);

    const table = await screen.findByRole('table', { name: 'Spotkania zespołu' });
    const row = within(table).getByTestId(`meeting-${MEETING_ID}`);
    expect(within(row).getByText('03.02.2026', { exact: false })).toBeInTheDocument();
    expect(within(row).getByText('Odbyte')).toBeInTheDocument();
    expect(within(row).getByText('KPP Bochnia')).toBeInTheDocument();
    expect(within(row).getByText('2 z 3 obecnych')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Zaplanuj spotkanie' })).not.toBeInTheDocument();

    await user.click(within(row).getByRole('button', { name: 'Spotkanie zespołu: bezpieczeństwo dzieci' }));
    const detail = await screen.findByTestId('meeting-detail');
    const heading = await within(detail).findByRole('heading', {
      level: 3,
      name: /Spotkanie zespołu: bezpieczeństwo dzieci —/,
    });
    // The focus follows to the meeting that opened.
    await waitFor(() => expect(heading).toHaveFocus());
    expect(within(detail).getByTestId('meeting-restricted')).toHaveTextContent(/nie obejmuje planu/);
    expect(within(detail).getByRole('heading', { level: 4, name: 'Porządek spotkania' })).toBeInTheDocument();
    expect(within(detail).queryByRole('heading', { name: 'Protokół' })).not.toBeInTheDocument();
    expect(within(detail).queryByRole('heading', { name: 'Ustalenia' })).not.toBeInTheDocument();
    const attendees = within(detail).getByTestId('meeting-attendees');
    expect(attendees).toHaveTextContent('Piotr Posterunkowy (KPP Bochnia) — obecna/obecny');
    expect(attendees).toHaveTextContent('Anna Wiśniewska (osoba lub członek rodziny) — nieobecna/nieobecny');
    expect(within(detail).queryByRole('button', { name: /Edytuj/ })).not.toBeInTheDocument();

    const item = within(detail).getByTestId(`meeting-item-${ITEM_ID}`);
    expect(within(item).getByText('po terminie')).toBeInTheDocument();
    expect(item).toHaveTextContent('KPP Bochnia — Piotr Posterunkowy · termin 10.02.2026');
    await user.click(within(item).getByRole('checkbox', { name: 'Wykonane: Wizyta u rodziny' }));
    await waitFor(() =>
      expect(
        sentBodies(
          fetchMock,
          'POST',
          `/shared-cases/${CASE_ID}/meetings/${MEETING_ID}/action-items/${ITEM_ID}/done`,
        ),
      ).toEqual([{ done: true }]),
    );
  });

  it('shows the owner the minutes, decisions and every item, with done marks only where allowed', async () => {
    stubFetch((url) => {
      if (url.pathname === `/api/cases/${CASE_ID}/meetings`)
        return jsonResponse(makeMeetingList({ canManage: true, candidates }));
      if (url.pathname === `/api/cases/${CASE_ID}/meetings/${MEETING_ID}`)
        return jsonResponse(makeMeeting({ abilities: { manage: true } }));
      return undefined;
    });
    const user = userEvent.setup();
    renderWithProviders(<TeamMeetingsSection caseId={CASE_ID} side="owner" headingId="coop-meetings" />);
    await user.click(await screen.findByRole('button', { name: 'Spotkanie zespołu: bezpieczeństwo dzieci' }));
    const detail = await screen.findByTestId('meeting-detail');
    expect(await within(detail).findByTestId('meeting-minutes')).toHaveTextContent(
      'Dzielnicowy odwiedził rodzinę.',
    );
    expect(within(detail).getByTestId('meeting-decisions')).toHaveTextContent('Wizyta co dwa tygodnie.');
    expect(within(detail).queryByTestId('meeting-restricted')).not.toBeInTheDocument();
    expect(within(detail).getByRole('button', { name: 'Edytuj spotkanie i protokół' })).toBeInTheDocument();
    expect(within(detail).getByRole('button', { name: 'Dodaj zadanie' })).toBeInTheDocument();
    const done = within(detail).getByTestId(`meeting-item-${OTHER_ITEM_ID}`);
    expect(done).toHaveTextContent('wykonane 05.02.2026');
    expect(within(done).queryByRole('checkbox')).not.toBeInTheDocument();
    expect(
      within(within(detail).getByTestId(`meeting-item-${ITEM_ID}`)).getByRole('checkbox', {
        name: 'Wykonane: Wizyta u rodziny',
      }),
    ).not.toBeChecked();
  });

  it('plans a meeting with a team institution and the client, and lists the server’s field errors', async () => {
    let attempts = 0;
    const fetchMock = stubFetch((url, init) => {
      if (url.pathname === `/api/cases/${CASE_ID}/meetings` && init?.method === 'POST') {
        attempts += 1;
        if (attempts === 1)
          return jsonResponse(
            {
              type: 'about:blank',
              title: 'Popraw zaznaczone pola',
              status: 400,
              code: 'validation_failed',
              errors: [
                {
                  field: 'attendees.1.institutionId',
                  code: 'caseMeeting.notInTeam',
                  message: 'Ta instytucja nie jest teraz aktywnym członkiem zespołu tej sprawy.',
                },
              ],
            },
            400,
          );
        return jsonResponse(makeMeeting({ status: 'zaplanowane', abilities: { manage: true } }), 201);
      }
      if (url.pathname === `/api/cases/${CASE_ID}/meetings`)
        return jsonResponse(makeMeetingList({ items: [], canManage: true, candidates }));
      if (url.pathname === `/api/cases/${CASE_ID}/meetings/${MEETING_ID}`)
        return jsonResponse(makeMeeting({ status: 'zaplanowane', abilities: { manage: true } }));
      return undefined;
    });
    const user = userEvent.setup();
    renderWithProviders(<TeamMeetingsSection caseId={CASE_ID} side="owner" headingId="coop-meetings" />);
    expect(await screen.findByText('Nie ma jeszcze spotkań zespołu.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Zaplanuj spotkanie' }));
    const form = await screen.findByRole('form', { name: 'Zaplanuj spotkanie' });
    const title = within(form).getByRole('textbox', { name: /Temat/ });
    await waitFor(() => expect(title).toHaveFocus());
    await user.type(title, 'Spotkanie zespołu');
    await user.type(within(form).getByRole('textbox', { name: /^Data/ }), '15.03.2027');
    await user.tab();
    await user.type(within(form).getByRole('textbox', { name: /^Miejsce/ }), 'MOPS Bochnia');
    await user.click(within(form).getByRole('combobox', { name: /Pracownicy ośrodka/ }));
    await user.click(await screen.findByRole('option', { name: 'Paulina Pracowita' }));
    await user.click(within(form).getByRole('combobox', { name: /Instytucje zespołu/ }));
    await user.click(await screen.findByRole('option', { name: 'KPP Bochnia — Piotr Posterunkowy' }));
    await user.click(within(form).getByRole('combobox', { name: /Osoba lub członkowie rodziny/ }));
    await user.click(await screen.findByRole('option', { name: 'Anna Wiśniewska' }));
    await user.click(within(form).getByRole('button', { name: 'Zaplanuj spotkanie' }));

    await waitFor(() => expect(sentBodies(fetchMock, 'POST', `/cases/${CASE_ID}/meetings`)).toHaveLength(1));
    expect(sentBodies(fetchMock, 'POST', `/cases/${CASE_ID}/meetings`)[0]).toMatchObject({
      title: 'Spotkanie zespołu',
      place: 'MOPS Bochnia',
      status: 'zaplanowane',
      attendees: [
        { institutionId: INSTITUTION_ID, userId: WORKER_ID, present: null },
        { institutionId: OTHER_INSTITUTION_ID, present: null },
        { name: 'Anna Wiśniewska', present: null },
      ],
    });
    expect(
      (sentBodies(fetchMock, 'POST', `/cases/${CASE_ID}/meetings`)[0] as { startsAt: string }).startsAt,
    ).toBe(new Date('2027-03-15T10:00:00').toISOString());
    // The error of the second attendee is the team institutions' field, named in the alert too.
    const alert = await within(form).findByRole('alert');
    expect(within(alert).getByText('Instytucje zespołu')).toBeInTheDocument();
    expect(alert).toHaveTextContent('Ta instytucja nie jest teraz aktywnym członkiem zespołu tej sprawy.');
    const team = within(form).getByRole('combobox', { name: /Instytucje zespołu/ });
    expect(team).toHaveAttribute('aria-invalid', 'true');
    expect(team).toHaveAccessibleDescription(/nie jest teraz aktywnym członkiem zespołu/);

    await user.click(within(form).getByRole('button', { name: 'Zaplanuj spotkanie' }));
    expect(await screen.findByTestId('meeting-detail')).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.queryByRole('form', { name: 'Zaplanuj spotkanie' })).not.toBeInTheDocument(),
    );
  });
});
