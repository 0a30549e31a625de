import { z } from 'zod';
import { keysOf } from '../cases/dictionaries.js';
import { IsoDate } from '../cases/persons.schemas.js';
import { SectorKey } from '../identity/institutions.js';
import { TerytCode } from '../territory/territory.schemas.js';

/**
 * Partnerships (the institution dimension of the cooperation model, DOMAIN.md §2): a partnership
 * (PZK, a regional team, a gmina–powiat team) in a territory, run in a model whose role vocabulary
 * is data of the partnership; cooperation agreements with a status flow; meetings with attendance,
 * minutes and action items; the animator's dashboard (counts only, no personal data).
 */

type Labels = { pl: string; en: string };

export const partnershipKinds = {
  pzk: { pl: 'Partnerski Zespół Kooperacyjny (PZK)', en: 'Partnership cooperation team (PZK)' },
  gminno_powiatowy: { pl: 'Zespół gminno-powiatowy', en: 'Municipality–county team' },
  regionalny: { pl: 'Wojewódzki Zespół Kooperacji', en: 'Regional cooperation team' },
} as const satisfies Record<string, Labels>;
export type PartnershipKind = keyof typeof partnershipKinds;

/** Role keys are stable; each model names them its own way (the vocabulary is copied to the partnership). */
export type RoleVocabulary = Record<string, Labels>;

const vocabulary = (lider: Labels, partner: Labels, kooperant: Labels, ekspert: Labels): RoleVocabulary => ({
  lider,
  partner_strategiczny: partner,
  kooperant,
  ekspert,
});

export const partnershipModels = {
  kooperacje_3d: {
    pl: 'Kooperacje 3D',
    en: 'Cooperation 3D',
    roles: vocabulary(
      { pl: 'Lider partnerstwa', en: 'Partnership leader' },
      { pl: 'Partner strategiczny', en: 'Strategic partner' },
      { pl: 'Kooperant', en: 'Cooperating partner' },
      { pl: 'Ekspert modelu', en: 'Model expert' },
    ),
  },
  liderzy_kooperacji: {
    pl: 'Liderzy kooperacji',
    en: 'Cooperation Leaders',
    roles: vocabulary(
      { pl: 'Lider kooperacji', en: 'Cooperation leader' },
      { pl: 'Partner wspierający', en: 'Supporting partner' },
      { pl: 'Członek zespołu kooperacyjnego', en: 'Team member' },
      { pl: 'Ekspert / superwizor', en: 'Expert / supervisor' },
    ),
  },
  efektywna_i_skuteczna: {
    pl: 'Kooperacja – efektywna i skuteczna',
    en: 'Cooperation – effective and efficient',
    roles: vocabulary(
      { pl: 'Koordynator partnerstwa', en: 'Partnership coordinator' },
      { pl: 'Partner strategiczny', en: 'Strategic partner' },
      { pl: 'Partner lokalny', en: 'Local partner' },
      { pl: 'Ekspert', en: 'Expert' },
    ),
  },
  wlasny: {
    pl: 'Własny model',
    en: 'Own model',
    roles: vocabulary(
      { pl: 'Lider', en: 'Leader' },
      { pl: 'Partner strategiczny', en: 'Strategic partner' },
      { pl: 'Partner', en: 'Partner' },
      { pl: 'Ekspert', en: 'Expert' },
    ),
  },
} as const satisfies Record<string, Labels & { roles: RoleVocabulary }>;
export type PartnershipModel = keyof typeof partnershipModels;

/** The roles every vocabulary must keep: the leader and the strategic partner are members with these. */
export const REQUIRED_PARTNERSHIP_ROLES = ['lider', 'partner_strategiczny', 'kooperant'] as const;

