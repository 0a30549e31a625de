import type { Plan } from '@kooperacja/domain';
import { Anchor, Button, FileInput, Group, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../../components/ProblemAlert';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_MB, attachmentUrl, SIGNED_SCAN_ACCEPT } from '../caseApi';
import { useAttachSignedScan } from './useAttachSignedScan';

const ALLOWED = new Set(SIGNED_SCAN_ACCEPT.split(','));

/** The scan of the signed plan or contract: a link to it and, for editors, an upload of a new one. */
export function SignedScan({ caseId, plan }: { caseId: string; plan: Plan }) {
  const { t } = useTranslation();
  const attach = useAttachSignedScan(caseId);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const inputId = `signed-scan-${plan.id}`;

  const choose = (f: File | null) => {
    setFile(f);
    attach.reset();
    if (f && f.size > ATTACHMENT_MAX_BYTES)
      setFileError(t('cases.page.common.fileTooLarge', { mb: ATTACHMENT_MAX_MB }));
    else if (f?.type && !ALLOWED.has(f.type)) setFileError(t('cases.plan.scan.typeError'));
    else setFileError(null);
  };

  const upload = () => {
    if (!file || fileError) return;
    setProgress(0);
    attach.mutate(
      { planId: plan.id, version: plan.version, file, onProgress: setProgress },
      {
        onSuccess: () => {
          setFile(null);
          notifications.show({ color: 'green', message: t('cases.plan.scan.saved') });
        },
        onSettled: () => setProgress(null),
      },
    );
  };

  return (
    <Stack gap="xs">
      {plan.signedScanId ? (
        <Anchor href={attachmentUrl(caseId, plan.signedScanId)} size="sm" target="_blank" rel="noopener">
          {t('cases.plan.scan.download')}
        </Anchor>
      ) : (
        <Text size="sm">{t('cases.plan.scan.none')}</Text>
      )}
      {plan.abilities.update && (
        <Group gap="sm" align="flex-end" wrap="wrap">
          <FileInput
            id={inputId}
            label={plan.signedScanId ? t('cases.plan.scan.replace') : t('cases.plan.scan.attach')}
            description={t('cases.plan.scan.hint', { mb: ATTACHMENT_MAX_MB })}
            accept={SIGNED_SCAN_ACCEPT}
            clearable
            value={file}
            onChange={choose}
            error={fileError}
            miw={260}
          />
          <Button onClick={upload} disabled={!file || !!fileError} loading={attach.isPending}>
            {t('cases.plan.scan.upload')}
          </Button>
        </Group>
      )}
      {progress !== null && (
        <Progress
          value={Math.round(progress * 100)}
          aria-label={t('cases.page.common.uploading', {
            name: file?.name ?? '',
            percent: Math.round(progress * 100),
          })}
        />
      )}
      {attach.error ? <ProblemAlert error={attach.error} /> : null}
    </Stack>
  );
}
