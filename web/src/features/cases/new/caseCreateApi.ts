import type { Case, CaseCreate } from '@kooperacja/domain';
import { apiFetch } from '../../../lib/api';

export const createCase = (input: CaseCreate) => apiFetch<Case>('/cases', { method: 'POST', json: input });
