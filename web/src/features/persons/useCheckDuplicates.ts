import type { PersonInput } from '@kooperacja/domain';
import { useMutation } from '@tanstack/react-query';
import { checkDuplicates } from './personsApi';

/** Asks the registry for possible duplicates of a person about to be registered. */
export function useCheckDuplicates() {
  return useMutation({ mutationFn: (person: PersonInput) => checkDuplicates(person) });
}
