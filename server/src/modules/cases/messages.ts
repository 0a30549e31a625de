/** Messages of the client dimension (persons, households, cases, plans, timeline), pl and en. */
export const caseMessages = {
  'pesel.invalid': {
    pl: 'Nieprawidłowy PESEL (11 cyfr, suma kontrolna lub data się nie zgadza).',
    en: 'Invalid PESEL (11 digits; checksum or date does not match).',
  },
  'pesel.birthDateMismatch': {
    pl: 'Data urodzenia nie zgadza się z numerem PESEL.',
    en: 'The birth date does not match the PESEL.',
  },
  'pesel.sexMismatch': {
    pl: 'Płeć nie zgadza się z numerem PESEL.',
    en: 'The sex does not match the PESEL.',
  },
  'person.noPeselNeedsId': {
    pl: 'Bez numeru PESEL wybierz rodzaj innego dokumentu (albo „Brak dokumentu”).',
    en: 'Without a PESEL choose another identifier type (or “No document”).',
  },
  'person.birthDateRequired': {
    pl: 'Bez numeru PESEL podaj datę urodzenia.',
    en: 'Without a PESEL enter the birth date.',
  },
  'person.sexRequired': { pl: 'Bez numeru PESEL podaj płeć.', en: 'Without a PESEL enter the sex.' },
  'person.otherIdNumberRequired': { pl: 'Podaj numer dokumentu.', en: 'Enter the document number.' },
  'person.peselExists': {
    pl: 'Osoba o tym numerze PESEL jest już w rejestrze — otwórz istniejący rekord.',
    en: 'A person with this PESEL is already registered — open the existing record.',
  },
  'person.peselExistsOutOfScope': {
    pl: 'Osoba o tym numerze PESEL jest już w rejestrze instytucji, ale nie masz dostępu do jej sprawy. Zwróć się do kierownika.',
    en: 'A person with this PESEL is already registered in the institution, but you have no access to their case. Ask your supervisor.',
  },
  'person.possibleDuplicate': {
    pl: 'W rejestrze jest osoba o bardzo podobnym imieniu i nazwisku i tej samej dacie urodzenia. Sprawdź, czy to nie ta sama osoba, i potwierdź.',
    en: 'The registry holds a person with a very similar name and the same birth date. Check it is not the same person, then confirm.',
  },
  'person.merged': {
    pl: 'Ten rekord został scalony z innym i nie można go zmieniać.',
    en: 'This record was merged into another and cannot be changed.',
  },
  'person.mergeSame': { pl: 'Wybierz dwa różne rekordy.', en: 'Choose two different records.' },
  'person.mergePeselConflict': {
    pl: 'Rekordy mają różne numery PESEL — to nie ta sama osoba.',
    en: 'The records have different PESEL numbers — they are not the same person.',
  },
  'household.personInAnother': {
    pl: 'Ta osoba należy już do innego gospodarstwa domowego. Najpierw zakończ tamto członkostwo.',
    en: 'This person already belongs to another household. End that membership first.',
  },
  'household.personNotInScope': {
    pl: 'Nie znaleziono osoby w rejestrze instytucji.',
    en: 'The person was not found in the institution’s registry.',
  },
  'household.oneHead': {
    pl: 'Gospodarstwo ma dokładnie jedną osobę prowadzącą.',
    en: 'A household has exactly one head.',
  },
  'territory.gminaRequired': {
    pl: 'Wybierz gminę (7-cyfrowy kod TERYT).',
    en: 'Choose a municipality (7-digit TERYT code).',
  },
  'case.subjectRequired': {
    pl: 'Sprawa dotyczy jednej osoby albo jednej rodziny — wybierz jedno.',
    en: 'A case is for one person or one family — choose one.',
  },
  'case.oneMainReason': {
    pl: 'Zaznacz dokładnie jeden główny powód przyznania pomocy.',
    en: 'Mark exactly one main reason for assistance.',
  },
  'case.reasonTwice': { pl: 'Każdy powód można wybrać tylko raz.', en: 'Each reason can be chosen once.' },
  'case.workerNotInInstitution': {
    pl: 'Pracownik musi należeć do instytucji prowadzącej sprawę i móc prowadzić sprawy.',
    en: 'The worker must belong to the institution that owns the case and be able to handle cases.',
  },
  'case.assignOnlySupervisor': {
    pl: 'Innego pracownika prowadzącego wyznacza kierownik.',
    en: 'Only a supervisor can assign another lead worker.',
  },
  'case.closedReadOnly': {
    pl: 'Sprawa jest zamknięta. Aby ją zmienić, najpierw ją wznów.',
    en: 'The case is closed. Reopen it to change it.',
  },
  'case.transition.same': { pl: 'Sprawa ma już ten status.', en: 'The case already has this status.' },
  'case.transition.notAllowed': {
    pl: 'Takie przejście nie jest dozwolone: sprawa przechodzi kolejno zgłoszenie → diagnoza → plan → realizacja → monitorowanie, może wrócić o krok albo zostać zamknięta.',
    en: 'This transition is not allowed: a case moves intake → diagnosis → plan → implementation → monitoring, may step back once or be closed.',
  },
  'case.transition.needsDiagnosis': {
    pl: 'Najpierw zapisz diagnozę — plan opiera się na diagnozie.',
    en: 'Record the diagnosis first — the plan builds on it.',
  },
  'case.transition.needsPlan': {
    pl: 'Aby rozpocząć realizację, co najmniej jeden plan musi być w realizacji (podpisany).',
    en: 'To start implementation, at least one plan must be active (signed).',
  },
  'case.reopenOnlySupervisor': {
    pl: 'Zamkniętą sprawę wznawia kierownik.',
    en: 'A closed case is reopened by a supervisor.',
  },
  'case.closureReasonRequired': { pl: 'Wybierz powód zamknięcia.', en: 'Choose the closure reason.' },
  'case.outcomeRequired': {
    pl: 'Opisz efekty pracy z osobą lub rodziną.',
    en: 'Describe the outcome of the work.',
  },
  'diagnosis.empty': {
    pl: 'Wypełnij co najmniej jeden obszar diagnozy.',
    en: 'Fill in at least one area of the diagnosis.',
  },
  'diagnosis.stale': {
    pl: 'W międzyczasie ktoś zapisał nowszą wersję diagnozy.',
    en: 'Someone saved a newer version of the diagnosis meanwhile.',
  },
  'plan.institutionRequired': {
    pl: 'Wskaż instytucję odpowiedzialną za działanie.',
    en: 'Choose the institution responsible for the action.',
  },
  'plan.endBeforeStart': {
    pl: 'Data zakończenia nie może być wcześniejsza niż data rozpoczęcia.',
    en: 'The end date cannot be before the start date.',
  },
  'plan.variantRequired': {
    pl: 'Wybierz wariant kontraktu socjalnego (A albo B).',
    en: 'Choose the social contract variant (A or B).',
  },
  'plan.signaturesRequired': {
    pl: 'Kontrakt w realizacji musi mieć daty podpisu pracownika i klienta.',
    en: 'An active contract needs the worker’s and the client’s signature dates.',
  },
  'plan.institutionUnknown': {
    pl: 'Nie ma takiej instytucji w rejestrze — wybierz instytucję z listy.',
    en: 'No such institution in the registry — choose one from the list.',
  },
  'plan.userUnknown': {
    pl: 'Nie ma takiego użytkownika — wybierz osobę z listy albo wpisz jej imię i nazwisko.',
    en: 'No such user — choose a person from the list or type their name.',
  },
  'plan.itemNotInPlan': {
    pl: 'Ten cel lub działanie nie należy do tego planu. Odśwież plan i spróbuj ponownie.',
    en: 'This goal or action does not belong to this plan. Reload the plan and try again.',
  },
  'plan.scanNotInCase': {
    pl: 'Wybierz plik dołączony do tej sprawy.',
    en: 'Choose a file attached to this case.',
  },
  'plan.typeFixed': {
    pl: 'Rodzaju planu nie można zmienić — utwórz nowy plan.',
    en: 'The type of a plan cannot be changed — create a new plan.',
  },
  'attachment.tooLarge': {
    pl: (p: Record<string, unknown>) => `Plik jest za duży (najwyżej ${p.maxMb} MB).`,
    en: (p: Record<string, unknown>) => `The file is too large (at most ${p.maxMb} MB).`,
  },
  'timeline.attachmentNotInCase': {
    pl: 'Można dołączyć tylko pliki wgrane do tej sprawy.',
    en: 'Only files uploaded to this case can be attached.',
  },
  'attachment.type': {
    pl: 'Dozwolone są pliki PDF, PNG, JPEG i WebP (sprawdzamy zawartość pliku, nie tylko rozszerzenie).',
    en: 'PDF, PNG, JPEG and WebP files are allowed (the content is checked, not just the extension).',
  },
};
