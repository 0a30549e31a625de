import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDateTime } from '../../lib/format';
import { formErrorsOf } from '../cases/page/formErrors';
import { useMessages } from './hooks';
import { postMessage, sharingKeys } from './sharingApi';

/**
 * The messages of a case team, or of one referral (`referralId`), oldest first, with a box to write.
 * Messages are work notes between institutions: no client documents, only what the share allows.
 */
export function MessageThread({
  caseId,
  referralId = null,
  headingId,
  title,
  headingOrder = 3,
  readOnly = false,
}: {
  caseId: string;
  referralId?: string | null;
  headingId: string;
  title: string;
  headingOrder?: 2 | 3 | 4;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useMessages(caseId, referralId);
  const form = useForm({
    initialValues: { body: '' },
    validate: { body: (v) => (v.trim() ? null : t('sharing.form.required')) },
  });
  const send = useMutation({
    mutationFn: (v: { body: string }) => postMessage(caseId, { body: v.body, referralId }),
    onSuccess: () => {
      form.reset();
      void queryClient.invalidateQueries({ queryKey: sharingKeys.messages(caseId, referralId) });
    },
    onError: (e) => form.setErrors(formErrorsOf(e)),
  });
  const items = query.data?.items ?? [];
  const testId = referralId ? `thread-${referralId}` : 'team-thread';
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId} data-testid={testId}>
      <Title order={headingOrder} size="h5" id={headingId}>
        {title}
      </Title>
      {query.isPending && <Text size="sm">{t('common.loading')}</Text>}
      {query.error ? <ProblemAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data && items.length === 0 && <Text size="sm">{t('sharing.messages.empty')}</Text>}
      {items.length > 0 && (
        <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((m) => (
            <Paper
              key={m.id}
              component="li"
              withBorder
              p="sm"
              bg={m.mine ? 'var(--mantine-color-blue-light)' : undefined}
            >
              <Text size="xs" c="dimmed">
                {t('sharing.messages.meta', {
                  author: m.author.name,
                  institution: m.institution.name,
                  at: formatDateTime(m.createdAt),
                })}
                {m.mine ? ` · ${t('sharing.messages.mine')}` : ''}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {m.body}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
      {!readOnly && (
        <form onSubmit={form.onSubmit((v) => send.mutate(v))} noValidate>
          <Stack gap="xs">
            {send.error && !Object.keys(formErrorsOf(send.error)).length ? (
              <ProblemAlert error={send.error} />
            ) : null}
            <Textarea
              label={t('sharing.messages.new')}
              description={t('sharing.messages.hint')}
              autosize
              minRows={2}
              {...form.getInputProps('body')}
              data-testid={`${testId}-input`}
            />
            <Group justify="flex-end">
              <Button type="submit" size="sm" loading={send.isPending}>
                {t('sharing.messages.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
