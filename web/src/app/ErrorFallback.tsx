import { Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../components/ProblemAlert';
import { isApiError } from '../lib/api';

/** Full-page error view used by the global error boundary and the router's error element. */
export function ErrorFallback({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={1}>{t('errors.boundary.title')}</Title>
        <Text>{t('errors.boundary.text')}</Text>
        {isApiError(error) && <ProblemAlert error={error} />}
        <Group>
          <Button onClick={() => window.location.reload()}>{t('errors.boundary.reload')}</Button>
          {/* A plain link: the router itself may be what failed. */}
          <Button component="a" href="/" variant="default">
            {t('errors.boundary.home')}
          </Button>
        </Group>
      </Stack>
    </Container>
  );
}
