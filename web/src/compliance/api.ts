/** Queries of the compliance API shared by several pages (catalog, sets, configuration). */
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { ComplianceConfig, RuleView, StandardSetView } from './types.ts';

export function useRules() {
  return useQuery({
    queryKey: ['compliance', 'rules'],
    queryFn: () => api.get<{ items: RuleView[] }>('/compliance/rules'),
    staleTime: 10 * 60_000,
  });
}

export function useStandardSets() {
  return useQuery({
    queryKey: ['compliance', 'standard-sets'],
    queryFn: () => api.get<{ items: StandardSetView[] }>('/compliance/standard-sets'),
    staleTime: 10 * 60_000,
  });
}

/**
 * A university's configuration: the caller's own, or `university` for those who belong to none
 * (oversight viewers, platform admins).
 */
export function useComplianceConfig(university: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['compliance', 'config', university ?? null],
    queryFn: () => api.get<ComplianceConfig>('/compliance/config', { university }),
    enabled,
  });
}
