import { Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { isConflict } from '../admin/fieldErrors';

/**
 * The problem of a failed save above a form. A 409 (someone changed the record meanwhile, or the
 * step is no longer possible) comes with the server's message and a button to load the current data.
 */
export function FormProblem({
  error,
  onReload,
  fieldLabel,
}: {
  error: unknown;
  onReload?: () => void;
  fieldLabel?: (field: string) => string;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Stack gap="xs">
      <ProblemAlert error={error} fieldLabel={fieldLabel} />
      {isConflict(error) && onReload && (
        <div>
          <Button size="xs" variant="default" onClick={onReload} data-testid="conflict-reload">
            {t('sharing.conflict.reload')}
          </Button>
        </div>
      )}
    </Stack>
  );
}
