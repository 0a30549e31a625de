import { z } from 'zod';
import { keysOf } from '../cases/dictionaries.js';
import { IsoDate } from '../cases/persons.schemas.js';
import { PartnershipActionItem, PartnershipMeetingStatusKey } from './partnerships.js';

/**
 * Sharing a case with other institutions (issue "Cooperation…", DOMAIN.md §2 and §6): case teams
 * (ZZK), the client's consents, referrals and requests between institutions, and the messages of
 * a case. A partner institution sees only the scope shared with it, only while the share lasts.
 */
type Labels = { pl: string; en: string };

/** What a share opens; `podstawowe` is always part of any share. */
export const shareScopes = {
  podstawowe: {
    pl: 'Dane podstawowe (osoba, adres, kontakt, pracownik prowadzący)',
    en: 'Basic data (person, address, contact, lead worker)',
  },
  plan: { pl: 'Plan i zadania', en: 'Plan and actions' },
  diagnoza: { pl: 'Diagnoza', en: 'Diagnosis' },
  zdrowie: {
    pl: 'Dane o zdrowiu, niepełnosprawności i uzależnieniach (szczególne kategorie)',
    en: 'Health, disability and addiction data (special categories)',
  },
} as const satisfies Record<string, Labels>;
export type ShareScope = keyof typeof shareScopes;
export const ShareScopeKey = z.enum(keysOf(shareScopes));

/** The basis of a share: a provision of law or the client's consent. */
export const shareBases = {
  przepis: { pl: 'Przepis prawa', en: 'Legal provision' },
  zgoda: { pl: 'Zgoda osoby', en: 'Consent of the person' },
} as const satisfies Record<string, Labels>;
export type ShareBasis = keyof typeof shareBases;
export const ShareBasisKey = z.enum(keysOf(shareBases));

/**
 * Provisions that allow sharing without consent (verify with the institution's IOD: the wording is
 * data, and an administrator may extend it).
 */
export const legalBases = {
  ups_art_100: {
    pl: 'Art. 100 ustawy o pomocy społecznej — dane niezbędne do realizacji zadań',
    en: 'Art. 100 of the Social Assistance Act — data needed for its tasks',
  },
  ups_art_110_8: {
    pl: 'Art. 110 ust. 8 u.p.s. — współdziałanie OPS z innymi instytucjami',
    en: 'Art. 110(8) of the Social Assistance Act — cooperation with other bodies',
  },
  wspieranie_rodziny_art_15: {
    pl: 'Art. 15 ustawy o wspieraniu rodziny i systemie pieczy zastępczej — asystent rodziny',
    en: 'Art. 15 of the Family Support Act — family assistant',
  },
  przemoc_art_9a: {
    pl: 'Art. 9a ustawy o przeciwdziałaniu przemocy domowej — zespół interdyscyplinarny',
    en: 'Art. 9a of the Domestic Violence Act — interdisciplinary team',
  },
  rodo_6_1_c: {
    pl: 'Art. 6 ust. 1 lit. c RODO — obowiązek prawny administratora',
    en: 'Art. 6(1)(c) GDPR — legal obligation of the controller',
  },
  rodo_6_1_e: {
    pl: 'Art. 6 ust. 1 lit. e RODO — zadanie realizowane w interesie publicznym',
    en: 'Art. 6(1)(e) GDPR — task in the public interest',
  },
} as const satisfies Record<string, Labels>;
export type LegalBasis = keyof typeof legalBases;
export const LegalBasisKey = z.enum(keysOf(legalBases));

/** Roles in a case team; the generic vocabulary (partnerships may name them differently). */
export const teamRoles = {
  koordynator: { pl: 'Koordynator zespołu', en: 'Team coordinator' },
  czlonek: { pl: 'Członek zespołu', en: 'Team member' },
  konsultant: { pl: 'Konsultant', en: 'Consultant' },
  asystent_rodziny: { pl: 'Asystent rodziny', en: 'Family assistant' },
  pedagog: { pl: 'Pedagog / psycholog szkolny', en: 'School counsellor' },
  dzielnicowy: { pl: 'Dzielnicowy', en: 'Community police officer' },
  kurator: { pl: 'Kurator sądowy', en: 'Probation officer' },
  pielegniarka: { pl: 'Pielęgniarka środowiskowa', en: 'Community nurse' },
  doradca_zawodowy: { pl: 'Doradca zawodowy', en: 'Career adviser' },
} as const satisfies Record<string, Labels>;
export const TeamRoleKey = z.enum(keysOf(teamRoles));

