import { z } from 'zod';
import {
  activePartnerships,
  hasCusOn,
  isAdoptedOn,
  loadRegister,
  projectRegion,
} from '../../region/queries.js';
import { registerMetric } from './registry.js';

/**
 * Metrics of the regional monitoring (docs/region.md): the JST register of the project's region —
 * the województwo of the project's leader institution — on the measurement day, read through the
 * same rules as the regional map (`lpdiStatusOn`, `cusExistsOn`, partnerships by their dates).
 */

registerMetric({
  key: 'jst.lpdi_share',
  label: {
    pl: 'Odsetek JST z lokalnym planem deinstytucjonalizacji (LPDI)',
    en: 'Share of JST with a local deinstitutionalisation plan (LPDI)',
  },
  description: {
    pl: 'Licznik: JST województwa lidera projektu z planem przyjętym albo zaktualizowanym do dnia pomiaru (rejestr JST ROPS); mianownik: wszystkie aktywne JST województwa — gminy i powiaty, same gminy albo same powiaty.',
    en: 'Numerator: JST of the leader’s województwo whose plan was adopted or updated by the measurement day (the ROPS register of JST); denominator: all active JST of the województwo — gminy and powiaty, gminy only or powiaty only.',
  },
  unit: 'procent',
  counting: 'podmioty_unikalne',
  params: z.object({ level: z.enum(['wszystkie', 'gminy', 'powiaty']).default('wszystkie') }),
  paramLabels: {
    level: {
      pl: 'Jednostki',
      en: 'Units',
      options: {
        wszystkie: { pl: 'Gminy i powiaty', en: 'Gminy and powiaty' },
        gminy: { pl: 'Gminy', en: 'Gminy' },
        powiaty: { pl: 'Powiaty', en: 'Powiaty' },
      },
    },
  },
  async compute(db, { projectId, asOf, params }) {
    const register = (await loadRegister(db, await projectRegion(db, projectId))).filter(
      (r) =>
        params.level === 'wszystkie' ||
        (params.level === 'gminy' ? r.level === 'gmina' : r.level === 'powiat'),
    );
    return {
      numerator: register.filter((r) => isAdoptedOn(r, asOf)).length,
      denominator: register.length,
    };
  },
});

registerMetric({
  key: 'jst.cus_count',
  label: { pl: 'Gminy z centrum usług społecznych (CUS)', en: 'Gminy with a social services centre (CUS)' },
  description: {
    pl: 'Gminy województwa lidera projektu, w których na dzień pomiaru działało centrum usług społecznych (data utworzenia CUS z rejestru JST).',
    en: 'Gminy of the leader’s województwo where a social services centre existed on the measurement day (its creation date in the JST register).',
  },
  unit: 'podmioty',
  counting: 'podmioty_unikalne',
  params: z.object({}),
  paramLabels: {},
  async compute(db, { projectId, asOf }) {
    const register = await loadRegister(db, await projectRegion(db, projectId));
    return { value: register.filter((r) => hasCusOn(r, asOf)).length };
  },
});

registerMetric({
  key: 'jst.with_partnership',
  label: { pl: 'Gminy z aktywnym partnerstwem', en: 'Gminy with an active partnership' },
  description: {
    pl: 'Gminy województwa lidera projektu, na których terenie na dzień pomiaru działało partnerstwo (od dnia rozpoczęcia do dnia zakończenia) — jak na mapie regionalnej.',
    en: 'Gminy of the leader’s województwo with a partnership of their territory active on the measurement day (between its start and end) — as on the regional map.',
  },
  unit: 'podmioty',
  counting: 'podmioty_unikalne',
  params: z.object({}),
  paramLabels: {},
  async compute(db, { projectId, asOf }) {
    const woj = await projectRegion(db, projectId);
    const [register, partnerships] = await Promise.all([
      loadRegister(db, woj),
      activePartnerships(db, woj, asOf),
    ]);
    const withPartnership = new Set(partnerships.map((p) => p.teryt));
    return { value: register.filter((r) => r.level === 'gmina' && withPartnership.has(r.teryt)).length };
  },
});
