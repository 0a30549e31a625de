import type { ProgrammeTreeItem } from '@kooperacja/domain';
import { ActionIcon, Badge, Box, Group, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { matchesWords, useProgrammeLabels } from './programmeLabels';

export interface TreeNode extends ProgrammeTreeItem {
  children: TreeNode[];
}

/** Nests the flat list by parent, siblings in their order. */
export function buildTree(items: readonly ProgrammeTreeItem[]): TreeNode[] {
  const byId = new Map<string, TreeNode>(items.map((i) => [i.id, { ...i, children: [] }]));
  const roots: TreeNode[] = [];
  for (const n of byId.values()) {
    const parent = n.parentId ? byId.get(n.parentId) : undefined;
    if (parent) parent.children.push(n);
    else roots.push(n);
  }
  const sort = (list: TreeNode[]) => {
    list.sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code, 'pl'));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** Ids of nodes that match the filter or lie above one that does (they stay shown and open). */
function visibleFor(roots: readonly TreeNode[], query: string): Set<string> | null {
  if (!query.trim()) return null;
  const out = new Set<string>();
  const walk = (n: TreeNode): boolean => {
    const below = n.children.map(walk).some(Boolean);
    const self = matchesWords(`${n.code} ${n.name}`, query);
    if (self || below) out.add(n.id);
    return self || below;
  };
  roots.forEach(walk);
  return out;
}

/** Ids of the ancestors of a node (to open the tree down to it). */
export function ancestorsOf(items: readonly ProgrammeTreeItem[], id: string | null): string[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const out: string[] = [];
  let n = id ? byId.get(id) : undefined;
  while (n?.parentId && out.length < 20) {
    out.push(n.parentId);
    n = byId.get(n.parentId);
  }
  return out;
}

export interface ProgrammeTreeViewProps {
  items: readonly ProgrammeTreeItem[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/**
 * The catalogue as nested lists: each node with children has a button that opens or closes them
 * (aria-expanded), each node's name chooses it for the detail panel. Programmes start open down to
 * the chosen node; the filter shows the nodes whose code or name contains every word typed, with
 * the nodes above them, all opened.
 */
export function ProgrammeTreeView({ items, selectedId, onSelect }: ProgrammeTreeViewProps) {
  const { t } = useTranslation();
  const labels = useProgrammeLabels();
  const roots = useMemo(() => buildTree(items), [items]);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<Set<string>>(
    () => new Set([...roots.map((r) => r.id), ...ancestorsOf(items, selectedId)]),
  );
  // Choosing a node elsewhere (the panel's children or path) opens the tree down to it.
  useEffect(() => {
    const above = ancestorsOf(items, selectedId);
    if (above.length)
      setOpen((prev) => (above.every((a) => prev.has(a)) ? prev : new Set([...prev, ...above])));
  }, [items, selectedId]);
  const visible = useMemo(() => visibleFor(roots, query), [roots, query]);
  const matches = visible ? items.filter((i) => matchesWords(`${i.code} ${i.name}`, query)).length : null;

  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const renderList = (nodes: readonly TreeNode[], id?: string) => (
    <Box component="ul" id={id} m={0} pl={id ? 'md' : 0} style={{ listStyle: 'none' }}>
      {nodes
        .filter((n) => !visible || visible.has(n.id))
        .map((n) => {
          const isOpen = visible ? true : open.has(n.id);
          const selected = n.id === selectedId;
          const childrenId = `programme-children-${n.id}`;
          return (
            <li key={n.id}>
              <Group gap={4} wrap="nowrap" align="flex-start" py={2}>
                {n.children.length > 0 ? (
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="md"
                    aria-expanded={isOpen}
                    aria-controls={isOpen ? childrenId : undefined}
                    aria-label={t(isOpen ? 'programmes.tree.collapse' : 'programmes.tree.expand', {
                      node: `${n.code} ${n.name}`,
                    })}
                    disabled={Boolean(visible)}
                    onClick={() => toggle(n.id)}
                  >
                    <span aria-hidden="true">{isOpen ? '▾' : '▸'}</span>
                  </ActionIcon>
                ) : (
                  <Box w={28} style={{ flexShrink: 0 }} />
                )}
                <UnstyledButton
                  onClick={() => onSelect(n.id)}
                  aria-current={selected ? 'true' : undefined}
                  px={6}
                  py={2}
                  style={{
                    borderRadius: 4,
                    outlineOffset: 2,
                    background: selected ? 'var(--mantine-color-blue-light)' : undefined,
                    fontWeight: selected ? 600 : undefined,
                  }}
                >
                  <Text span size="sm" fw={700}>
                    {n.code}
                  </Text>{' '}
                  <Text span size="sm">
                    {n.name}
                  </Text>{' '}
                  <Text span size="xs" c="dimmed">
                    ({labels.kind(n.kind)})
                  </Text>
                  {!n.active && (
                    <Badge ml={6} size="xs" variant="outline" color="gray">
                      {t('programmes.inactive')}
                    </Badge>
                  )}
                </UnstyledButton>
              </Group>
              {n.children.length > 0 && isOpen && renderList(n.children, childrenId)}
            </li>
          );
        })}
    </Box>
  );

  return (
    <>
      <TextInput
        type="search"
        label={t('programmes.tree.filter')}
        description={t('programmes.tree.filterHint')}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
      />
      <Text size="sm" role="status" aria-live="polite">
        {matches === null ? '' : t('programmes.tree.matches', { count: matches })}
      </Text>
      {/* A keyboard can scroll the box (WCAG 2.1.1): it takes focus and names itself. */}
      <Box
        component="section"
        aria-label={t('programmes.tree.label')}
        tabIndex={0}
        style={{ maxHeight: '70vh', overflow: 'auto', outlineOffset: 2 }}
      >
        {renderList(roots)}
      </Box>
    </>
  );
}
