import { Button, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PersonForm } from '../PersonForm';
import type { PersonFormValues } from '../personForm';

export interface ChosenPerson {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
}

/**
 * Registers a new person without leaving a household form. A duplicate found on the way can be
 * chosen instead of registering the person again.
 */
export function NewPersonModal({
  opened,
  onClose,
  onChosen,
  initial,
}: {
  opened: boolean;
  onClose: () => void;
  onChosen: (person: ChosenPerson) => void;
  initial?: Partial<PersonFormValues>;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('persons.household.newPerson.title')} size="xl">
      <Text size="sm" mb="md">
        {t('persons.household.newPerson.lead')}
      </Text>
      {opened && (
        <PersonForm
          keepDraft={false}
          initial={initial}
          onSaved={(p) => onChosen(p)}
          onCancel={onClose}
          renderDuplicateAction={(p) => (
            <Button size="xs" variant="light" onClick={() => onChosen(p)}>
              {t('persons.household.newPerson.useExisting')}
            </Button>
          )}
        />
      )}
    </Modal>
  );
}
