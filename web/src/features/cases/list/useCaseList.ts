import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type CaseListParams, caseListKeys, fetchCases } from './caseListApi';

/** "Moje sprawy" or the institution's cases with filters; the previous page stays while the next loads. */
export function useCaseList(params: CaseListParams) {
  return useQuery({
    queryKey: caseListKeys.list(params),
    queryFn: ({ signal }) => fetchCases(params, signal),
    placeholderData: keepPreviousData,
  });
}
