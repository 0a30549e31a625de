import type { ProgrammeNodeDetail } from '@kooperacja/domain';
import { Alert, Anchor, Badge, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { ProgrammeNodeForm } from './ProgrammeNodeForm';
import { useProgrammeLabels } from './programmeLabels';
import { exportUrl } from './programmesApi';
import { useDeleteProgrammeNode, useSetProgrammeNodeActive } from './useProgrammeMutations';
import { useProgrammeNode } from './useProgrammeNode';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Text component="dt" fw={600} size="sm">
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} mb="xs" style={{ whiteSpace: 'pre-line' }}>
        {children}
      </Text>
    </>
  );
}

function RulesList({ lines }: { lines: string[] }) {
  const { t } = useTranslation();
  if (!lines.length) return <>{t('programmes.detail.noRules')}</>;
  return (
    <List size="sm" spacing={2} component="ul">
      {lines.map((l) => (
        <List.Item key={l}>{l}</List.Item>
      ))}
    </List>
  );
}

export interface ProgrammeNodePanelProps {
  id: string;
  onSelect: (id: string | null) => void;
}

/**
 * The chosen node: code, name, description, its rules in words (with those it inherits), its
 * children and how many projects sit under it (a link to them). A system administrator adds a child,
 * edits, deactivates or activates, deletes a node without children and projects, exports a programme.
 */
