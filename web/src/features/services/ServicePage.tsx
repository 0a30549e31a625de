import { Alert, Anchor, Badge, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { formatDate } from '../../lib/format';
import { placesText } from './places';
import { useServiceLabels } from './serviceLabels';
import { useSetServiceActive } from './useSaveService';
import { useService } from './useService';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Text component="dt" fw={600} size="sm">
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} mb="xs" style={{ whiteSpace: 'pre-line' }}>
        {children}
      </Text>
    </>
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/zasoby" size="sm">
      ← {t('services.page.back')}
    </Anchor>
  );
}

/** `/zasoby/:id`: one service with everything a worker needs to refer a family to it. */
export function ServicePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const labels = useServiceLabels();
  const query = useService(id);
  const setActive = useSetServiceActive();

  if (query.isPending) {
    return (
      <Stack gap="lg">
        <BackLink />
        <PageTitle>{t('services.title')}</PageTitle>
        <Skeleton height={320} />
      </Stack>
    );
  }
  if (query.error || !query.data) {
    return (
      <Stack gap="lg">
        <BackLink />
        <PageTitle>{t('services.title')}</PageTitle>
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      </Stack>
    );
  }

  const s = query.data;
  const none = t('services.page.none');
  const places = placesText(t, s);
  const toggle = () =>
    setActive.mutate(
      { id: s.id, active: !s.active, version: s.version },
      {
        onSuccess: (saved) =>
          notifications.show({
            color: 'green',
            message: saved.active ? t('services.page.activatedDone') : t('services.page.deactivatedDone'),
          }),
        onError: () => void query.refetch(),
      },
    );

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <BackLink />
        <Group justify="space-between" align="flex-end">
          <PageTitle>{s.name}</PageTitle>
          {s.abilities.update && (
            <Group gap="sm">
              <Button component={Link} to={`/zasoby/${s.id}/edycja`}>
                {t('services.page.edit')}
              </Button>
              <Button variant="default" onClick={toggle} loading={setActive.isPending}>
                {s.active ? t('services.page.deactivate') : t('services.page.activate')}
              </Button>
            </Group>
          )}
        </Group>
        <Group gap={6}>
          <Badge variant="light">{labels.type(s.serviceType)}</Badge>
          {places && (
            <Badge variant={places.full ? 'outline' : 'light'} color={places.full ? 'gray' : 'green'}>
              {places.text}
            </Badge>
          )}
        </Group>
      </Stack>
      {setActive.error ? <ProblemAlert error={setActive.error} /> : null}
      {!s.active && (
        <Alert color="yellow" variant="light">
          {t('services.page.deactivated')}
        </Alert>
      )}
      <SectionCard titleId="service-about" title={s.institution.name}>
        <dl style={{ margin: 0 }}>
          <Fact label={t('services.page.type')}>{labels.type(s.serviceType)}</Fact>
          <Fact label={t('services.page.area')}>{labels.area(s.area)}</Fact>
          <Fact label={t('services.page.targetGroups')}>
            {s.targetGroups.length ? s.targetGroups.map(labels.group).join(', ') : none}
          </Fact>
          <Fact label={t('services.page.description')}>{s.description ?? none}</Fact>
          <Fact label={t('services.page.eligibility')}>{s.eligibility ?? none}</Fact>
          <Fact label={t('services.page.places')}>{places?.text ?? none}</Fact>
          <Fact label={t('services.page.hours')}>{s.hours ?? none}</Fact>
        </dl>
      </SectionCard>
      <SectionCard titleId="service-refer" title={t('services.page.howToRefer')}>
        <dl style={{ margin: 0 }}>
          <Fact label={t('services.page.howToRefer')}>{s.howToRefer ?? none}</Fact>
          <Fact label={t('services.page.contact')}>
            {[s.contactName, s.contactPhone, s.contactEmail].filter(Boolean).join('\n') ||
              [s.institution.phone, s.institution.email].filter(Boolean).join('\n') ||
              none}
          </Fact>
          <Fact label={t('services.page.where')}>
            {[s.address, s.unitName].filter(Boolean).join(', ') || none}
          </Fact>
          <Fact label={t('services.page.provider')}>{s.institution.name}</Fact>
          <Fact label={t('services.page.updated')}>{formatDate(s.updatedAt)}</Fact>
        </dl>
      </SectionCard>
    </Stack>
  );
}
