import { Button, type ButtonProps, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ConfirmButtonProps extends Omit<ButtonProps, 'onClick'> {
  /** Title of the confirmation dialog. */
  title: string;
  /** What will happen, in a sentence or two. */
  message: ReactNode;
  /** Label of the confirming button (defaults to the button's own text). */
  confirmLabel?: string;
  onConfirm: () => void;
  'aria-label'?: string;
  children: ReactNode;
}

/** A button that asks before doing something that cannot be undone with one click. */
export function ConfirmButton({
  title,
  message,
  confirmLabel,
  onConfirm,
  children,
  color,
  ...buttonProps
}: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button color={color} {...buttonProps} onClick={open}>
        {children}
      </Button>
      <Modal opened={opened} onClose={close} title={title} centered>
        <Stack>
          <Text size="sm">{message}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('admin.cancel')}
            </Button>
            <Button
              color={color}
              onClick={() => {
                close();
                onConfirm();
              }}
            >
              {confirmLabel ?? children}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
