import { SimpleGrid, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../components/SectionCard';
import { formatNumber } from '../../lib/format';
import { useDashboard } from './hooks';
import { usePartnershipLabels } from './labels';

interface Bar {
  label: string;
  values: { name: string; value: number; color: string }[];
}

/**
 * Horizontal bars drawn in SVG, hidden from assistive technology: the table next to it carries the
 * same numbers (no chart library in the app; the table is the accessible form of the chart).
 */
function Bars({ bars, max }: { bars: Bar[]; max: number }) {
  const rowH = 26;
  const labelW = 190;
  const width = 560;
  const series = bars[0]?.values.length ?? 1;
  const barH = (rowH - 6) / series;
  const scale = (v: number) => (max > 0 ? ((width - labelW - 40) * v) / max : 0);
  return (
    <svg
      viewBox={`0 0 ${width} ${bars.length * rowH}`}
      width="100%"
      role="presentation"
      aria-hidden="true"
      focusable="false"
      style={{ maxWidth: width }}
    >
      {bars.map((b, i) => (
        <g key={b.label} transform={`translate(0, ${i * rowH})`}>
          <text x={labelW - 8} y={rowH / 2 + 4} textAnchor="end" fontSize="12" fill="currentColor">
            {b.label.length > 28 ? `${b.label.slice(0, 27)}…` : b.label}
          </text>
          {b.values.map((v, k) => (
            <g key={v.name}>
              <rect x={labelW} y={3 + k * barH} width={scale(v.value)} height={barH - 1} fill={v.color} />
              <text
                x={labelW + scale(v.value) + 4}
                y={3 + k * barH + barH - 3}
                fontSize="10"
                fill="currentColor"
              >
                {v.value}
              </text>
            </g>
          ))}
        </g>
      ))}
    </svg>
  );
}

const colors = { primary: '#1c5d99', accepted: '#2f7d32', completed: '#6b3fa0' };

/** The animator's dashboard: counts only, no case or person is named. */
export function DashboardTab({ partnershipId }: { partnershipId: string }) {
  const { t } = useTranslation();
  const labels = usePartnershipLabels();
  const query = useDashboard(partnershipId);
  const d = query.data;
  const stat = (label: string, value: string | number, hint?: string) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </div>
  );
  return (
    <Stack>
      <SectionCard
        titleId="dashboard-summary"
        title={t('partnerships.dashboard.title')}
        description={t('partnerships.dashboard.description')}
        query={{ ...query, skeletonHeight: 80 }}
      >
        {d && (
          <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }}>
            {stat(
              t('partnerships.dashboard.meetingsHeld'),
              d.meetings.held,
              t('partnerships.dashboard.planned', { count: d.meetings.planned }),
            )}
            {stat(
              t('partnerships.dashboard.openItems'),
              d.actionItems.open,
              t('partnerships.dashboard.overdueItems', { count: d.actionItems.overdue }),
            )}
            {stat(t('partnerships.dashboard.doneItems'), d.actionItems.done)}
            {stat(
              t('partnerships.dashboard.agreementsSigned'),
              d.agreements.signed,
              t('partnerships.dashboard.drafts', { count: d.agreements.draft }),
            )}
            {stat(t('partnerships.dashboard.multiSector'), d.casesWithMultiSectorTeam)}
            {stat(t('partnerships.dashboard.referralsSent'), d.referrals.sent)}
            {stat(
              t('partnerships.dashboard.medianResponse'),
              d.referrals.medianResponseHours === null
                ? '—'
                : t('partnerships.dashboard.hours', {
                    value: d.referrals.medianResponseHours.toLocaleString('pl-PL'),
                  }),
            )}
            {stat(t('partnerships.dashboard.referralsOverdue'), d.referrals.overdue)}
          </SimpleGrid>
        )}
      </SectionCard>
      {d && (
        <SectionCard titleId="dashboard-sectors" title={t('partnerships.dashboard.membersBySector')}>
          <Bars
            max={Math.max(0, ...d.membersBySector.map((s) => s.count))}
            bars={d.membersBySector.map((s) => ({
              label: labels.label('sectors', s.sector),
              values: [{ name: 'count', value: s.count, color: colors.primary }],
            }))}
          />
          <Table aria-labelledby="dashboard-sectors">
            <VisuallyHidden component="caption">{t('partnerships.dashboard.membersBySector')}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('partnerships.members.sector')}</Table.Th>
                <Table.Th scope="col">{t('partnerships.dashboard.members')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.membersBySector.map((s) => (
                <Table.Tr key={s.sector}>
                  <Table.Td>{labels.label('sectors', s.sector)}</Table.Td>
                  <Table.Td>{formatNumber(s.count)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </SectionCard>
      )}
      {d && (
        <SectionCard
          titleId="dashboard-referrals"
          title={t('partnerships.dashboard.referralsBySector')}
          description={t('partnerships.dashboard.referralsHint')}
        >
          {d.referrals.bySector.length === 0 ? (
            <Text size="sm">{t('partnerships.dashboard.noReferrals')}</Text>
          ) : (
            <>
              <Text size="xs" aria-hidden="true">
                <span style={{ color: colors.primary }}>■</span> {t('partnerships.dashboard.sent')}{' '}
                <span style={{ color: colors.accepted }}>■</span> {t('partnerships.dashboard.accepted')}{' '}
                <span style={{ color: colors.completed }}>■</span> {t('partnerships.dashboard.completed')}
              </Text>
              <Bars
                max={Math.max(0, ...d.referrals.bySector.map((s) => s.sent))}
                bars={d.referrals.bySector.map((s) => ({
                  label: labels.label('sectors', s.sector),
                  values: [
                    { name: 'sent', value: s.sent, color: colors.primary },
                    { name: 'accepted', value: s.accepted, color: colors.accepted },
                    { name: 'completed', value: s.completed, color: colors.completed },
                  ],
                }))}
              />
              <Table aria-labelledby="dashboard-referrals">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('partnerships.members.sector')}</Table.Th>
                    <Table.Th scope="col">{t('partnerships.dashboard.sent')}</Table.Th>
                    <Table.Th scope="col">{t('partnerships.dashboard.accepted')}</Table.Th>
                    <Table.Th scope="col">{t('partnerships.dashboard.completed')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.referrals.bySector.map((s) => (
                    <Table.Tr key={s.sector}>
                      <Table.Td>{labels.label('sectors', s.sector)}</Table.Td>
                      <Table.Td>{s.sent}</Table.Td>
                      <Table.Td>{s.accepted}</Table.Td>
                      <Table.Td>{s.completed}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
        </SectionCard>
      )}
    </Stack>
  );
}