export const teamMemberStatuses = {
  zaproszony: { pl: 'Zaproszony', en: 'Invited' },
  aktywny: { pl: 'Aktywny', en: 'Active' },
  odrzucony: { pl: 'Zaproszenie odrzucone', en: 'Invitation declined' },
  zakonczony: { pl: 'Zakończony', en: 'Ended' },
} as const satisfies Record<string, Labels>;
export type TeamMemberStatus = keyof typeof teamMemberStatuses;
export const TeamMemberStatusKey = z.enum(keysOf(teamMemberStatuses));

export const referralKinds = {
  skierowanie: { pl: 'Skierowanie', en: 'Referral' },
  informacja: { pl: 'Prośba o informację', en: 'Request for information' },
  konsultacja: { pl: 'Prośba o konsultację', en: 'Request for consultation' },
} as const satisfies Record<string, Labels>;
export const ReferralKindKey = z.enum(keysOf(referralKinds));

export const urgencies = {
  pilna: { pl: 'Pilna', en: 'Urgent' },
  zwykla: { pl: 'Zwykła', en: 'Normal' },
  niska: { pl: 'Niska', en: 'Low' },
} as const satisfies Record<string, Labels>;
export const UrgencyKey = z.enum(keysOf(urgencies));

export const referralStatuses = {
  wyslane: { pl: 'Wysłane', en: 'Sent' },
  przyjete: { pl: 'Przyjęte', en: 'Accepted' },
  odrzucone: { pl: 'Odrzucone', en: 'Rejected' },
  w_realizacji: { pl: 'W realizacji', en: 'In progress' },
  zakonczone: { pl: 'Zakończone', en: 'Completed' },
  wycofane: { pl: 'Wycofane', en: 'Withdrawn' },
} as const satisfies Record<string, Labels>;
export type ReferralStatus = keyof typeof referralStatuses;
export const ReferralStatusKey = z.enum(keysOf(referralStatuses));

/** Statuses in which the receiving institution works on the referral and sees the shared scope. */
export const openReferralStatuses: readonly ReferralStatus[] = ['wyslane', 'przyjete', 'w_realizacji'];

export type ReferralAction = 'accept' | 'reject' | 'start' | 'complete' | 'withdraw';

/** The referral lifecycle: from which statuses each action may be taken, and the status it leads to. */
export const referralTransitions: Record<ReferralAction, { from: ReferralStatus[]; to: ReferralStatus }> = {
  accept: { from: ['wyslane'], to: 'przyjete' },
  reject: { from: ['wyslane'], to: 'odrzucone' },
  start: { from: ['przyjete'], to: 'w_realizacji' },
  complete: { from: ['przyjete', 'w_realizacji'], to: 'zakonczone' },
  withdraw: { from: ['wyslane', 'przyjete', 'w_realizacji'], to: 'wycofane' },
};

/** Why an action cannot be taken now (message key), or null when it can. */
export function referralRefusal(status: ReferralStatus, action: ReferralAction): string | null {
  if (referralTransitions[action].from.includes(status)) return null;
  if (status === 'wycofane') return 'referral.alreadyWithdrawn';
  if (status === 'zakonczone' || status === 'odrzucone') return 'referral.alreadyClosed';
  return 'referral.notNow';
}

// ————— schemas —————

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((s) => (s ? s : null));
const required = (max: number) => z.string().trim().min(1, { message: 'required' }).max(max);
const Ref = z.object({ id: z.uuid(), name: z.string() });

/** A set of scopes: no repeats, always with the basic data. */
export const ShareScopes = z
  .array(ShareScopeKey)
  .min(1)
  .max(4)
  .transform((s) => [...new Set<ShareScope>(['podstawowe', ...s])]);

