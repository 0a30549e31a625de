import {
  actionParties,
  actionStatuses,
  assistanceReasons,
  caseSources,
  caseStatuses,
  closureReasons,
  contractVariants,
  diagnosisAreas,
  disabilityLevels,
  householdRelations,
  interviewSections,
  otherIdTypes,
  planStatuses,
  planTypes,
  timelineKinds,
} from '@kooperacja/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

type Labels = { pl: string; en: string };
const list = (dict: Record<string, Labels>) =>
  Object.entries(dict).map(([key, v]) => ({ key, label: { pl: v.pl, en: v.en } }));

/**
 * The reasons in the order of art. 7: JavaScript lists integer-like keys ("7") before the others,
 * which would put point 7a after point 15.
 */
const statuteOrder = (a: { key: string }, b: { key: string }) =>
  Number.parseInt(a.key, 10) - Number.parseInt(b.key, 10) || a.key.localeCompare(b.key);

/** Every dictionary of the client dimension with labels in both languages (fixed per release). */
export const caseDictionaryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/cases',
    {
      config: { access: { authenticated: true } },
      schema: { tags: ['cases'], summary: 'Dictionaries of persons, cases and plans with pl/en labels' },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'private, max-age=3600');
      return {
        reasons: list(assistanceReasons).sort(statuteOrder),
        sources: list(caseSources),
        statuses: list(caseStatuses),
        closureReasons: list(closureReasons),
        planTypes: list(planTypes),
        contractVariants: list(contractVariants),
        planStatuses: list(planStatuses),
        actionStatuses: list(actionStatuses),
        actionParties: list(actionParties),
        householdRelations: list(householdRelations),
        timelineKinds: Object.entries(timelineKinds).map(([key, v]) => ({
          key,
          label: { pl: v.pl, en: v.en },
          system: v.system,
        })),
        disabilityLevels: list(disabilityLevels),
        otherIdTypes: list(otherIdTypes),
        diagnosisAreas: list(diagnosisAreas),
        interviewSections: list(interviewSections),
      };
    },
  );
};
