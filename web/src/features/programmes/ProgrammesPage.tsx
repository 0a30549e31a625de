import { Button, Grid, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { SectionCard } from '../../components/SectionCard';
import { ProgrammeImport } from './ProgrammeImport';
import { ProgrammeNodeForm } from './ProgrammeNodeForm';
import { ProgrammeNodePanel } from './ProgrammeNodePanel';
import { ProgrammeTreeView } from './ProgrammeTreeView';
import { exportUrl } from './programmesApi';
import { useProgrammeTree } from './useProgrammeTree';

/**
 * `/programy`: the programme catalogue — the tree (programme → axis → action → sub-action → support
 * type) with a filter, and the chosen node (`?wezel=<id>`) in a detail panel. A system
 * administrator also adds programmes, exports and imports the catalogue as JSON.
 */
export function ProgrammesPage() {
  const { t } = useTranslation();
  const tree = useProgrammeTree();
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('wezel');
  const [dialog, setDialog] = useState<'import' | 'addProgramme' | null>(null);
  const manage = tree.data?.abilities.manage ?? false;

  const select = (id: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (id) next.set('wezel', id);
        else next.delete('wezel');
        return next;
      },
      { replace: false },
    );

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-end">
          <PageTitle>{t('programmes.title')}</PageTitle>
          <Group gap="sm">
            <Button component="a" href={exportUrl()} download variant="default">
              {t('programmes.exportAll')}
            </Button>
            {manage && (
              <>
                <Button variant="default" onClick={() => setDialog('import')}>
                  {t('programmes.importJson')}
                </Button>
                <Button onClick={() => setDialog('addProgramme')}>{t('programmes.addProgramme')}</Button>
              </>
            )}
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {t('programmes.intro')}
        </Text>
      </Stack>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <SectionCard
            titleId="programme-tree"
            title={t('programmes.tree.title')}
            query={{
              isPending: tree.isPending,
              error: tree.error,
              refetch: tree.refetch,
              skeletonHeight: 400,
            }}
          >
            {tree.data && (
              <ProgrammeTreeView
                key={tree.data.items.length === 0 ? 'empty' : 'tree'}
                items={tree.data.items}
                selectedId={selectedId}
                onSelect={select}
              />
            )}
          </SectionCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          {selectedId ? (
            <ProgrammeNodePanel key={selectedId} id={selectedId} onSelect={select} />
          ) : (
            <SectionCard titleId="programme-node" title={t('programmes.detail.title')}>
              <Text size="sm">{t('programmes.detail.choose')}</Text>
            </SectionCard>
          )}
        </Grid.Col>
      </Grid>
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        size="lg"
        title={dialog === 'import' ? t('programmes.import.title') : t('programmes.form.addProgrammeTitle')}
      >
        {dialog === 'import' && <ProgrammeImport onDone={() => setDialog(null)} />}
        {dialog === 'addProgramme' && (
          <ProgrammeNodeForm
            parent={null}
            childKinds={['program']}
            onSaved={(saved) => {
              setDialog(null);
              select(saved.id);
            }}
            onCancel={() => setDialog(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}