export const ConsentInput = z
  .object({
    personId: z.uuid(),
    recipientInstitutionId: z.uuid(),
    scopes: ShareScopes,
    purpose: required(1000),
    givenOn: IsoDate,
    validUntil: IsoDate.nullable().optional(),
  })
  .superRefine((c, ctx) => {
    if (c.validUntil && c.validUntil < c.givenOn)
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'consent.validUntilBeforeGiven' });
  });
export type ConsentInput = z.infer<typeof ConsentInput>;

export const ConsentWithdraw = z.object({ withdrawnOn: IsoDate, version: z.number().int() });

export const Consent = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  person: Ref,
  recipient: Ref,
  scopes: z.array(ShareScopeKey),
  purpose: z.string(),
  givenOn: z.string(),
  validUntil: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  /** In force today: given, not withdrawn, not expired. */
  active: z.boolean(),
  signedScanId: z.uuid().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Consent = z.infer<typeof Consent>;

/** The basis part shared by team invitations and referrals. */
const BasisFields = {
  scopes: ShareScopes,
  basis: ShareBasisKey,
  legalBasis: LegalBasisKey.nullable().optional(),
  consentId: z.uuid().nullable().optional(),
};

function checkBasis(
  b: { basis: ShareBasis; legalBasis?: string | null; consentId?: string | null; scopes: ShareScope[] },
  ctx: z.RefinementCtx,
) {
  if (b.basis === 'przepis' && !b.legalBasis)
    ctx.addIssue({ code: 'custom', path: ['legalBasis'], message: 'share.legalBasisRequired' });
  if (b.basis === 'zgoda' && !b.consentId)
    ctx.addIssue({ code: 'custom', path: ['consentId'], message: 'share.consentRequired' });
  // Special-category data leave the institution only with the person's explicit consent (RODO art. 9).
  if (b.basis === 'przepis' && b.scopes.includes('zdrowie'))
    ctx.addIssue({ code: 'custom', path: ['scopes'], message: 'share.healthNeedsConsent' });
}

export const TeamInvite = z
  .object({
    institutionId: z.uuid(),
    role: TeamRoleKey,
    purpose: text(1000),
    startsOn: IsoDate,
    endsOn: IsoDate.nullable().optional(),
    ...BasisFields,
  })
  .superRefine((m, ctx) => {
    checkBasis(m, ctx);
    if (m.endsOn && m.endsOn < m.startsOn)
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'team.endsBeforeStart' });
  });
export type TeamInvite = z.infer<typeof TeamInvite>;

export const TeamMemberEnd = z.object({ reason: required(500), version: z.number().int() });
export const TeamInvitationAnswer = z.discriminatedUnion('answer', [
  z.object({ answer: z.literal('accept'), userId: z.uuid(), version: z.number().int() }),
  z.object({ answer: z.literal('decline'), reason: required(500), version: z.number().int() }),
]);

export const TeamMember = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  institution: Ref.extend({ sector: z.string() }),
  user: Ref.extend({ email: z.string().nullable() }).nullable(),
  role: TeamRoleKey,
  status: TeamMemberStatusKey,
  basis: ShareBasisKey,
  legalBasis: LegalBasisKey.nullable(),
  consentId: z.uuid().nullable(),
  scopes: z.array(ShareScopeKey),
  purpose: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  endedAt: z.string().nullable(),
  endReason: z.string().nullable(),
  /** Active, in its dates, and its basis holds: the member's institution sees the scope now. */
  sharing: z.boolean(),
  version: z.number().int(),
});
export type TeamMember = z.infer<typeof TeamMember>;

export const CaseTeam = z.object({
  members: z.array(TeamMember),
  consents: z.array(Consent),
  /** The caller may invite, end memberships, record consents. */
  canManage: z.boolean(),
});
export type CaseTeam = z.infer<typeof CaseTeam>;

