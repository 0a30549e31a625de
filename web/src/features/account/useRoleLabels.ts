import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../../lib/api';

interface Label {
  pl: string;
  en: string;
}

/** The part of `GET /api/dictionaries/identity` the account page needs. */
interface IdentityDictionaries {
  roles: { key: string; label: Label }[];
  institutionTypes: { key: string; label: Label }[];
}

/** Labels of roles and institution types in the UI language; a key stands for itself until they load. */
export function useRoleLabels() {
  const { i18n } = useTranslation();
  const { data } = useQuery({
    // Same key as the admin screens: one request serves both.
    queryKey: ['dictionaries', 'identity'],
    queryFn: ({ signal }) => apiFetch<IdentityDictionaries>('/dictionaries/identity', { signal }),
    staleTime: 60 * 60_000,
  });
  const lang = i18n.language === 'en' ? 'en' : 'pl';
  const role = useCallback(
    (key: string) => data?.roles.find((r) => r.key === key)?.label[lang] ?? key,
    [data, lang],
  );
  const institutionType = useCallback(
    (key: string) => data?.institutionTypes.find((r) => r.key === key)?.label[lang] ?? key,
    [data, lang],
  );
  return { role, institutionType };
}