export const partnershipStatuses = {
  tworzone: { pl: 'W tworzeniu', en: 'Being formed' },
  aktywne: { pl: 'Aktywne', en: 'Active' },
  zawieszone: { pl: 'Zawieszone', en: 'Suspended' },
  zakonczone: { pl: 'Zakończone', en: 'Ended' },
} as const satisfies Record<string, Labels>;
export type PartnershipStatus = keyof typeof partnershipStatuses;

export const agreementStatuses = {
  projekt: { pl: 'Projekt', en: 'Draft' },
  podpisane: { pl: 'Podpisane', en: 'Signed' },
  wygasle: { pl: 'Wygasłe', en: 'Expired' },
  rozwiazane: { pl: 'Rozwiązane', en: 'Terminated' },
} as const satisfies Record<string, Labels>;
export type AgreementStatus = keyof typeof agreementStatuses;

/** draft → signed → expired / terminated; nothing goes back (a new agreement or an annex instead). */
export const agreementTransitions: Record<AgreementStatus, readonly AgreementStatus[]> = {
  projekt: ['podpisane'],
  podpisane: ['wygasle', 'rozwiazane'],
  wygasle: [],
  rozwiazane: [],
};

export interface AgreementFacts {
  parties: number;
  /** Parties without a signatory's name. */
  unsignedParties: number;
  validTo: string | null;
  /** The date the transition takes effect (signing, termination), YYYY-MM-DD. */
  date: string | null;
  signedOn: string | null;
  today: string;
}

/**
 * Why a status change of an agreement is refused (a message key), or null when it is allowed.
 * Signing needs at least two parties, each with its signatory, and the signing date (not in the
 * future); expiry needs the end date to have passed; termination needs its date, not before signing.
 */
export function agreementTransitionRefusal(
  from: AgreementStatus,
  to: AgreementStatus,
  f: AgreementFacts,
): string | null {
  if (from === to) return 'agreement.transition.same';
  if (!agreementTransitions[from].includes(to)) return 'agreement.transition.notAllowed';
  if (to === 'podpisane') {
    if (f.parties < 2) return 'agreement.transition.needsParties';
    if (f.unsignedParties > 0) return 'agreement.transition.needsSignatories';
    if (!f.date) return 'agreement.transition.needsDate';
    if (f.date > f.today) return 'agreement.transition.dateInFuture';
  }
  if (to === 'wygasle' && (!f.validTo || f.validTo >= f.today)) return 'agreement.transition.notExpired';
  if (to === 'rozwiazane') {
    if (!f.date) return 'agreement.transition.needsDate';
    if (f.signedOn && f.date < f.signedOn) return 'agreement.transition.beforeSigning';
  }
  return null;
}

export const partnershipMeetingStatuses = {
  zaplanowane: { pl: 'Zaplanowane', en: 'Planned' },
  odbyte: { pl: 'Odbyte', en: 'Held' },
  odwolane: { pl: 'Odwołane', en: 'Cancelled' },
} as const satisfies Record<string, Labels>;
export type PartnershipMeetingStatus = keyof typeof partnershipMeetingStatuses;

export const PartnershipKindKey = z.enum(keysOf(partnershipKinds));
export const PartnershipModelKey = z.enum(keysOf(partnershipModels));
export const PartnershipStatusKey = z.enum(keysOf(partnershipStatuses));
export const AgreementStatusKey = z.enum(keysOf(agreementStatuses));
export const PartnershipMeetingStatusKey = z.enum(keysOf(partnershipMeetingStatuses));

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((s) => (s ? s : null));
const required = (max: number) => z.string().trim().min(1, { message: 'zod.required' }).max(max);
const optionalDate = IsoDate.nullable()
  .optional()
  .transform((s) => s ?? null);
const optionalId = z
  .uuid()
  .nullable()
  .optional()
  .transform((s) => s ?? null);

const Ref = z.object({ id: z.uuid(), name: z.string() });
const InstitutionRef = Ref.extend({ sector: z.string() });

