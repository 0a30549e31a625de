import type { PersonSummary } from '@kooperacja/domain';
import { Alert, Anchor, Button, Group, List, Stack, Text } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../lib/format';

export interface DuplicateCandidateView {
  person: PersonSummary | null;
  reason: 'pesel' | 'name_birthdate';
  similarity: number;
}

/**
 * "Ta osoba może już być w rejestrze": the possible duplicates of a person about to be registered,
 * each with a way to the existing record. A match outside the user's scope shows only that it
 * exists. "To inna osoba" is offered only when no candidate has the same PESEL.
 */
export function DuplicateWarning({
  candidates,
  onConfirm,
  onBack,
  confirming = false,
  renderAction,
}: {
  candidates: DuplicateCandidateView[];
  onConfirm: () => void;
  onBack: () => void;
  confirming?: boolean;
  /** Replaces the link to the record (e.g. "choose this person" in a household form). */
  renderAction?: (person: PersonSummary) => ReactNode;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const samePesel = candidates.some((c) => c.reason === 'pesel');
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      color="yellow"
      variant="light"
      title={t('persons.duplicates.title')}
      data-testid="duplicate-warning"
    >
      <Stack gap="sm">
        <Text size="sm">{samePesel ? t('persons.duplicates.leadPesel') : t('persons.duplicates.lead')}</Text>
        <List spacing="xs" size="sm">
          {candidates.map((c, i) => (
            <List.Item key={c.person?.id ?? `hidden-${i}`}>
              {c.person ? (
                <Stack gap={2}>
                  <Group gap="xs">
                    {renderAction ? (
                      <Text fw={600} size="sm">
                        {c.person.firstName} {c.person.lastName}
                      </Text>
                    ) : (
                      <Anchor component={Link} to={`/osoby/${c.person.id}`} fw={600} size="sm">
                        {t('persons.duplicates.open', {
                          name: `${c.person.firstName} ${c.person.lastName}`,
                        })}
                      </Anchor>
                    )}
                    {renderAction?.(c.person)}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {[
                      c.person.pesel ? `PESEL ${c.person.pesel}` : null,
                      t('persons.duplicates.born', { date: formatDate(c.person.birthDate) }),
                      c.person.unitName ?? c.person.city,
                      t(`persons.duplicates.reason.${c.reason}`),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </Stack>
              ) : (
                <Text size="sm">{t(`persons.duplicates.outOfScope.${c.reason}`)}</Text>
              )}
            </List.Item>
          ))}
        </List>
        <Group gap="sm">
          {!samePesel && (
            <Button onClick={onConfirm} loading={confirming} variant="filled">
              {t('persons.duplicates.confirm')}
            </Button>
          )}
          <Button variant="default" onClick={onBack} disabled={confirming}>
            {t('persons.duplicates.back')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
