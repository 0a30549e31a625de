import type { Service } from '@kooperacja/domain';
import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { placesText } from './places';
import { useServiceLabels } from './serviceLabels';

export interface ServiceCardProps {
  service: Service;
  /** Shows a "choose" button (e.g. in a referral form). */
  onPick?: (service: Service) => void;
  /** Marks the chosen service. */
  picked?: boolean;
  /** Heading level of the service's name inside the list. */
  headingOrder?: 2 | 3 | 4;
}

/** One service in the results: institution, type, free places of capacity, hours, how to refer, contact. */
export function ServiceCard({ service: s, onPick, picked, headingOrder = 3 }: ServiceCardProps) {
  const { t } = useTranslation();
  const labels = useServiceLabels();
  const places = placesText(t, s);
  const contact = [s.contactName, s.contactPhone, s.contactEmail].filter(Boolean).join(' · ');
  return (
    <Card
      withBorder
      padding="md"
      component="article"
      aria-labelledby={`service-${s.id}`}
      data-testid="service-card"
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Stack gap={2}>
            <Title order={headingOrder} size="h5" id={`service-${s.id}`}>
              <Anchor component={Link} to={`/zasoby/${s.id}`} inherit>
                {s.name}
              </Anchor>
            </Title>
            <Text size="sm">
              {s.institution.shortName ?? s.institution.name}
              {s.unitName ? ` · ${s.unitName}` : ''}
            </Text>
          </Stack>
          {onPick && (
            <Button
              size="xs"
              variant={picked ? 'filled' : 'light'}
              onClick={() => onPick(s)}
              aria-label={t('services.card.pickLabel', { name: s.name })}
              aria-pressed={picked}
            >
              {t('services.card.pick')}
            </Button>
          )}
        </Group>
        <Group gap={6}>
          <Badge variant="light" color="blue">
            {labels.type(s.serviceType)}
          </Badge>
          {places && (
            <Badge variant={places.full ? 'outline' : 'light'} color={places.full ? 'gray' : 'green'}>
              {places.text}
            </Badge>
          )}
          {!s.active && (
            <Badge variant="outline" color="red">
              {t('services.card.inactive')}
            </Badge>
          )}
        </Group>
        {s.targetGroups.length > 0 && (
          <Text size="sm" c="dimmed">
            {s.targetGroups.map(labels.group).join(', ')}
          </Text>
        )}
        {s.hours && (
          <Text size="sm">
            <Text span fw={600} size="sm">
              {t('services.card.hours')}:
            </Text>{' '}
            {s.hours}
          </Text>
        )}
        {s.howToRefer && (
          <Text size="sm">
            <Text span fw={600} size="sm">
              {t('services.card.howToRefer')}:
            </Text>{' '}
            {s.howToRefer}
          </Text>
        )}
        {contact && (
          <Text size="sm">
            <Text span fw={600} size="sm">
              {t('services.card.contact')}:
            </Text>{' '}
            {contact}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
