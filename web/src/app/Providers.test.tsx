import { Modal, Notification } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../test/render';

describe('icon-only buttons of Mantine have a name in the UI language', () => {
  it('the close button of a dialog and of a notification', async () => {
    renderWithProviders(
      <>
        <Notification title="Zapisano">Osoba została zarejestrowana.</Notification>
        <Modal opened onClose={() => {}} title="Zarejestruj nową osobę">
          Treść
        </Modal>
      </>,
    );
    expect(await screen.findByRole('dialog', { name: 'Zarejestruj nową osobę' })).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Zamknij' })).toHaveLength(2);
  });

  it('the clear button of an input', () => {
    renderWithProviders(
      <DateInput label="Data rozpoczęcia" value="2026-02-01" clearable onChange={() => {}} />,
    );
    expect(screen.getByRole('button', { name: 'Wyczyść' })).toBeInTheDocument();
  });
});
