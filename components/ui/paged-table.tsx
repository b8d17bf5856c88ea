'use client';
// A table of server-side pages: the query's loading and error states, an empty state, the rows, and previous/next
// over keyset cursors (useCursorPager). The Users, Groups and request-log tabs and a group's members share it.
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Page } from '@/lib/client/types';
import type { CursorPager } from '@/lib/client/use-cursor-pager';
import { QueryState } from './query-state';
import { Pager, Table, TBody, THead } from './table';

interface PagedTableProps<T> {
  query: UseQueryResult<Page<T>>;
  pager: CursorPager;
  /** The spinner's accessible label while the first page loads. */
  loadingLabel: string;
  caption: string;
  /** Shown instead of the table when the page has no rows. */
  empty: ReactNode;
  /** The header cells. */
  head: ReactNode;
  /** One row (a keyed <tr>) per item. */
  row: (item: T) => ReactNode;
}

export function PagedTable<T>({ query, pager, loadingLabel, caption, empty, head, row }: PagedTableProps<T>) {
  const rows = query.data?.data ?? [];
  const nextCursor = query.data?.nextCursor ?? null;
  return (
    <QueryState isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label={loadingLabel}>
      {rows.length === 0 ? (
        empty
      ) : (
        <>
          <Table caption={caption}>
            <THead>{head}</THead>
            <TBody>{rows.map(row)}</TBody>
          </Table>
          <Pager
            page={pager.page}
            hasPrevious={pager.hasPrevious}
            hasNext={nextCursor !== null}
            onPrevious={pager.previous}
            onNext={() => nextCursor !== null && pager.next(nextCursor)}
            busy={query.isFetching && query.isPlaceholderData}
          />
        </>
      )}
    </QueryState>
  );
}
