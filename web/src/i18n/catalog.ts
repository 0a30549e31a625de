import enBase from './en.json';
import enIndicators from './indicators.en.json';
import plIndicators from './indicators.pl.json';
import enNotifications from './notifications.en.json';
import plNotifications from './notifications.pl.json';
import enParticipants from './participants.en.json';
import plParticipants from './participants.pl.json';
import enPartnerships from './partnerships.en.json';
import plPartnerships from './partnerships.pl.json';
import plBase from './pl.json';
import enProgrammes from './programmes.en.json';
import plProgrammes from './programmes.pl.json';
import enProjects from './projects.en.json';
import plProjects from './projects.pl.json';
import enRecruitment from './recruitment.en.json';
import plRecruitment from './recruitment.pl.json';
import enRegion from './region.en.json';
import plRegion from './region.pl.json';
import enServices from './services.en.json';
import plServices from './services.pl.json';
import enSharing from './sharing.en.json';
import plSharing from './sharing.pl.json';
import enSmefs from './smefs.en.json';
import plSmefs from './smefs.pl.json';
import enSupport from './support.en.json';
import plSupport from './support.pl.json';
import enTrainings from './trainings.en.json';
import plTrainings from './trainings.pl.json';

/**
 * The translation catalogues: the shared file plus one file per capability, each under its own
 * top-level key (so the spread below never overwrites a key of another file).
 */
export const pl = {
  ...plBase,
  ...plPartnerships,
  ...plServices,
  ...plNotifications,
  ...plSharing,
  ...plSmefs,
  ...plProgrammes,
  ...plProjects,
  ...plRecruitment,
  ...plParticipants,
  ...plIndicators,
  ...plSupport,
  ...plRegion,
  ...plTrainings,
};
export const en = {
  ...enBase,
  ...enPartnerships,
  ...enServices,
  ...enNotifications,
  ...enSharing,
  ...enSmefs,
  ...enProgrammes,
  ...enProjects,
  ...enRecruitment,
  ...enParticipants,
  ...enIndicators,
  ...enSupport,
  ...enRegion,
  ...enTrainings,
};
