import type { TimelineKind } from '@kooperacja/domain';
import { useInfiniteQuery } from '@tanstack/react-query';
import { caseKeys, fetchTimeline } from '../caseApi';

/** The case's timeline, newest first, in pages ("Załaduj starsze" asks for the next one). */
export function useTimeline(
  caseId: string,
  { kind = null, limit = 20 }: { kind?: TimelineKind | null; limit?: number } = {},
) {
  return useInfiniteQuery({
    queryKey: caseKeys.timelineOf(caseId, kind, limit),
    queryFn: ({ signal, pageParam }) => fetchTimeline(caseId, { kind, limit, before: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}
