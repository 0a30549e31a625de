import { z } from 'zod';
import { keysOf } from '../cases/dictionaries.js';
import type { Permission } from '../identity/roles.js';

/**
 * Notifications (issue "Cooperation…"): in the app (the bell and the list) and as e-mail notices
 * through the outbox. A notice never carries client data: the e-mail says only that there is a new
 * notification of a kind, with a link; the app renders the text from the kind and its parameters.
 */
type Labels = { pl: string; en: string };
export interface NotificationKindInfo {
  /** What the user sees in the preferences and in the e-mail subject. */
  label: Labels;
  /** Defaults until the user changes their preferences. */
  inApp: boolean;
  email: boolean;
  /** Who gets it (documentation; the caller of `notify` picks the recipients). */
  recipients: Labels;
}

export const notificationKinds = {
  'referral.received': {
    label: { pl: 'Nowe skierowanie do mojej instytucji', en: 'New referral to my institution' },
    inApp: true,
    email: true,
    recipients: {
      pl: 'Pracownicy instytucji przyjmującej, którzy obsługują skierowania',
      en: 'Workers of the receiving institution who handle referrals',
    },
  },
  'referral.answered': {
    label: { pl: 'Odpowiedź na moje skierowanie', en: 'My referral was answered' },
    inApp: true,
    email: true,
    recipients: { pl: 'Pracownik, który wysłał skierowanie', en: 'The worker who sent the referral' },
  },
  'referral.assigned': {
    label: { pl: 'Przydzielono mi skierowanie', en: 'A referral was assigned to me' },
    inApp: true,
    email: true,
    recipients: { pl: 'Wyznaczony pracownik', en: 'The assigned worker' },
  },
  'team.invited': {
    label: { pl: 'Zaproszenie do zespołu (ZZK)', en: 'Invitation to a case team (ZZK)' },
    inApp: true,
    email: true,
    recipients: {
      pl: 'Wskazany pracownik albo obsługujący skierowania w zapraszanej instytucji',
      en: 'The named worker, or those handling referrals in the invited institution',
    },
  },
  'team.answered': {
    label: { pl: 'Odpowiedź na zaproszenie do zespołu', en: 'Answer to a case-team invitation' },
    inApp: true,
    email: false,
    recipients: { pl: 'Pracownik, który zaprosił instytucję', en: 'The worker who invited the institution' },
  },
  'action.dueTomorrow': {
    label: { pl: 'Termin działania mija jutro', en: 'An action is due tomorrow' },
    inApp: true,
    email: false,
    recipients: {
      pl: 'Osoba odpowiedzialna za działanie planu lub zadanie ze spotkania',
      en: 'The person responsible for the plan action or meeting action item',
    },
  },
  'action.overdue': {
    label: { pl: 'Działanie po terminie', en: 'An action is overdue' },
    inApp: true,
    email: true,
    recipients: {
      pl: 'Osoba odpowiedzialna za działanie planu lub zadanie ze spotkania',
      en: 'The person responsible for the plan action or meeting action item',
    },
  },
  'meeting.invited': {
    label: { pl: 'Zaproszenie na spotkanie', en: 'Meeting invitation' },
    inApp: true,
    email: true,
    recipients: { pl: 'Zaproszeni uczestnicy spotkania', en: 'The invited attendees' },
  },
  'message.received': {
    label: { pl: 'Nowa wiadomość w sprawie', en: 'New message on a case' },
    inApp: true,
    email: false,
    recipients: {
      pl: 'Uczestnicy wątku (bez autora wiadomości)',
      en: 'The participants of the thread (not the author)',
    },
  },
  'participant.followUpDue': {
    label: {
      pl: 'Pomiar sytuacji uczestników 6 miesięcy po zakończeniu udziału',
      en: 'Participants’ situation to be checked six months after they left',
    },
    inApp: true,
    email: true,
    recipients: {
      pl: 'Zespół projektu (koordynatorzy i członkowie zespołu)',
      en: 'The project team (coordinators and team members)',
    },
  },
  'training.approvalPending': {
    label: {
      pl: 'Zgłoszenie pracownika na szkolenie czeka na akceptację',
      en: 'An employee’s training registration awaits approval',
    },
    inApp: true,
    email: true,
    recipients: {
      pl: 'Kierownicy i administratorzy instytucji pracownika',
      en: 'Heads and administrators of the employee’s institution',
    },
  },
  'training.registrationDecided': {
    label: { pl: 'Decyzja w sprawie zapisu na szkolenie', en: 'Decision on a training registration' },
    inApp: true,
    email: true,
    recipients: {
      pl: 'Osoba zapisana na szkolenie (z kontem)',
      en: 'The registered person (with an account)',
    },
  },
  'training.reminder': {
    label: { pl: 'Przypomnienie o szkoleniu', en: 'Training reminder' },
    inApp: true,
    email: true,
    recipients: {
      pl: 'Osoby z potwierdzonym miejscem (z kontem), na 2 dni przed rozpoczęciem',
      en: 'Learners with a confirmed place (with an account), 2 days before the start',
    },
  },
} as const satisfies Record<string, NotificationKindInfo>;
export type NotificationKind = keyof typeof notificationKinds;
export const notificationKindKeys = keysOf(notificationKinds);
export const NotificationKindKey = z.enum(notificationKindKeys);