const RoleKey = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, { message: 'partnership.roleKey' });
export const PartnershipRoleVocabulary = z
  .record(RoleKey, z.object({ pl: required(100), en: required(100) }))
  .superRefine((v, ctx) => {
    for (const r of REQUIRED_PARTNERSHIP_ROLES)
      if (!v[r]) ctx.addIssue({ code: 'custom', message: 'partnership.roleMissing', params: { role: r } });
    if (Object.keys(v).length > 20) ctx.addIssue({ code: 'custom', message: 'partnership.tooManyRoles' });
  });

// ————— Partnerships —————

export const PartnershipListQuery = z.object({
  /** Territory: a voivodeship (2 digits), county (4) or gmina (7); partnerships within it. */
  teryt: TerytCode.optional(),
  model: PartnershipModelKey.optional(),
  status: PartnershipStatusKey.optional(),
  kind: PartnershipKindKey.optional(),
  q: z.string().trim().max(100).optional(),
  /** Only partnerships the actor's active institution is a current member of. */
  mine: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
export type PartnershipListQuery = z.input<typeof PartnershipListQuery>;

export const PartnershipSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: PartnershipKindKey,
  model: PartnershipModelKey,
  teryt: z.string(),
  unitName: z.string(),
  leader: Ref,
  status: PartnershipStatusKey,
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  memberCount: z.number().int(),
  nextMeetingAt: z.string().nullable(),
});
export type PartnershipSummary = z.infer<typeof PartnershipSummary>;
export const PartnershipList = z.object({ items: z.array(PartnershipSummary) });
export type PartnershipList = z.infer<typeof PartnershipList>;

export const PartnershipMember = z.object({
  id: z.uuid(),
  institution: InstitutionRef,
  role: z.string(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
});
export type PartnershipMember = z.infer<typeof PartnershipMember>;

export const PartnershipAbilities = z.object({ manage: z.boolean() });
export type PartnershipAbilities = z.infer<typeof PartnershipAbilities>;

export const Partnership = PartnershipSummary.extend({
  strategicPartner: Ref.nullable(),
  animator: Ref.nullable(),
  roleVocabulary: z.record(z.string(), z.object({ pl: z.string(), en: z.string() })),
  description: z.string().nullable(),
  version: z.number().int(),
  members: z.array(PartnershipMember),
  abilities: PartnershipAbilities,
});
export type Partnership = z.infer<typeof Partnership>;

const partnershipFields = {
  name: required(200),
  kind: PartnershipKindKey,
  model: PartnershipModelKey,
  teryt: TerytCode,
  leaderInstitutionId: z.uuid(),
  strategicPartnerInstitutionId: optionalId,
  animatorUserId: optionalId,
  description: text(4000),
  startsOn: IsoDate,
  endsOn: optionalDate,
};
const endsAfterStart = (v: { startsOn: string; endsOn: string | null }, ctx: z.RefinementCtx) => {
  if (v.endsOn && v.endsOn < v.startsOn)
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'partnership.endBeforeStart' });
};

export const PartnershipCreate = z
  .object({
    ...partnershipFields,
    /** Defaults to the model's vocabulary. */
    roleVocabulary: PartnershipRoleVocabulary.optional(),
  })
  .superRefine(endsAfterStart);
export type PartnershipCreate = z.input<typeof PartnershipCreate>;

export const PartnershipUpdate = z
  .object({
    ...partnershipFields,
    status: PartnershipStatusKey,
    roleVocabulary: PartnershipRoleVocabulary,
    version: z.number().int(),
  })
  .superRefine(endsAfterStart);
export type PartnershipUpdate = z.input<typeof PartnershipUpdate>;

export const PartnershipMemberCreate = z.object({
  institutionId: z.uuid(),
  role: RoleKey,
  contactName: text(200),
  contactEmail: z
    .email({ message: 'email.invalid' })
    .max(200)
    .nullable()
    .optional()
    .or(z.literal(''))
    .transform((s) => s || null),
  contactPhone: text(50),
  joinedOn: IsoDate,
});
export type PartnershipMemberCreate = z.input<typeof PartnershipMemberCreate>;
export const PartnershipMemberEnd = z.object({ leftOn: IsoDate });
export type PartnershipMemberEnd = z.infer<typeof PartnershipMemberEnd>;

