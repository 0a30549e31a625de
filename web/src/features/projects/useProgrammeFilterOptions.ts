import type { ProgrammeTree } from '@kooperacja/domain';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { fetchProgrammeTree, projectKeys } from './projectsApi';

export interface ProgrammeOption {
  value: string;
  label: string;
}

/**
 * Programmes, priority axes, actions and sub-actions as options of the portfolio filter, in tree
 * order, each labelled with its code path and name ("POWER 2014-2020 › II › 2.5 Skuteczna pomoc
 * społeczna"). Choosing a node shows the projects placed on it or anywhere below it.
 */
export function programmeOptions(tree: ProgrammeTree['items']): ProgrammeOption[] {
  const children = new Map<string | null, ProgrammeTree['items']>();
  for (const n of tree) {
    if (n.kind === 'typ_wsparcia') continue;
    const list = children.get(n.parentId) ?? [];
    list.push(n);
    children.set(n.parentId, list);
  }
  const out: ProgrammeOption[] = [];
  const walk = (parentId: string | null, codes: string[]) => {
    const list = [...(children.get(parentId) ?? [])].sort(
      (a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code, 'pl'),
    );
    for (const n of list) {
      const path = [...codes, n.code];
      out.push({ value: n.id, label: `${path.join(' › ')} ${n.name}` });
      walk(n.id, path);
    }
  };
  walk(null, []);
  return out;
}

export function useProgrammeFilterOptions() {
  const query = useQuery({
    queryKey: projectKeys.programmeTree,
    queryFn: ({ signal }) => fetchProgrammeTree(signal),
    staleTime: 5 * 60_000,
  });
  const options = useMemo(() => programmeOptions(query.data?.items ?? []), [query.data]);
  return { ...query, options };
}