/** An invitation waiting in the inbox of the invited institution. */
export const TeamInvitation = z.object({
  id: z.uuid(),
  caseNumber: z.string(),
  fromInstitution: Ref,
  invitedBy: Ref,
  subjectName: z.string(),
  role: TeamRoleKey,
  purpose: z.string().nullable(),
  scopes: z.array(ShareScopeKey),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export const TeamInvitationList = z.object({ items: z.array(TeamInvitation) });

export const ReferralCreate = z
  .object({
    kind: ReferralKindKey,
    toInstitutionId: z.uuid(),
    serviceId: z.uuid().nullable().optional(),
    planActionId: z.uuid().nullable().optional(),
    reason: required(4000),
    urgency: UrgencyKey.default('zwykla'),
    expectedBy: IsoDate.nullable().optional(),
    ...BasisFields,
  })
  .superRefine(checkBasis);
export type ReferralCreate = z.infer<typeof ReferralCreate>;

export const ReferralAnswer = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('accept'),
    assignedUserId: z.uuid().nullable().optional(),
    version: z.number().int(),
  }),
  z.object({ action: z.literal('reject'), reason: required(2000), version: z.number().int() }),
  z.object({ action: z.literal('start'), version: z.number().int() }),
  z.object({
    action: z.literal('complete'),
    outcome: required(4000),
    feedback: text(4000),
    version: z.number().int(),
  }),
  z.object({ action: z.literal('withdraw'), reason: required(2000), version: z.number().int() }),
]);
export type ReferralAnswer = z.infer<typeof ReferralAnswer>;

export const ReferralAssign = z.object({ userId: z.uuid(), version: z.number().int() });

export const ReferralEvent = z.object({
  status: ReferralStatusKey,
  note: z.string().nullable(),
  actor: Ref.nullable(),
  institution: Ref.nullable(),
  at: z.string(),
});

export const Referral = z.object({
  id: z.uuid(),
  number: z.string(),
  caseId: z.uuid(),
  kind: ReferralKindKey,
  from: Ref,
  fromUser: Ref.extend({ email: z.string().nullable(), phone: z.string().nullable() }),
  to: Ref,
  service: Ref.nullable(),
  planAction: z.object({ id: z.uuid(), description: z.string() }).nullable(),
  /** Hidden (null) for the receiving institution once the share has ended. */
  subjectName: z.string().nullable(),
  reason: z.string().nullable(),
  urgency: UrgencyKey,
  expectedBy: z.string().nullable(),
  overdue: z.boolean(),
  scopes: z.array(ShareScopeKey),
  basis: ShareBasisKey,
  legalBasis: LegalBasisKey.nullable(),
  consentId: z.uuid().nullable(),
  status: ReferralStatusKey,
  assignedUser: Ref.nullable(),
  respondedAt: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  completedAt: z.string().nullable(),
  outcome: z.string().nullable(),
  feedback: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawalReason: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  /** The caller's side: the referring institution (case owner) or the receiving one. */
  side: z.enum(['sender', 'receiver']),
  events: z.array(ReferralEvent),
  can: z.object({
    accept: z.boolean(),
    reject: z.boolean(),
    start: z.boolean(),
    complete: z.boolean(),
    withdraw: z.boolean(),
    assign: z.boolean(),
    openCase: z.boolean(),
  }),
});
export type Referral = z.infer<typeof Referral>;

export const ReferralSummary = Referral.pick({
  id: true,
  number: true,
  caseId: true,
  kind: true,
  from: true,
  to: true,
  subjectName: true,
  urgency: true,
  expectedBy: true,
  overdue: true,
  status: true,
  assignedUser: true,
  createdAt: true,
});
export type ReferralSummary = z.infer<typeof ReferralSummary>;