/** The permission a user needs to be notified of a kind sent to an institution (not to named users). */
export const institutionNotificationPermission: Partial<Record<NotificationKind, Permission>> = {
  'referral.received': 'referrals.handle',
  'team.invited': 'referrals.handle',
  'training.approvalPending': 'trainings.approve',
};

/**
 * Parameters of the message text. Only identifiers that carry no client data: a case or referral
 * number, an institution's name, a date (YYYY-MM-DD), a count, a short title of a meeting.
 */
export const NotificationParams = z.record(
  z.string().max(40),
  z.union([z.string().max(200), z.number(), z.null()]),
);
export type NotificationParams = z.infer<typeof NotificationParams>;

export const Notification = z.object({
  id: z.uuid(),
  kind: z.string(),
  params: NotificationParams,
  /** A path inside the app (`/sprawy/…`), or null. */
  link: z.string().nullable(),
  institutionId: z.string().nullable(),
  institutionName: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const notificationOrders = ['unreadFirst', 'newest'] as const;
export const NotificationListQuery = z.object({
  /** Only unread ones. */
  unread: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Unread first (then newest), or strictly by date. */
  order: z.enum(notificationOrders).default('unreadFirst'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type NotificationListQuery = z.input<typeof NotificationListQuery>;

export const NotificationPage = z.object({
  items: z.array(Notification),
  /** How many match the filter (for paging). */
  total: z.number().int(),
  /** How many of the user's notifications are unread (for the bell). */
  unread: z.number().int(),
});
export type NotificationPage = z.infer<typeof NotificationPage>;

export const UnreadCount = z.object({ unread: z.number().int() });
export type UnreadCount = z.infer<typeof UnreadCount>;

export const MarkAllRead = z.object({ updated: z.number().int() });
export type MarkAllRead = z.infer<typeof MarkAllRead>;

export const ChannelPreference = z.object({ inApp: z.boolean(), email: z.boolean() });
export type ChannelPreference = z.infer<typeof ChannelPreference>;

/** Effective preferences: every kind listed (defaults filled in). */
export const NotificationPreferences = z.object({
  kinds: z.record(NotificationKindKey, ChannelPreference),
  dailyDigest: z.boolean(),
  /** 0 while the user never saved preferences. */
  version: z.number().int(),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

/** Saving preferences: the kinds sent replace their entries; `version` as read (409 when stale). */
export const NotificationPreferencesUpdate = z.object({
  kinds: z.partialRecord(NotificationKindKey, ChannelPreference),
  dailyDigest: z.boolean(),
  version: z.number().int().min(0),
});
export type NotificationPreferencesUpdate = z.infer<typeof NotificationPreferencesUpdate>;

/** The preferences of one kind: the user's choice, or the kind's default. */
export function channelsFor(
  kind: string,
  saved: Partial<Record<string, ChannelPreference>> | null | undefined,
): ChannelPreference {
  const info = (notificationKinds as Record<string, NotificationKindInfo>)[kind];
  const own = saved?.[kind];
  if (own) return { inApp: own.inApp, email: own.email };
  return { inApp: info?.inApp ?? true, email: info?.email ?? false };
}
