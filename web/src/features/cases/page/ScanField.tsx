import { Anchor, Button, FileInput, Group, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { authKeys } from '../../auth/useMe';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MAX_MB,
  attachmentUrl,
  SIGNED_SCAN_ACCEPT,
  uploadAttachment,
} from './caseApi';

const ALLOWED = new Set(SIGNED_SCAN_ACCEPT.split(','));

export interface ScanFieldProps {
  caseId: string;
  /** The file already linked, if any. */
  scanId: string | null;
  canEdit: boolean;
  inputId: string;
  /** Links the uploaded file (a new attachment of the case) to the document; called after the upload. */
  link: (attachmentId: string) => Promise<unknown>;
  onLinked?: () => void;
}

/**
 * The scan of a signed paper (a plan or contract, a consent form): a link to it and, for editors, an
 * upload of a new one — the file becomes an attachment of the case, then it is linked to the document.
 */
export function ScanField({ caseId, scanId, canEdit, inputId, link, onLinked }: ScanFieldProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const attach = useMutation({
    mutationFn: async (f: File) => {
      const attachment = await uploadAttachment(caseId, f, setProgress);
      return link(attachment.id);
    },
    onSuccess: () => {
      setFile(null);
      notifications.show({ color: 'green', message: t('cases.plan.scan.saved') });
      onLinked?.();
    },
    onError: (error) => {
      // The upload bypasses apiFetch: an ended session is noticed by asking who is signed in.
      if ((error as { status?: number }).status === 401)
        void queryClient.invalidateQueries({ queryKey: authKeys.me });
    },
    onSettled: () => setProgress(null),
  });

  const choose = (f: File | null) => {
    setFile(f);
    attach.reset();
    if (f && f.size > ATTACHMENT_MAX_BYTES)
      setFileError(t('cases.page.common.fileTooLarge', { mb: ATTACHMENT_MAX_MB }));
    else if (f?.type && !ALLOWED.has(f.type)) setFileError(t('cases.plan.scan.typeError'));
    else setFileError(null);
  };

  return (
    <Stack gap="xs">
      {scanId ? (
        <Anchor href={attachmentUrl(caseId, scanId)} size="sm" target="_blank" rel="noopener">
          {t('cases.plan.scan.download')}
        </Anchor>
      ) : (
        <Text size="sm">{t('cases.plan.scan.none')}</Text>
      )}
      {canEdit && (
        <Group gap="sm" align="flex-end" wrap="wrap">
          <FileInput
            id={inputId}
            label={scanId ? t('cases.plan.scan.replace') : t('cases.plan.scan.attach')}
            description={t('cases.plan.scan.hint', { mb: ATTACHMENT_MAX_MB })}
            accept={SIGNED_SCAN_ACCEPT}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            value={file}
            onChange={choose}
            error={fileError}
            miw={260}
          />
          <Button
            onClick={() => file && !fileError && attach.mutate(file)}
            disabled={!file || !!fileError}
            loading={attach.isPending}
          >
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
