import { Card, Grid, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';
import { MyTasksCard } from '../tasks/MyTasksCard';
import { HealthCard } from './HealthCard';
import { TerritorySummaryCard } from './TerritorySummaryCard';

const dimensions = ['institutions', 'staff', 'client'] as const;

export function HomePage() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <PageTitle>{t('home.title')}</PageTitle>
        <Text maw={820}>{t('home.lead')}</Text>
      </Stack>

      <MyTasksCard />

      <section aria-labelledby="model-title">
        <Stack gap="sm">
          <Title order={2} size="h3" id="model-title">
            {t('home.modelTitle')}
          </Title>
          <Text>{t('home.modelLead')}</Text>
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
            {dimensions.map((d, i) => (
              <Card key={d} withBorder padding="md">
                <Title order={3} size="h5" c="kooperacja.8">
                  {i + 1}. {t(`home.dimensions.${d}.title`)}
                </Title>
                <Text size="sm" mt={6}>
                  {t(`home.dimensions.${d}.text`)}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
        </Stack>
      </section>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <TerritorySummaryCard />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <HealthCard />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
