import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import type { StoredDraft } from './useDraft';

/**
 * "Przywrócono niezapisany szkic": shown above a form whose values came back from a draft, with a
 * button that throws the draft away and returns to the saved values.
 */
export function DraftNotice({
  draft,
  onDiscard,
  onClose,
}: {
  draft: StoredDraft<unknown> | null;
  onDiscard: () => void;
  onClose?: () => void;
}) {
  const { t } = useTranslation();
  if (!draft) return null;
  return (
    <Alert
      color="blue"
      variant="light"
      role="status"
      title={t('cases.draft.restored')}
      withCloseButton={!!onClose}
      onClose={onClose}
      closeButtonLabel={t('cases.draft.close')}
    >
      <Group justify="space-between" gap="sm">
        <Text size="sm">{t('cases.draft.restoredText', { time: formatDateTime(draft.savedAt) })}</Text>
        <Button size="xs" variant="default" onClick={onDiscard}>
          {t('cases.draft.discard')}
        </Button>
      </Group>
    </Alert>
  );
}
