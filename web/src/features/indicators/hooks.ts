import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  type DefinitionParams,
  fetchDefinitions,
  fetchMetrics,
  fetchPeriods,
  fetchPortfolio,
  fetchProjectIndicators,
  fetchSeries,
  indicatorKeys,
  type PortfolioParams,
} from './indicatorsApi';

export function useProjectIndicators(projectId: string, asOf: string | null) {
  return useQuery({
    queryKey: indicatorKeys.list(projectId, asOf),
    queryFn: ({ signal }) => fetchProjectIndicators(projectId, asOf, signal),
    placeholderData: keepPreviousData,
  });
}

export function useIndicatorSeries(projectId: string, indicatorId: string | null) {
  return useQuery({
    queryKey: indicatorKeys.series(projectId, indicatorId ?? ''),
    queryFn: ({ signal }) => fetchSeries(projectId, indicatorId as string, signal),
    enabled: !!indicatorId,
  });
}

export function usePeriods(projectId: string) {
  return useQuery({
    queryKey: indicatorKeys.periods(projectId),
    queryFn: ({ signal }) => fetchPeriods(projectId, signal),
  });
}

export function useDefinitions(params: DefinitionParams, enabled = true) {
  return useQuery({
    queryKey: indicatorKeys.definitions(params),
    queryFn: ({ signal }) => fetchDefinitions(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useMetrics(enabled = true) {
  return useQuery({
    queryKey: indicatorKeys.metrics,
    queryFn: ({ signal }) => fetchMetrics(signal),
    staleTime: 10 * 60_000,
    enabled,
  });
}

export function usePortfolio(params: PortfolioParams) {
  return useQuery({
    queryKey: indicatorKeys.portfolio(params),
    queryFn: ({ signal }) => fetchPortfolio(params, signal),
    placeholderData: keepPreviousData,
  });
}