export const InboxQuery = z.object({
  status: z
    .union([ReferralStatusKey, z.literal('otwarte')])
    .optional()
    .default('otwarte'),
  urgency: UrgencyKey.optional(),
  mine: z.coerce.boolean().optional(),
  overdue: z.coerce.boolean().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type InboxQuery = z.infer<typeof InboxQuery>;

export const ReferralList = z.object({
  items: z.array(ReferralSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ReferralList = z.infer<typeof ReferralList>;

export const MessageInput = z.object({
  body: required(4000),
  referralId: z.uuid().nullable().optional(),
});
export const CaseMessage = z.object({
  id: z.uuid(),
  referralId: z.uuid().nullable(),
  author: Ref,
  institution: Ref,
  body: z.string(),
  createdAt: z.string(),
  mine: z.boolean(),
});
export const CaseMessageList = z.object({ items: z.array(CaseMessage) });
export type CaseMessage = z.infer<typeof CaseMessage>;

export const PartnerNoteInput = z.object({ body: required(4000) });

export const BlueCardUpdate = z.object({ since: IsoDate.nullable(), version: z.number().int() });

/** A case as a partner institution sees it: only the shared scopes. */
export const SharedCase = z.object({
  id: z.uuid(),
  number: z.string(),
  status: z.string(),
  owner: Ref,
  leadWorker: Ref.extend({ email: z.string().nullable() }),
  scopes: z.array(ShareScopeKey),
  via: z.array(z.object({ kind: z.enum(['team', 'referral']), id: z.uuid(), until: z.string().nullable() })),
  subject: z.object({
    kind: z.enum(['person', 'household']),
    name: z.string(),
    members: z.array(
      z.object({
        name: z.string(),
        birthDate: z.string().nullable(),
        relation: z.string().nullable(),
      }),
    ),
    address: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  /** With scope `plan`: the plans' goals and actions; actions of the caller's institution are marked. */
  plans: z
    .array(
      z.object({
        id: z.uuid(),
        type: z.string(),
        title: z.string().nullable(),
        status: z.string(),
        goals: z.array(
          z.object({
            id: z.uuid(),
            description: z.string(),
            actions: z.array(
              z.object({
                id: z.uuid(),
                description: z.string(),
                responsible: z.string().nullable(),
                deadline: z.string().nullable(),
                status: z.string(),
                completedOn: z.string().nullable(),
                ours: z.boolean(),
              }),
            ),
          }),
        ),
      }),
    )
    .nullable(),
  /** With scope `diagnoza`: the current diagnosis areas and conclusions. */
  diagnosis: z
    .object({
      versionNo: z.number().int(),
      areas: z.record(z.string(), z.string().nullable()),
      conclusions: z.string().nullable(),
      createdAt: z.string(),
    })
    .nullable(),
  /** With scope `zdrowie`: special-category data of the person(s). */
  health: z
    .array(
      z.object({
        name: z.string(),
        disabilityLevel: z.string().nullable(),
        health: z.string().nullable(),
        addiction: z.string().nullable(),
      }),
    )
    .nullable(),
  /** Notes the caller's institution recorded on the case. */
  notes: z.array(z.object({ id: z.uuid(), body: z.string(), author: Ref, at: z.string() })),
  team: z.array(z.object({ institution: Ref, role: TeamRoleKey, user: Ref.nullable() })),
});
export type SharedCase = z.infer<typeof SharedCase>;

export const SharedCaseList = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      number: z.string(),
      owner: Ref,
      subjectName: z.string(),
      via: z.array(z.enum(['team', 'referral'])),
      scopes: z.array(ShareScopeKey),
    }),
  ),
});

// ————— Case-team meetings —————

/**
 * Who an attendee of a case-team meeting is: a worker of the institution that owns the case, an
 * institution of the case team (with its named member worker), or a person invited by name (the
 * client, a family member). Derived from the attendee's institution, never sent by the client.
 */
export const caseMeetingAttendeeKinds = {
  wlasny: { pl: 'Pracownik prowadzący sprawę', en: 'Case worker' },
  zespol: { pl: 'Członek zespołu', en: 'Team member' },
  osoba: { pl: 'Osoba lub członek rodziny', en: 'Person or family member' },
} as const satisfies Record<string, Labels>;
export type CaseMeetingAttendeeKind = keyof typeof caseMeetingAttendeeKinds;
export const CaseMeetingAttendeeKindKey = z.enum(keysOf(caseMeetingAttendeeKinds));

const optionalId = z
  .uuid()
  .nullable()
  .optional()
  .transform((s) => s ?? null);
const optionalIsoDate = IsoDate.nullable()
  .optional()
  .transform((s) => s ?? null);

export const CaseMeetingAttendee = z.object({
  id: z.uuid(),
  kind: CaseMeetingAttendeeKindKey,
  institution: Ref.nullable(),
  user: Ref.nullable(),
  name: z.string(),
  invited: z.boolean(),
  /** Null until the meeting is recorded as held. */
  present: z.boolean().nullable(),
});
export type CaseMeetingAttendee = z.infer<typeof CaseMeetingAttendee>;

/** An action item of a case-team meeting: the same shape as a partnership meeting's. */
export const CaseMeetingActionItem = PartnershipActionItem;
export type CaseMeetingActionItem = z.infer<typeof CaseMeetingActionItem>;

export const CaseMeetingSummary = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  title: z.string(),
  startsAt: z.string(),
  place: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  status: PartnershipMeetingStatusKey,
  /** The team institutions invited. */
  institutions: z.array(Ref),
  attendees: z.number().int(),
  present: z.number().int(),
  openActionItems: z.number().int(),
});
export type CaseMeetingSummary = z.infer<typeof CaseMeetingSummary>;

