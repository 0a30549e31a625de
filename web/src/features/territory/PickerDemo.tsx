import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { TerritoryPicker } from './TerritoryPicker';

/** Shows the TerritoryPicker inside a @mantine/form form, the way later modules will use it. */
export function PickerDemo() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useForm<{ gmina: string | null }>({
    initialValues: { gmina: null },
    validate: { gmina: (value) => (value ? null : t('territory.picker.required')) },
  });
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="picker-title">
      <form
        onSubmit={form.onSubmit(({ gmina }) => {
          if (gmina) void navigate(`/terytoria/${gmina}`);
        })}
        noValidate
      >
        <Stack gap="xs">
          <Title order={2} size="h4" id="picker-title">
            {t('territory.picker.demoTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('territory.picker.demoDescription')}
          </Text>
          <TerritoryPicker required {...form.getInputProps('gmina')} />
          <div>
            <Button type="submit" size="sm">
              {t('territory.picker.go')}
            </Button>
          </div>
        </Stack>
      </form>
    </Card>
  );
}
