import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { forwardRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Mantine's PasswordInput with the show/hide button labelled in the UI language and its state exposed. */
export const PasswordField = forwardRef<HTMLInputElement, PasswordInputProps>(
  function PasswordField(props, ref) {
    const { t } = useTranslation();
    const [visible, setVisible] = useState(false);
    return (
      <PasswordInput
        ref={ref}
        visible={visible}
        onVisibilityChange={setVisible}
        visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword'), 'aria-pressed': visible }}
        // Mantine marks only the wrapper invalid; assistive technology reads it from the input.
        aria-invalid={props.error ? true : undefined}
        {...props}
      />
    );
  },
);