/** Who may be invited: the case's own people, the team's active members, the family by name. */
export const CaseMeetingCandidates = z.object({
  workers: z.array(Ref),
  team: z.array(z.object({ institution: Ref, user: Ref.nullable(), role: TeamRoleKey })),
  family: z.array(z.string()),
  ownInstitution: Ref,
});
export type CaseMeetingCandidates = z.infer<typeof CaseMeetingCandidates>;

export const CaseMeetingList = z.object({
  items: z.array(CaseMeetingSummary),
  /** The caller may plan meetings and write minutes (the owner side, the case not closed). */
  canManage: z.boolean(),
  /** For the owner side only (null in the shared view). */
  candidates: CaseMeetingCandidates.nullable(),
});
export type CaseMeetingList = z.infer<typeof CaseMeetingList>;

export const CaseMeeting = CaseMeetingSummary.omit({
  attendees: true,
  present: true,
  openActionItems: true,
}).extend({
  agenda: z.string().nullable(),
  /** Null in the shared view of a partner whose share lacks the `plan` scope (`restricted`). */
  minutes: z.string().nullable(),
  decisions: z.string().nullable(),
  version: z.number().int(),
  attendees: z.array(CaseMeetingAttendee),
  actionItems: z.array(CaseMeetingActionItem),
  /**
   * The partner's share lacks the `plan` scope: minutes, decisions and the action items of other
   * institutions are left out.
   */
  restricted: z.boolean(),
  abilities: z.object({ manage: z.boolean() }),
});
export type CaseMeeting = z.infer<typeof CaseMeeting>;

export const CaseMeetingAttendeeInput = z
  .object({
    /** The case's own institution (with a worker) or a team institution; null for a person by name. */
    institutionId: optionalId,
    /** Own institution: a worker of the case; team institution: its named member (filled in when left out). */
    userId: optionalId,
    /** Needed only for a person by name; the server names workers and institutions itself. */
    name: text(200),
    invited: z.boolean().default(true),
    present: z
      .boolean()
      .nullable()
      .optional()
      .transform((v) => v ?? null),
  })
  .superRefine((a, ctx) => {
    if (!a.institutionId && a.userId)
      ctx.addIssue({ code: 'custom', path: ['institutionId'], message: 'caseMeeting.institutionRequired' });
    if (!a.institutionId && !a.userId && !a.name)
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'caseMeeting.nameRequired' });
  });

export const CaseMeetingInput = z
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
    attendees: z.array(CaseMeetingAttendeeInput).max(100).default([]),
  })
  .superRefine((v, ctx) => {
    if (!v.place && !v.onlineUrl)
      ctx.addIssue({ code: 'custom', path: ['place'], message: 'meeting.placeRequired' });
  });
export type CaseMeetingInput = z.input<typeof CaseMeetingInput>;

export const CaseMeetingUpdate = z.object({ meeting: CaseMeetingInput, version: z.number().int() });
export type CaseMeetingUpdate = z.input<typeof CaseMeetingUpdate>;

export const CaseActionItemCreate = z.object({
  description: required(2000),
  /** The case's own institution or an institution of the team. */
  ownerInstitutionId: z.uuid(),
  ownerUserId: optionalId,
  ownerName: text(200),
  dueOn: optionalIsoDate,
});
export type CaseActionItemCreate = z.input<typeof CaseActionItemCreate>;
export const CaseActionItemDone = z.object({ done: z.boolean() });
