import { Card, type MantineSpacing, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { ProblemAlert } from './ProblemAlert';

/** The state of the query a section shows: a skeleton while pending, the problem if it failed. */
export interface SectionQuery {
  isPending: boolean;
  error: unknown;
  refetch: () => unknown;
  skeletonHeight: number;
}

/** A titled card section (h2 labelling the landmark), optionally driven by one query's state. */
export function SectionCard({
  titleId,
  title,
  description,
  padding = 'lg',
  query,
  children,
}: {
  titleId: string;
  title: ReactNode;
  description?: ReactNode;
  padding?: MantineSpacing;
  query?: SectionQuery;
  children?: ReactNode;
}) {
  return (
    <Card withBorder padding={padding} component="section" aria-labelledby={titleId}>
      <Stack gap={padding === 'lg' ? 'sm' : 'xs'}>
        <Title order={2} size="h4" id={titleId}>
          {title}
        </Title>
        {description && (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        )}
        {query?.isPending && <Skeleton height={query.skeletonHeight} />}
        {query?.error ? <ProblemAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
        {children}
      </Stack>
    </Card>
  );
}
