import type { Language } from '@kooperacja/domain';

type Message = Record<Language, string | ((p: Record<string, unknown>) => string)>;

/** Problem details and field messages of case teams, consents, referrals and shared cases. */
export const sharingMessages: Record<string, Message> = {
  'share.ownInstitution': {
    pl: 'Wybierz inną instytucję niż prowadząca sprawę.',
    en: 'Choose an institution other than the one that owns the case.',
  },
  'share.institutionUnknown': {
    pl: 'Nie ma takiej aktywnej instytucji w rejestrze.',
    en: 'There is no such active institution in the registry.',
  },
  'share.legalBasisRequired': {
    pl: 'Wskaż przepis, na podstawie którego dane są udostępniane.',
    en: 'Choose the provision that allows sharing the data.',
  },
  'share.consentRequired': {
    pl: 'Wskaż zgodę osoby, na podstawie której dane są udostępniane.',
    en: 'Choose the consent the sharing rests on.',
  },
  'share.healthNeedsConsent': {
    pl: 'Dane o zdrowiu można udostępnić tylko na podstawie zgody osoby.',
    en: 'Health data may be shared only with the person’s consent.',
  },
  'share.consentUnknown': { pl: 'Ta zgoda nie dotyczy tej sprawy.', en: 'This consent is not of this case.' },
  'share.consentOtherRecipient': {
    pl: 'Zgoda została udzielona innej instytucji.',
    en: 'The consent was given to another institution.',
  },
  'share.consentNotActive': {
    pl: 'Zgoda została wycofana albo wygasła.',
    en: 'The consent was withdrawn or has expired.',
  },
  'share.scopeBeyondConsent': {
    pl: (p) => `Zgoda nie obejmuje zakresu: ${p.scopes}.`,
    en: (p) => `The consent does not cover: ${p.scopes}.`,
  },
  'share.notAHandler': {
    pl: 'Wybierz pracownika swojej instytucji, który obsługuje skierowania.',
    en: 'Choose a worker of your institution who handles referrals.',
  },
  'share.scopeMissing': {
    pl: 'Ta część sprawy nie została udostępniona Twojej instytucji.',
    en: 'This part of the case was not shared with your institution.',
  },
  'team.leadOnly': {
    pl: 'Zespół tworzy pracownik prowadzący sprawę albo kierownik.',
    en: 'The team is formed by the lead worker or a supervisor.',
  },
  'team.endsBeforeStart': {
    pl: 'Data zakończenia nie może być wcześniejsza niż data rozpoczęcia.',
    en: 'The end date cannot be before the start date.',
  },
  'team.alreadyMember': {
    pl: 'Ta instytucja jest już w zespole albo ma zaproszenie.',
    en: 'This institution is already in the team or invited.',
  },
  'team.alreadyEnded': {
    pl: 'Ten udział w zespole już się zakończył.',
    en: 'This membership has already ended.',
  },
  'team.notInvited': {
    pl: 'Na to zaproszenie już odpowiedziano.',
    en: 'This invitation has already been answered.',
  },
  'consent.validUntilBeforeGiven': {
    pl: 'Zgoda nie może wygasać przed dniem jej udzielenia.',
    en: 'A consent cannot expire before it was given.',
  },
  'consent.givenInFuture': {
    pl: 'Data udzielenia zgody nie może być z przyszłości.',
    en: 'The consent date cannot be in the future.',
  },
  'consent.withdrawnInFuture': {
    pl: 'Data wycofania zgody nie może być z przyszłości.',
    en: 'The withdrawal date cannot be in the future.',
  },
  'consent.withdrawnBeforeGiven': {
    pl: 'Zgody nie można wycofać przed dniem jej udzielenia.',
    en: 'A consent cannot be withdrawn before it was given.',
  },
  'consent.scanNotInCase': {
    pl: 'Wybierz plik dołączony do tej sprawy.',
    en: 'Choose a file attached to this case.',
  },
  'consent.alreadyWithdrawn': {
    pl: 'Ta zgoda została już wycofana.',
    en: 'This consent was already withdrawn.',
  },
  'consent.personNotInCase': {
    pl: 'Zgodę składa osoba, której dotyczy sprawa, albo członek jej rodziny.',
    en: 'The consent is given by the person of the case or a member of their household.',
  },
  'blueCard.inFuture': { pl: 'Data nie może być z przyszłości.', en: 'The date cannot be in the future.' },
  'referral.expectedInPast': {
    pl: 'Oczekiwany termin nie może być w przeszłości.',
    en: 'The expected date cannot be in the past.',
  },
  'referral.serviceOfOtherInstitution': {
    pl: 'Wybrana usługa nie należy do instytucji, do której kierujesz.',
    en: 'The service chosen is not offered by the receiving institution.',
  },
  'referral.actionOfOtherCase': {
    pl: 'To działanie nie należy do planu tej sprawy.',
    en: 'This action is not part of a plan of this case.',
  },
  'referral.alreadyWithdrawn': {
    pl: 'Skierowanie zostało wycofane przez instytucję kierującą.',
    en: 'The referral was withdrawn by the referring institution.',
  },
  'referral.alreadyClosed': {
    pl: 'Skierowanie jest już zamknięte.',
    en: 'The referral is already closed.',
  },
  'referral.notNow': {
    pl: 'Tego kroku nie można wykonać przy obecnym stanie skierowania.',
    en: 'This step is not possible in the referral’s current state.',
  },
  'referral.receiverOnly': {
    pl: 'Ten krok wykonuje instytucja przyjmująca skierowanie.',
    en: 'This step is taken by the receiving institution.',
  },
  'referral.senderOnly': {
    pl: 'Skierowanie wycofuje instytucja kierująca.',
    en: 'The referring institution withdraws a referral.',
  },
  'referral.assignedOnly': {
    pl: 'Skierowanie realizuje przydzielony pracownik albo kierownik.',
    en: 'The assigned worker or a supervisor works on the referral.',
  },
  'caseMeeting.institutionRequired': {
    pl: 'Wybierz instytucję, z której jest ten pracownik.',
    en: 'Choose the institution this worker belongs to.',
  },
  'caseMeeting.nameRequired': {
    pl: 'Podaj imię i nazwisko zapraszanej osoby.',
    en: 'Enter the name of the person invited.',
  },
  'caseMeeting.notCaseWorker': {
    pl: 'Z ośrodka zaprasza się pracowników tej sprawy: prowadzącego, współprowadzących albo kierownika.',
    en: 'From the owner institution, invite the workers of this case: the lead worker, co-workers or a supervisor.',
  },
  'caseMeeting.notInTeam': {
    pl: 'Ta instytucja nie jest teraz aktywnym członkiem zespołu tej sprawy.',
    en: 'This institution is not an active member of this case team now.',
  },
  'caseMeeting.notTeamWorker': {
    pl: 'Z instytucji w zespole zaprasza się pracownika wskazanego przez nią do zespołu.',
    en: 'From a team institution, invite the worker it named to the team.',
  },
  'caseMeeting.attendeeTwice': {
    pl: 'Ten uczestnik jest już na liście.',
    en: 'This attendee is already on the list.',
  },
  'caseMeeting.ownerNotInTeam': {
    pl: 'Zadanie powierza się ośrodkowi prowadzącemu sprawę albo instytucji z zespołu.',
    en: 'An action item goes to the institution that owns the case or to an institution of the team.',
  },
  'caseMeeting.ownerUserUnknown': {
    pl: 'Wybierz pracownika tej sprawy albo osobę wskazaną przez instytucję do zespołu.',
    en: 'Choose a worker of this case or the person the institution named to the team.',
  },
  'caseMeeting.itemNotOurs': {
    pl: 'Jako wykonane oznaczasz tylko zadania swojej instytucji.',
    en: 'You mark as done only the action items of your institution.',
  },
  'action.alreadyDone': { pl: 'To działanie jest już wykonane.', en: 'This action is already done.' },
};
