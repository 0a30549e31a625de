import type { JstRegisterEntry } from '@kooperacja/domain';
import { Alert, Anchor, Group, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { formatDateTime, formatNumber } from '../../lib/format';
import { textColors } from '../../theme';
import { JstForm } from './JstForm';
import { JstHistory } from './JstHistory';
import { cusFields, lpdiFields } from './jstForm';
import { useRegionLabels } from './labels';
import { useJstEntry } from './useJstEntry';
import { useEntryWords } from './values';

/** Terms and their values as a description list (one per row on a phone, two columns wider). */
function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" m={0}>
      {items.map(([term, value]) => (
        <div key={term}>
          <Text component="dt" size="xs" c="dimmed">
            {term}
          </Text>
          <Text component="dd" m={0}>
            {value === null || value === undefined || value === '' ? '—' : value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

/** The LPDI and the CUS as text, for those who may read the register but not change it. */
function ReadOnlyEntry({ entry }: { entry: JstRegisterEntry }) {
  const { t } = useTranslation();
  const words = useEntryWords();
  return (
    <>
      <Alert color="blue" variant="light">
        {t('region.jst.readOnly')}
      </Alert>
      <SectionCard titleId="jst-lpdi" title={t('region.lpdi.title')}>
        <Facts
          items={lpdiFields.map((f) => [
            words.lpdiLabel(f),
            f === 'status' && !entry.lpdi
              ? words.lpdiValue(f, { status: 'brak' })
              : words.lpdiValue(f, entry.lpdi),
          ])}
        />
      </SectionCard>
      {entry.level === 'gmina' && (
        <SectionCard titleId="jst-cus" title={t('region.cus.title')}>
          {entry.cus?.exists ? (
            <Facts
              items={cusFields
                .filter((f) => f !== 'exists')
                .map((f) => [words.cusLabel(f), words.cusValue(f, entry.cus)])}
            />
          ) : (
            <Text size="sm">{t('region.cus.noCus')}</Text>
          )}
        </SectionCard>
      )}
    </>
  );
}

/**
 * `/region/:woj/jst/:teryt`: one JST in the register — its name, level, population and active
 * partnerships; the LPDI and (gminy) the CUS as a form for those who may edit, as text for the
 * others; and the history of the entry.
 */
export function JstRegisterPage() {
  const { woj = '', teryt = '' } = useParams();
  const { t, i18n } = useTranslation();
  const labels = useRegionLabels();
  const query = useJstEntry(woj, teryt);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const entry = query.data;

  const back = (
    <Group gap="lg">
      <Anchor component={Link} to={`/region/${woj}`} size="sm">
        ← {t('region.jst.backToMap')}
      </Anchor>
      <Anchor component={Link} to={`/region/${woj}/jst`} size="sm">
        {t('region.jst.backToRegister')}
      </Anchor>
    </Group>
  );
  if (query.error)
    return (
      <Stack gap="lg">
        {back}
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      </Stack>
    );
  if (!entry)
    return (
      <Stack gap="lg" aria-busy="true">
        {back}
        <Skeleton height={36} width="40%" />
        <Skeleton height={140} />
        <Text size="sm" role="status">
          {t('common.loading')}
        </Text>
      </Stack>
    );

  const kindKey = `territory.kinds.${entry.kind}`;
  const kind = i18n.exists(kindKey) ? t(kindKey as never) : t(`territory.levels.${entry.level}`);
  const models = entry.partnerships.models.map((m) => labels.label('partnershipModels', m)).join(', ');
  return (
    <Stack gap="lg">
      {back}
      <PageTitle documentTitle={`${entry.name} — ${t('region.title')}`}>{entry.name}</PageTitle>

      <SectionCard titleId="jst-facts" title={t('region.jst.facts')}>
        <Facts
          items={[
            [t('region.jst.level'), `${t(`territory.levels.${entry.level}`)} — ${kind}`],
            [t('region.jst.teryt'), entry.teryt],
            [t('region.jst.population'), formatNumber(entry.population)],
            [
              t('region.jst.partnerships'),
              entry.partnerships.active === 0
                ? t('region.jst.none')
                : models
                  ? t('region.jst.partnershipsModels', { count: entry.partnerships.active, models })
                  : formatNumber(entry.partnerships.active),
            ],
            [
              t('region.jst.updated'),
              entry.updatedAt
                ? t('region.jst.updatedValue', {
                    date: formatDateTime(entry.updatedAt),
                    by: entry.updatedBy ?? t('region.history.unknownAuthor'),
                  })
                : t('region.jst.never'),
            ],
          ]}
        />
      </SectionCard>

      <Text size="sm" role="status" c={textColors.success} fw={600}>
        {savedVersion !== null && savedVersion === entry.version ? t('region.jst.saved') : ''}
      </Text>
      {entry.abilities.edit ? (
        <JstForm
          key={`${entry.teryt}-${entry.version}`}
          woj={woj}
          entry={entry}
          onSaved={(saved) => setSavedVersion(saved.version)}
        />
      ) : (
        <ReadOnlyEntry entry={entry} />
      )}

      <JstHistory woj={woj} teryt={teryt} />
    </Stack>
  );
}
