import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage, type Language, languages } from '../i18n';

/** Switches the UI language; i18n/index.ts remembers the choice and updates `<html lang>`. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      aria-label={t('layout.language')}
      size="xs"
      value={currentLanguage()}
      onChange={(event) => void i18n.changeLanguage(event.currentTarget.value as Language)}
      data={languages.map((lng) => ({ value: lng, label: t(`languages.${lng}`) }))}
      w={110}
    />
  );
}
