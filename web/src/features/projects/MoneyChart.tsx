import { formatAmount, formatRate, type ProjectMoneyView } from '@kooperacja/domain';
import { Box, Group, Stack, Table, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** Fill colours of the sources: each at least 3:1 against white (WCAG 1.4.11) and told apart by text too. */
export const SOURCE_COLOURS = {
  euFunding: '#1f4e9c',
  stateBudget: '#a3262d',
  targetedSubsidy: '#2e6b30',
  ownContribution: '#7a4f00',
} as const;

type Source = keyof typeof SOURCE_COLOURS;
const SOURCES: { key: Source; rate: keyof ProjectMoneyView['rates'] }[] = [
  { key: 'euFunding', rate: 'eu' },
  { key: 'stateBudget', rate: 'stateBudget' },
  { key: 'targetedSubsidy', rate: 'targetedSubsidy' },
  { key: 'ownContribution', rate: 'ownContribution' },
];

/**
 * How the eligible costs are financed: a stacked bar (SVG with a text alternative), a legend with
 * the amounts and shares, and the same figures in a table — so nothing is told by colour alone.
 * Widths come from the shares in hundredths of a percent (integers from the server).
 */
export function MoneyChart({ money }: { money: ProjectMoneyView }) {
  const { t } = useTranslation();
  const id = useId();
  const label = (k: Source) => t(`projects.money.${k}`);
  const parts = SOURCES.map((s) => ({ ...s, amount: money[s.key], share: money.rates[s.rate] ?? 0 }));
  let x = 0;
  const segments = parts
    .filter((p) => p.amount > 0 && p.share > 0)
    .map((p) => {
      const seg = { ...p, x, width: p.share };
      x += p.share;
      return seg;
    });
  const summary = parts
    .map((p) => `${label(p.key)}: ${formatAmount(p.amount)} (${formatRate(money.rates[p.rate])})`)
    .join('; ');
  return (
    <Stack gap="sm">
      <svg
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        viewBox="0 0 10000 400"
        preserveAspectRatio="none"
        width="100%"
        height="40"
        data-testid="money-chart"
      >
        <title id={`${id}-title`}>{t('projects.money.chartTitle')}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <rect x="0" y="0" width="10000" height="400" fill="#e9ecef" />
        {segments.map((s) => (
          <rect
            key={s.key}
            x={s.x}
            y="0"
            width={s.width}
            height="400"
            fill={SOURCE_COLOURS[s.key]}
            stroke="#ffffff"
            strokeWidth="40"
            data-source={s.key}
          />
        ))}
      </svg>
      <Group
        component="ul"
        gap="lg"
        m={0}
        p={0}
        style={{ listStyle: 'none' }}
        aria-label={t('projects.money.legend')}
      >
        {parts.map((p) => (
          <Group component="li" key={p.key} gap={6} wrap="nowrap">
            <Box
              aria-hidden
              w={14}
              h={14}
              style={{ background: SOURCE_COLOURS[p.key], borderRadius: 2, flex: 'none' }}
            />
            <Text size="sm">
              {label(p.key)}: <strong>{formatRate(money.rates[p.rate])}</strong>
            </Text>
          </Group>
        ))}
      </Group>
      <Table.ScrollContainer minWidth={480}>
        <Table withTableBorder>
          <Table.Caption>{t('projects.money.tableCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('projects.money.source')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('projects.money.amount')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('projects.money.shareOfEligible')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {parts.map((p) => (
              <Table.Tr key={p.key}>
                <Table.Th scope="row" fw={400}>
                  {label(p.key)}
                </Table.Th>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatAmount(p.amount)}
                </Table.Td>
                <Table.Td ta="right">{formatRate(money.rates[p.rate])}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{t('projects.money.coFinancing')}</Table.Th>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatAmount(money.coFinancing)}
              </Table.Td>
              <Table.Td ta="right">{formatRate(money.rates.coFinancing)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('projects.money.eligibleCosts')}</Table.Th>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatAmount(money.eligibleCosts)}
              </Table.Td>
              <Table.Td ta="right">{formatRate(10_000)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('projects.money.totalValue')}</Table.Th>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatAmount(money.totalValue)}
              </Table.Td>
              <Table.Td ta="right">
                {t('projects.money.eligibleOfTotal', { rate: formatRate(money.rates.eligibleOfTotal) })}
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
