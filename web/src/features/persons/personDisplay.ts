import type { TFunction } from 'i18next';
import { formatDate } from '../../lib/format';
import type { PersonField } from './personForm';

/** A field's value as shown to a person: labels for dictionary keys, DD.MM.YYYY for dates. */
export function displayPersonValue(
  t: TFunction,
  label: (name: 'otherIdTypes', key: string | null) => string,
  field: PersonField,
  value: string | null,
  unitName?: string | null,
): string {
  if (value === null || value === '') return '—';
  switch (field) {
    case 'birthDate':
      return formatDate(value);
    case 'sex':
      return value === 'K' || value === 'M' ? t(`persons.sex.${value}`) : value;
    case 'otherIdType':
      return label('otherIdTypes', value);
    case 'teryt':
      return unitName ? `${unitName} (${value})` : value;
    default:
      return value;
  }
}
