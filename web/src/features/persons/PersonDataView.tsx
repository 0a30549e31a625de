import type { Person } from '@kooperacja/domain';
import { DataList, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../lib/format';
import { useCaseLabels } from '../cases/shared/casesDictionaries';

/** A person's data, read-only, as a description list. */
export function PersonDataView({ person }: { person: Person }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const address = [person.street, [person.postalCode, person.city].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  const identifier = person.pesel
    ? person.pesel
    : [labels.label('otherIdTypes', person.otherIdType), person.otherIdNumber].filter(Boolean).join(': ');
  const rows: [string, string][] = [
    [t('persons.fields.firstName'), person.firstName],
    [t('persons.fields.lastName'), person.lastName],
    [person.pesel ? t('persons.fields.pesel') : t('persons.view.otherId'), identifier || '—'],
    [t('persons.fields.birthDate'), formatDate(person.birthDate)],
    [t('persons.fields.sex'), t(`persons.sex.${person.sex}`)],
    [t('persons.fields.citizenship'), person.citizenship],
    [t('persons.view.address'), address || '—'],
    [
      t('persons.fields.teryt'),
      person.unitName ? `${person.unitName} (${person.teryt})` : (person.teryt ?? '—'),
    ],
    [t('persons.fields.phone'), person.phone ?? '—'],
    [t('persons.fields.email'), person.email ?? '—'],
    [t('persons.fields.notes'), person.notes ?? '—'],
    [t('persons.view.createdAt'), formatDateTime(person.createdAt)],
  ];
  const half = Math.ceil(rows.length / 2);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      {[rows.slice(0, half), rows.slice(half)].map((part) => (
        <DataList key={part[0]?.[0]} labelWidth={160}>
          {part.map(([label, value]) => (
            <DataList.Item key={label}>
              <DataList.ItemLabel>{label}</DataList.ItemLabel>
              <DataList.ItemValue style={{ whiteSpace: 'pre-wrap' }}>{value}</DataList.ItemValue>
            </DataList.Item>
          ))}
        </DataList>
      ))}
    </SimpleGrid>
  );
}
