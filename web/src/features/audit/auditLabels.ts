import type { TFunction } from 'i18next';

const RECORD_TYPES = ['institution', 'user', 'membership', 'email_outbox', 'setting'] as const;
type KnownRecordType = (typeof RECORD_TYPES)[number];
const isKnown = (type: string): type is KnownRecordType => (RECORD_TYPES as readonly string[]).includes(type);

/** "Instytucja" for `institution`; an unknown record type shows as it is stored. */
export function recordTypeLabel(t: TFunction, type: string): string {
  return isKnown(type) ? t(`audit.recordTypes.${type}`) : type;
}

const INSTITUTION_FIELDS = [
  'name',
  'shortName',
  'type',
  'sector',
  'teryt',
  'street',
  'postalCode',
  'city',
  'email',
  'phone',
  'website',
  'nip',
  'regon',
  'active',
] as const;
const USER_FIELDS = ['email', 'firstName', 'lastName', 'status', 'roles'] as const;

/** The label of a changed field where the record type is known, otherwise the field's own name. */
export function fieldLabel(t: TFunction, recordType: string | null, field: string): string {
  if (recordType === 'institution' && (INSTITUTION_FIELDS as readonly string[]).includes(field)) {
    return t(`admin.institutions.fields.${field as (typeof INSTITUTION_FIELDS)[number]}`);
  }
  if (
    (recordType === 'user' || recordType === 'membership') &&
    (USER_FIELDS as readonly string[]).includes(field)
  ) {
    return t(`admin.users.fields.${field as (typeof USER_FIELDS)[number]}`);
  }
  if (field === 'active' && recordType === 'membership') return t('admin.users.memberships.state');
  return field;
}
