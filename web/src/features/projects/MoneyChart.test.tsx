import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../lib/contrast';
import { renderWithProviders } from '../../test/render';
import { MoneyChart, SOURCE_COLOURS } from './MoneyChart';
import { makeProject } from './projects.fixtures';

const k3d = {
  ...makeProject().money,
  totalValue: 2_268_143_103,
  eligibleCosts: 2_268_143_103,
  euFunding: 1_921_591_007,
  stateBudget: 346_552_096,
  targetedSubsidy: 0,
  ownContribution: 0,
  coFinancing: 2_268_143_103,
  rates: {
    eu: 8472,
    stateBudget: 1528,
    targetedSubsidy: 0,
    ownContribution: 0,
    coFinancing: 10000,
    eligibleOfTotal: 10000,
  },
};

describe('money chart', () => {
  it('draws the sources as a stacked bar as wide as their shares, with a text alternative', () => {
    renderWithProviders(<MoneyChart money={k3d} />);
    const chart = screen.getByRole('img', { name: /Podział kosztów kwalifikowalnych/ });
    expect(chart).toHaveAccessibleDescription(/Środki UE: 19\u00a0215\u00a0910,07\u00a0zł \(84,72\u00a0%\)/);
    const bars = chart.querySelectorAll('rect[data-source]');
    // Sources without money are not drawn (the subsidy and own contribution here).
    expect(
      [...bars].map((b) => [b.getAttribute('data-source'), b.getAttribute('x'), b.getAttribute('width')]),
    ).toEqual([
      ['euFunding', '0', '8472'],
      ['stateBudget', '8472', '1528'],
    ]);
  });

  it('gives the same figures in a table with a caption and headers', () => {
    renderWithProviders(<MoneyChart money={k3d} />);
    const table = screen.getByRole('table', { name: /Źródła finansowania/ });
    const eu = within(table).getByRole('row', { name: /Środki UE/ });
    expect(
      within(eu)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['19\u00a0215\u00a0910,07\u00a0zł', '84,72\u00a0%']);
    const state = within(table).getByRole('row', { name: /Budżet państwa/ });
    expect(
      within(state)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['3\u00a0465\u00a0520,96\u00a0zł', '15,28\u00a0%']);
    expect(within(table).getByRole('rowheader', { name: 'Koszty kwalifikowalne' })).toBeInTheDocument();
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((c) => c.textContent),
    ).toEqual(['Źródło', 'Kwota', 'Udział w kosztach kwalifikowalnych']);
  });

  it('names every source in the legend with its share, in colours visible on white', () => {
    renderWithProviders(<MoneyChart money={k3d} />);
    const legend = screen.getByRole('list', { name: 'Legenda wykresu' });
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Środki UE: 84,72\u00a0%',
      'Budżet państwa: 15,28\u00a0%',
      'Dotacja celowa: 0,00\u00a0%',
      'Wkład własny: 0,00\u00a0%',
    ]);
    for (const colour of Object.values(SOURCE_COLOURS))
      expect(contrastRatio(colour, '#ffffff')).toBeGreaterThanOrEqual(3);
  });
});
