import { Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Page numbers under a list, with spoken labels for every control. */
export function ListPagination({
  total,
  pageSize,
  page,
  onChange,
}: {
  total: number;
  pageSize: number;
  page: number;
  onChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('admin.paging.label')}>
      <Pagination
        total={pages}
        value={Math.min(page, pages)}
        onChange={onChange}
        getControlProps={(control) =>
          control === 'previous'
            ? { 'aria-label': t('admin.paging.previous') }
            : control === 'next'
              ? { 'aria-label': t('admin.paging.next') }
              : {}
        }
        getItemProps={(p) => ({ 'aria-label': t('admin.paging.pageN', { page: p }) })}
      />
    </nav>
  );
}
