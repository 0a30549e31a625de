import type { Problem } from '@kooperacja/domain';
import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api';

export interface ProblemAlertProps {
  /** A problem from the API, or any thrown value (ApiError, Error, …). */
  error: Problem | unknown;
  /** Shows a "try again" button — only for failures a retry can fix (network, 5xx). */
  onRetry?: () => void;
  /** Maps a field path (`query.limit`) to the label shown to the user. */
  fieldLabel?: (field: string) => string;
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).title === 'string' &&
    typeof (value as Problem).status === 'number'
  );
}

function toProblem(error: unknown, fallbackTitle: string): Problem {
  if (isApiError(error)) return error.problem;
  if (isProblem(error)) return error;
  return {
    type: 'about:blank',
    title: fallbackTitle,
    detail: error instanceof Error ? error.message : undefined,
    status: 0,
    code: 'internal_error',
  };
}

/**
 * Renders an RFC 9457 problem: its title, detail and the per-field errors of a failed validation.
 * Forms use it above their fields; queries use it in place of the data they could not load.
 */
export function ProblemAlert({ error, onRetry, fieldLabel }: ProblemAlertProps) {
  const { t } = useTranslation();
  const problem = toProblem(error, t('errors.boundary.title'));
  const fieldErrors = problem.errors ?? [];
  const retryable = problem.status === 0 || problem.status >= 500;
  return (
    <Alert color="red" variant="light" title={problem.title} role="alert" data-problem-code={problem.code}>
      <Stack gap="xs">
        {problem.detail && <Text size="sm">{problem.detail}</Text>}
        {fieldErrors.length > 0 && (
          <>
            <Text size="sm" fw={600}>
              {t('problem.fieldErrors')}
            </Text>
            <List size="sm" spacing={2}>
              {fieldErrors.map((e) => (
                <List.Item key={`${e.field}:${e.code}`}>
                  <Text span fw={600} size="sm">
                    {fieldLabel ? fieldLabel(e.field) : e.field}
                  </Text>
                  : {e.message}
                </List.Item>
              ))}
            </List>
          </>
        )}
        {problem.requestId && (
          <Text size="xs" c="dimmed">
            {t('problem.requestId', { id: problem.requestId })}
          </Text>
        )}
        {onRetry && retryable && (
          <div>
            <Button size="xs" variant="default" onClick={onRetry}>
              {t('problem.retry')}
            </Button>
          </div>
        )}
      </Stack>
    </Alert>
  );
}
