import { formatAmountPlain, type MoneyParseError, moneyParseErrors, parseAmount } from '@kooperacja/domain';
import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The message for a typed amount that is not one (in the UI language), or null when it parses. */
export function useMoneyError() {
  const { i18n } = useTranslation();
  const lang = i18n.language?.startsWith('en') ? 'en' : 'pl';
  return (text: string, { required = true }: { required?: boolean } = {}): string | null => {
    if (!required && text.trim() === '') return null;
    const parsed = parseAmount(text);
    return parsed.ok ? null : moneyParseErrors[parsed.error as MoneyParseError][lang];
  };
}

/** Grosze for a valid typed amount (empty → 0 when not required). */
export function groszeOf(text: string): number {
  if (text.trim() === '') return 0;
  const parsed = parseAmount(text);
  if (!parsed.ok) throw new Error(`not an amount: ${text}`);
  return parsed.grosze;
}

/** Grosze as the text of a money field ("1 216 630,61"). */
export const amountText = (grosze: number | null | undefined) =>
  grosze === null || grosze === undefined ? '' : formatAmountPlain(grosze);

/**
 * A money field: accepts Polish amounts as people type them ("1 216 630,61", "1216630.61",
 * "1 216 630,61 zł") and, on leaving the field, shows a valid amount in the standard form. The value
 * stays text; the form converts it to whole grosze (never a float) when it is sent.
 */
export function MoneyInput({
  value = '',
  onChange,
  onBlur,
  ...props
}: Omit<TextInputProps, 'value' | 'onChange'> & { value?: string; onChange: (text: string) => void }) {
  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      rightSection="zł"
      rightSectionPointerEvents="none"
      {...props}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      onBlur={(e) => {
        const parsed = parseAmount(value);
        if (parsed.ok) onChange(formatAmountPlain(parsed.grosze));
        onBlur?.(e);
      }}
    />
  );
}