export function ProgrammeNodePanel({ id, onSelect }: ProgrammeNodePanelProps) {
  const { t } = useTranslation();
  const labels = useProgrammeLabels();
  const query = useProgrammeNode(id);
  const setActive = useSetProgrammeNodeActive();
  const remove = useDeleteProgrammeNode();
  const [form, setForm] = useState<'edit' | 'add' | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const n: ProgrammeNodeDetail | undefined = query.data;
  const title = n ? `${n.code} ${n.name}` : t('programmes.detail.title');
  const sectionQuery = {
    isPending: query.isPending,
    error: query.error,
    refetch: query.refetch,
    skeletonHeight: 240,
  };
  if (!n) return <SectionCard titleId="programme-node" title={title} query={sectionQuery} />;

  const own = labels.rules(n.rules);
  const inherited = labels.rules(n.effectiveRules).filter((l) => !own.includes(l));
  const manage = n.abilities.update;
  const toggle = () =>
    setActive.mutate(
      { id: n.id, active: !n.active, version: n.version },
      {
        onSuccess: (saved) =>
          notifications.show({
            color: 'green',
            message: saved.active ? t('programmes.detail.activated') : t('programmes.detail.deactivated'),
          }),
        onError: () => void query.refetch(),
      },
    );
  const doDelete = () =>
    remove.mutate(
      { id: n.id, version: n.version },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('programmes.detail.deleted') });
          setConfirmDelete(false);
          onSelect(n.parentId);
        },
      },
    );

  return (
    <SectionCard titleId="programme-node" title={title}>
      <Group gap={6}>
        <Badge variant="light">{labels.kind(n.kind)}</Badge>
        {!n.active && (
          <Badge variant="outline" color="gray">
            {t('programmes.inactive')}
          </Badge>
        )}
      </Group>
      {!n.active && (
        <Alert color="yellow" variant="light">
          {t('programmes.detail.inactiveNote')}
        </Alert>
      )}
      {n.ancestors.length > 0 && (
        <nav aria-label={t('programmes.detail.ancestors')}>
          <Group gap={4}>
            {n.ancestors.map((a, i) => (
              <Text span size="sm" key={a.id}>
                {i > 0 && <span aria-hidden="true"> › </span>}
                <Anchor component="button" type="button" size="sm" onClick={() => onSelect(a.id)}>
                  {a.code}
                </Anchor>
              </Text>
            ))}
          </Group>
        </nav>
      )}
      <dl style={{ margin: 0 }}>
        <Fact label={t('programmes.detail.code')}>{n.code}</Fact>
        <Fact label={t('programmes.detail.name')}>{n.name}</Fact>
        <Fact label={t('programmes.detail.path')}>{n.path}</Fact>
        {n.period && <Fact label={t('programmes.detail.period')}>{n.period}</Fact>}
        <Fact label={t('programmes.detail.description')}>{n.description ?? t('programmes.detail.none')}</Fact>
        <Fact label={t('programmes.detail.rules')}>
          <RulesList lines={own} />
        </Fact>
        {inherited.length > 0 && (
          <Fact label={t('programmes.detail.inheritedRules')}>
            <RulesList lines={inherited} />
          </Fact>
        )}
        <Fact label={t('programmes.detail.projects')}>
          {n.projectCount > 0 ? (
            <Anchor component={Link} to={`/projekty?programme=${n.id}`} size="sm">
              {t('programmes.detail.projectCount', { count: n.projectCount })}
            </Anchor>
          ) : (
            t('programmes.detail.noProjects')
          )}
        </Fact>
      </dl>
      {n.children.length > 0 && (
        <section aria-labelledby="programme-node-children">
          <Text component="h3" fw={600} size="sm" id="programme-node-children" mb={4}>
            {t('programmes.detail.children', { count: n.children.length })}
          </Text>
          <List size="sm" spacing={2}>
            {n.children.map((c) => (
              <List.Item key={c.id}>
                <Anchor component="button" type="button" size="sm" ta="left" onClick={() => onSelect(c.id)}>
                  {c.code} {c.name}
                </Anchor>
                {!c.active && ` (${t('programmes.inactive')})`}
              </List.Item>
            ))}
          </List>
        </section>
      )}
      {setActive.error ? <ProblemAlert error={setActive.error} /> : null}
      {remove.error ? <ProblemAlert error={remove.error} /> : null}
      {manage && (
        <Group gap="sm">
          {n.abilities.addChild && (
            <Button onClick={() => setForm('add')}>{t('programmes.detail.addChild')}</Button>
          )}
          <Button variant="default" onClick={() => setForm('edit')}>
            {t('programmes.detail.edit')}
          </Button>
          <Button variant="default" onClick={toggle} loading={setActive.isPending}>
            {n.active ? t('programmes.detail.deactivate') : t('programmes.detail.activate')}
          </Button>
          {n.abilities.delete && (
            <Button variant="default" color="red" onClick={() => setConfirmDelete(true)}>
              {t('programmes.detail.delete')}
            </Button>
          )}
        </Group>
      )}
      {manage && !n.abilities.delete && (
        <Text size="xs" c="dimmed">
          {t('programmes.detail.deleteHint')}
        </Text>
      )}
      {n.kind === 'program' && (
        <Anchor href={exportUrl(n.id)} download size="sm">
          {t('programmes.detail.exportProgramme')}
        </Anchor>
      )}
      {confirmDelete && (
        <Alert
          color="red"
          variant="light"
          role="alertdialog"
          title={t('programmes.detail.deleteConfirm', { node: title })}
        >
          <Group gap="sm" mt="xs">
            <Button color="red" onClick={doDelete} loading={remove.isPending}>
              {t('programmes.detail.deleteYes')}
            </Button>
            <Button variant="default" onClick={() => setConfirmDelete(false)}>
              {t('programmes.form.cancel')}
            </Button>
          </Group>
        </Alert>
      )}
      <Modal
        opened={form !== null}
        onClose={() => setForm(null)}
        size="lg"
        title={
          form === 'add' ? t('programmes.form.addTitle', { parent: title }) : t('programmes.form.editTitle')
        }
      >
        {form === 'add' && (
          <ProgrammeNodeForm
            parent={n}
            childKinds={n.childKinds}
            onSaved={(saved) => {
              setForm(null);
              onSelect(saved.id);
            }}
            onCancel={() => setForm(null)}
          />
        )}
        {form === 'edit' && (
          <Stack>
            <ProgrammeNodeForm
              key={n.version}
              node={n}
              onSaved={() => setForm(null)}
              onCancel={() => setForm(null)}
              onReload={() => void query.refetch()}
            />
          </Stack>
        )}
      </Modal>
    </SectionCard>
  );
}