// ————— Agreements —————

export const AgreementParty = z.object({
  institution: Ref,
  signatoryName: z.string().nullable(),
  signatoryPosition: z.string().nullable(),
});
export const AgreementScanRef = z.object({
  id: z.uuid(),
  filename: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
});
export const Agreement = z.object({
  id: z.uuid(),
  partnershipId: z.uuid(),
  number: z.string().nullable(),
  title: z.string(),
  scope: z.string(),
  status: AgreementStatusKey,
  concludedIn: z.string().nullable(),
  signedOn: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  terminatedOn: z.string().nullable(),
  signedScan: AgreementScanRef.nullable(),
  parties: z.array(AgreementParty),
  version: z.number().int(),
});
export type Agreement = z.infer<typeof Agreement>;
export const AgreementList = z.object({ items: z.array(Agreement) });
export type AgreementList = z.infer<typeof AgreementList>;

export const AgreementInput = z
  .object({
    number: text(100),
    title: required(300),
    scope: required(10000),
    concludedIn: text(100),
    validFrom: optionalDate,
    validTo: optionalDate,
    parties: z
      .array(
        z.object({
          institutionId: z.uuid(),
          signatoryName: text(200),
          signatoryPosition: text(200),
        }),
      )
      .max(100),
  })
  .superRefine((v, ctx) => {
    if (v.validFrom && v.validTo && v.validTo < v.validFrom)
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'partnership.endBeforeStart' });
    if (new Set(v.parties.map((p) => p.institutionId)).size !== v.parties.length)
      ctx.addIssue({ code: 'custom', path: ['parties'], message: 'agreement.partyTwice' });
  });
export type AgreementInput = z.input<typeof AgreementInput>;
export const AgreementUpdate = z.object({ agreement: AgreementInput, version: z.number().int() });
export type AgreementUpdate = z.input<typeof AgreementUpdate>;
export const AgreementTransition = z.object({
  to: AgreementStatusKey,
  /** The signing or termination date. */
  date: optionalDate,
  version: z.number().int(),
});
export type AgreementTransition = z.input<typeof AgreementTransition>;

// ————— Meetings —————

export const PartnershipActionItem = z.object({
  id: z.uuid(),
  meetingId: z.uuid(),
  description: z.string(),
  ownerInstitution: Ref,
  ownerUser: Ref.nullable(),
  ownerName: z.string().nullable(),
  dueOn: z.string().nullable(),
  doneOn: z.string().nullable(),
  overdue: z.boolean(),
  abilities: z.object({ complete: z.boolean() }),
});
export type PartnershipActionItem = z.infer<typeof PartnershipActionItem>;

export const PartnershipMeetingAttendee = z.object({
  id: z.uuid(),
  institution: Ref.nullable(),
  userId: z.uuid().nullable(),
  name: z.string(),
  invited: z.boolean(),
  present: z.boolean().nullable(),
});
export type PartnershipMeetingAttendee = z.infer<typeof PartnershipMeetingAttendee>;

export const PartnershipMeetingSummary = z.object({
  id: z.uuid(),
  partnershipId: z.uuid(),
  title: z.string(),
  startsAt: z.string(),
  place: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  status: PartnershipMeetingStatusKey,
  attendees: z.number().int(),
  present: z.number().int(),
  openActionItems: z.number().int(),
});
export type PartnershipMeetingSummary = z.infer<typeof PartnershipMeetingSummary>;
export const PartnershipMeetingList = z.object({ items: z.array(PartnershipMeetingSummary) });
export type PartnershipMeetingList = z.infer<typeof PartnershipMeetingList>;

