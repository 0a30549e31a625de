import type { Service, ServiceInput } from '@kooperacja/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createService, serviceKeys, setServiceActive, updateService } from './servicesApi';

export interface SaveServiceVariables {
  /** Absent for a new service. */
  id?: string;
  /** The version the form was loaded with (required with `id`). */
  version?: number;
  input: ServiceInput;
}

function useStore() {
  const queryClient = useQueryClient();
  return (saved: Service) => {
    queryClient.setQueryData(serviceKeys.one(saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: serviceKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: ['services', 'map'] });
  };
}

/** Creates (POST) or changes (PUT with the loaded version) a service of the own institution. */
export function useSaveService() {
  const store = useStore();
  return useMutation({
    mutationFn: ({ id, version, input }: SaveServiceVariables): Promise<Service> =>
      id ? updateService(id, input, version ?? 0) : createService(input),
    onSuccess: store,
  });
}

/** Withdraws a service from the offer or offers it again. */
export function useSetServiceActive() {
  const store = useStore();
  return useMutation({
    mutationFn: ({ id, active, version }: { id: string; active: boolean; version: number }) =>
      setServiceActive(id, { active, version }),
    onSuccess: store,
  });
}
