import type { Case, CaseStatus } from '@kooperacja/domain';
import { Box, Button, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../../components/SectionCard';
import { useCaseLabels } from '../shared/casesDictionaries';
import { CloseCaseDialog } from './CloseCaseDialog';
import { isNoiseRefusal, refusalText, STATUS_ORDER, transitionKind } from './refusal';
import { TransitionDialog } from './TransitionDialog';

/**
 * The status flow zgłoszenie → … → zamknięta with the current step marked, the steps the case may
 * take now as buttons and, for the ones it may not, the reason in words. Closing asks for the
 * closure reason and the outcome; a step back and a reopening ask why.
 */
export function StatusStepper({ data }: { data: Case }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const [target, setTarget] = useState<CaseStatus | null>(null);
  const current = STATUS_ORDER.indexOf(data.status);
  const shown = data.transitions.filter((tr) => tr.allowed || !isNoiseRefusal(tr.refusal));
  const closed = data.status === 'zamknieta';

  const buttonLabel = (to: CaseStatus) => {
    const status = labels.label('statuses', to);
    switch (transitionKind(data.status, to)) {
      case 'close':
        return t('cases.page.stepper.close');
      case 'reopen':
        return t('cases.page.stepper.reopen');
      case 'back':
        return t('cases.page.stepper.back', { status });
      default:
        return t('cases.page.stepper.forward', { status });
    }
  };

  return (
    <SectionCard titleId="case-status" title={t('cases.page.stepper.title')}>
      <Box
        component="ol"
        aria-label={t('cases.page.stepper.flow')}
        m={0}
        p={0}
        style={{ listStyle: 'none', display: 'flex', flexWrap: 'wrap', gap: 'var(--mantine-spacing-xs)' }}
      >
        {STATUS_ORDER.map((s, i) => {
          const isCurrent = i === current;
          const done = !closed && i < current;
          return (
            <Group
              key={s}
              component="li"
              gap={6}
              wrap="nowrap"
              aria-current={isCurrent ? 'step' : undefined}
              data-status={s}
              px="xs"
              py={4}
              style={{
                borderRadius: 'var(--mantine-radius-sm)',
                border: isCurrent
                  ? '2px solid var(--mantine-color-kooperacja-7)'
                  : '1px solid var(--mantine-color-gray-4)',
              }}
            >
              <ThemeIcon
                size="sm"
                radius="xl"
                variant={isCurrent || done ? 'filled' : 'outline'}
                color={isCurrent || done ? 'kooperacja.7' : 'gray.7'}
                aria-hidden
              >
                <Text span fz={11} fw={700}>
                  {done ? '✓' : i + 1}
                </Text>
              </ThemeIcon>
              <Text size="sm" fw={isCurrent ? 700 : 400}>
                {labels.label('statuses', s)}
              </Text>
              {isCurrent && (
                <Text span size="xs" c="dimmed">
                  ({t('cases.page.stepper.current')})
                </Text>
              )}
            </Group>
          );
        })}
      </Box>

      {!data.abilities.transition ? (
        <Text size="sm" c="dimmed">
          {t('cases.page.stepper.noAbility')}
        </Text>
      ) : shown.length === 0 ? null : (
        <Stack gap="xs">
          <Text size="sm" fw={600} id="case-next-steps">
            {t('cases.page.stepper.nextSteps')}
          </Text>
          <Stack
            gap="xs"
            component="ul"
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
            aria-labelledby="case-next-steps"
          >
            {shown.map((tr) => {
              const kind = transitionKind(data.status, tr.to);
              const reasonId = `transition-refusal-${tr.to}`;
              return (
                <Group key={tr.to} component="li" gap="sm" wrap="wrap" align="center">
                  <Button
                    size="sm"
                    variant={kind === 'forward' || kind === 'reopen' ? 'filled' : 'default'}
                    color={kind === 'close' ? 'red.8' : undefined}
                    disabled={!tr.allowed}
                    aria-describedby={tr.allowed ? undefined : reasonId}
                    onClick={() => setTarget(tr.to)}
                  >
                    {buttonLabel(tr.to)}
                  </Button>
                  {!tr.allowed && (
                    <Text size="sm" id={reasonId} data-refusal={tr.refusal ?? ''}>
                      {refusalText(t, tr.refusal)}
                    </Text>
                  )}
                </Group>
              );
            })}
          </Stack>
        </Stack>
      )}

      <CloseCaseDialog data={data} opened={target === 'zamknieta'} onClose={() => setTarget(null)} />
      {target && target !== 'zamknieta' && (
        <TransitionDialog data={data} to={target} opened onClose={() => setTarget(null)} />
      )}
    </SectionCard>
  );
}
