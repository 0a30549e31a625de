import type { EditionOut, Training } from '@kooperacja/domain';
import { Anchor, Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../lib/format';
import { textColors } from '../../theme';
import { formatPeriod, useEditionWhere } from './common';
import { EditionForm } from './EditionForm';
import { useTrainingLabels } from './labels';

/** Edycje (organiser): the editions with their places and registrations; add or change one. */
export function EditionsTab({ training }: { training: Training }) {
  const { t } = useTranslation();
  const labels = useTrainingLabels();
  const where = useEditionWhere();
  const [editing, setEditing] = useState<EditionOut | 'new' | null>(null);
  const [saved, setSaved] = useState('');
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm">{t('trainings.editions.lead')}</Text>
        <Button onClick={() => setEditing('new')}>{t('trainings.edition.addTitle')}</Button>
      </Group>
      <Text size="sm" role="status" c={textColors.success} fw={600}>
        {saved}
      </Text>
      {training.editions.length === 0 ? (
        <Text>{t('trainings.page.noEditions')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped withTableBorder>
            <Table.Caption>{t('trainings.editions.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('trainings.edition.name')}</Table.Th>
                <Table.Th scope="col">{t('trainings.edition.dates')}</Table.Th>
                <Table.Th scope="col">{t('trainings.edition.mode')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('trainings.editions.confirmed')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('trainings.edition.waiting')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('trainings.editions.pending')}
                </Table.Th>
                <Table.Th scope="col">{t('trainings.edition.status')}</Table.Th>
                <Table.Th scope="col">{t('trainings.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {training.editions.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`/szkolenia/${training.id}/edycje/${e.id}`}>
                      {e.name}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{formatPeriod(e.startsOn, e.endsOn)}</Table.Td>
                  <Table.Td>{where(e)}</Table.Td>
                  <Table.Td ta="right">
                    {formatNumber(e.confirmed)} / {formatNumber(e.capacity)}
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(e.waiting)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(e.pending)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" tt="none" color={e.status === 'odwolana' ? 'red' : 'blue'}>
                      {labels.label('editionStatuses', e.status)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={t('trainings.editions.editName', { name: e.name })}
                      onClick={() => setEditing(e)}
                    >
                      {t('trainings.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('trainings.edition.addTitle') : t('trainings.edition.editTitle')}
        size="xl"
      >
        {editing !== null && (
          <EditionForm
            trainingId={training.id}
            edition={editing === 'new' ? null : editing}
            onCancel={() => setEditing(null)}
            onSaved={(e) => {
              setEditing(null);
              setSaved(t('trainings.editions.saved', { name: e.name }));
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
