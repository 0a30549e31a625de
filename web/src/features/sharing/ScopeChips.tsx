import type { ShareScope } from '@kooperacja/domain';
import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSharingLabels } from './labels';

/** The shared scopes as chips; the health scope is marked as special-category data in words. */
export function ScopeChips({ scopes }: { scopes: readonly ShareScope[] }) {
  const { t } = useTranslation();
  const labels = useSharingLabels();
  return (
    <Group
      gap={4}
      component="ul"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
      aria-label={t('sharing.share.scopes')}
    >
      {scopes.map((s) => (
        <Badge
          key={s}
          component="li"
          variant="light"
          color={s === 'zdrowie' ? 'orange' : 'gray'}
          tt="none"
          title={labels.label('scopes', s)}
        >
          {t(`sharing.scopeShort.${s}`)}
        </Badge>
      ))}
    </Group>
  );
}