export const PartnershipMeeting = PartnershipMeetingSummary.omit({
  attendees: true,
  present: true,
  openActionItems: true,
}).extend({
  agenda: z.string().nullable(),
  minutes: z.string().nullable(),
  decisions: z.string().nullable(),
  version: z.number().int(),
  attendees: z.array(PartnershipMeetingAttendee),
  actionItems: z.array(PartnershipActionItem),
  abilities: PartnershipAbilities,
});
export type PartnershipMeeting = z.infer<typeof PartnershipMeeting>;

export const PartnershipMeetingInput = z
  .object({
    title: required(300),
    /** ISO date-time with offset. */
    startsAt: z.iso.datetime({ offset: true, message: 'date.format' }),
    place: text(300),
    onlineUrl: z
      .url({ protocol: /^https?$/, message: 'meeting.onlineUrl' })
      .max(500)
      .nullable()
      .optional()
      .or(z.literal(''))
      .transform((s) => s || null),
    agenda: text(10000),
    minutes: text(50000),
    decisions: text(20000),
    status: PartnershipMeetingStatusKey.default('zaplanowane'),
    attendees: z
      .array(
        z.object({
          institutionId: optionalId,
          userId: optionalId,
          name: required(200),
          invited: z.boolean().default(true),
          present: z
            .boolean()
            .nullable()
            .optional()
            .transform((v) => v ?? null),
        }),
      )
      .max(200)
      .default([]),
  })
  .superRefine((v, ctx) => {
    if (!v.place && !v.onlineUrl)
      ctx.addIssue({ code: 'custom', path: ['place'], message: 'meeting.placeRequired' });
  });
export type PartnershipMeetingInput = z.input<typeof PartnershipMeetingInput>;
export const PartnershipMeetingUpdate = z.object({
  meeting: PartnershipMeetingInput,
  version: z.number().int(),
});
export type PartnershipMeetingUpdate = z.input<typeof PartnershipMeetingUpdate>;

export const PartnershipActionItemCreate = z.object({
  description: required(2000),
  ownerInstitutionId: z.uuid(),
  ownerUserId: optionalId,
  ownerName: text(200),
  dueOn: optionalDate,
});
export type PartnershipActionItemCreate = z.input<typeof PartnershipActionItemCreate>;
export const PartnershipActionItemDone = z.object({ done: z.boolean() });

export const MyPartnershipActionItem = PartnershipActionItem.extend({
  partnership: Ref,
  meeting: z.object({ id: z.uuid(), title: z.string(), startsAt: z.string() }),
});
export type MyPartnershipActionItem = z.infer<typeof MyPartnershipActionItem>;
export const MyPartnershipActionItemList = z.object({ items: z.array(MyPartnershipActionItem) });
export type MyPartnershipActionItemList = z.infer<typeof MyPartnershipActionItemList>;

// ————— Dashboard —————

const ReferralCounts = z.object({
  sent: z.number().int(),
  accepted: z.number().int(),
  completed: z.number().int(),
});
export const PartnershipDashboard = z.object({
  membersBySector: z.array(z.object({ sector: SectorKey.or(z.string()), count: z.number().int() })),
  meetings: z.object({ held: z.number().int(), planned: z.number().int(), cancelled: z.number().int() }),
  actionItems: z.object({ open: z.number().int(), overdue: z.number().int(), done: z.number().int() }),
  agreements: z.object({ signed: z.number().int(), draft: z.number().int() }),
  casesWithMultiSectorTeam: z.number().int(),
  referrals: ReferralCounts.extend({
    /** By the sector of the receiving institution. */
    bySector: z.array(ReferralCounts.extend({ sector: z.string() })),
    /** Median of responded_at − created_at, in hours (one decimal); null without responses. */
    medianResponseHours: z.number().nullable(),
    overdue: z.number().int(),
  }),
});
export type PartnershipDashboard = z.infer<typeof PartnershipDashboard>;
