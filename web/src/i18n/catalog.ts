import enBase from './en.json';
import enNotifications from './notifications.en.json';
import plNotifications from './notifications.pl.json';
import enPartnerships from './partnerships.en.json';
import plPartnerships from './partnerships.pl.json';
import plBase from './pl.json';
import enServices from './services.en.json';
import plServices from './services.pl.json';
import enSharing from './sharing.en.json';
import plSharing from './sharing.pl.json';

/**
 * The translation catalogues: the shared file plus one file per capability, each under its own
 * top-level key (so the spread below never overwrites a key of another file).
 */
export const pl = { ...plBase, ...plPartnerships, ...plServices, ...plNotifications, ...plSharing };
export const en = { ...enBase, ...enPartnerships, ...enServices, ...enNotifications, ...enSharing };
