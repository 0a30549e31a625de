/** Messages of the training platform (docs/trainings.md), pl and en. */
export const trainingMessages = {
  'training.manageForbidden': {
    pl: 'Tym szkoleniem zarządza inna instytucja.',
    en: 'Another institution manages this training.',
  },
  'training.forbidden': {
    pl: 'Nie możesz wykonać tej czynności przy tym zgłoszeniu.',
    en: 'You cannot do this with this registration.',
  },
  'training.targetStaffRequired': {
    pl: 'Wskaż co najmniej jedną grupę pracowników, do której skierowane jest szkolenie.',
    en: 'Choose at least one staff group the training is for.',
  },
  'training.hoursRange': {
    pl: 'Liczba godzin musi mieścić się w przedziale od 0,5 do 500.',
    en: 'Hours must be between 0.5 and 500.',
  },
  'training.hoursHalf': {
    pl: 'Liczbę godzin podaj z dokładnością do pół godziny (np. 16 albo 7,5).',
    en: 'Give the hours to the half hour (e.g. 16 or 7.5).',
  },
  'training.projectUnknown': {
    pl: 'Nie znaleziono projektu finansującego albo nie prowadzi go Twoja instytucja.',
    en: 'The financing project was not found or is not run by your institution.',
  },
  'training.edition.onlineUrl': {
    pl: 'Adres spotkania online musi zaczynać się od https://.',
    en: 'The online meeting address must start with https://.',
  },
  'training.edition.capacity': {
    pl: 'Liczba miejsc musi wynosić co najmniej 1.',
    en: 'There must be at least 1 place.',
  },
  'training.edition.datesOrder': {
    pl: 'Data zakończenia nie może być wcześniejsza niż data rozpoczęcia.',
    en: 'The end date cannot be before the start date.',
  },
  'training.edition.placeRequired': {
    pl: 'Podaj miejsce szkolenia stacjonarnego.',
    en: 'Enter the place of an in-person training.',
  },
  'training.edition.onlineUrlRequired': {
    pl: 'Podaj adres spotkania online.',
    en: 'Enter the online meeting address.',
  },
  'training.edition.closesAfterEnd': {
    pl: 'Zapisy muszą się kończyć najpóźniej w ostatnim dniu edycji.',
    en: 'Registration must close on the last day of the edition at the latest.',
  },
  'training.edition.sessionOutside': {
    pl: 'Zajęcia muszą się odbyć między datą rozpoczęcia a zakończenia edycji.',
    en: 'Sessions must fall between the start and end dates of the edition.',
  },
  'training.edition.sessionTimes': {
    pl: 'Godzina zakończenia zajęć musi być późniejsza niż godzina rozpoczęcia.',
    en: 'A session must end after it starts.',
  },
  'training.edition.sessionUnknown': {
    pl: 'Te zajęcia nie należą do tej edycji.',
    en: 'This session does not belong to this edition.',
  },
  'training.edition.sessionHasAttendance': {
    pl: 'Nie można usunąć zajęć, dla których zapisano obecność.',
    en: 'A session with recorded attendance cannot be removed.',
  },
  'training.edition.capacityBelowConfirmed': {
    pl: 'Liczba miejsc nie może być mniejsza niż liczba potwierdzonych zapisów ({{confirmed}}).',
    en: 'The number of places cannot be below the confirmed registrations ({{confirmed}}).',
  },
  'training.registration.closed': {
    pl: 'Zapisy na tę edycję są zamknięte.',
    en: 'Registration for this edition is closed.',
  },
  'training.registration.duplicate': {
    pl: 'Ta osoba jest już zapisana na tę edycję.',
    en: 'This person is already registered for this edition.',
  },
  'training.registration.noInstitution': {
    pl: 'Aby zapisać się na szkolenie, wybierz instytucję, w której pracujesz.',
    en: 'Choose the institution you work for to register.',
  },
  'training.registration.employeeForbidden': {
    pl: 'Zgłaszać pracowników może kierownik albo administrator instytucji.',
    en: 'Only the head or administrator of an institution registers its employees.',
  },
  'training.registration.employeeUserUnknown': {
    pl: 'Ta osoba nie jest aktywnym pracownikiem Twojej instytucji.',
    en: 'This person is not an active employee of your institution.',
  },
  'training.registration.nameRequired': {
    pl: 'Podaj imię i nazwisko pracownika.',
    en: 'Enter the employee’s first and last name.',
  },
  'training.registration.notPending': {
    pl: 'To zgłoszenie nie czeka już na akceptację.',
    en: 'This registration no longer awaits approval.',
  },
  'training.registration.notActive': {
    pl: 'Tego zgłoszenia nie można już wycofać.',
    en: 'This registration can no longer be withdrawn.',
  },
  'training.registration.reasonRequired': {
    pl: 'Podaj powód odrzucenia zgłoszenia.',
    en: 'Give the reason for rejecting the registration.',
  },
  'training.attendance.notConfirmed': {
    pl: 'Obecność zapisuje się tylko osobom z potwierdzonym miejscem.',
    en: 'Attendance is recorded only for learners with a confirmed place.',
  },
  'training.attendance.future': {
    pl: 'Nie można zapisać obecności na zajęciach, które jeszcze się nie odbyły.',
    en: 'Attendance cannot be recorded for a session that has not taken place yet.',
  },
  'training.question.optionsCount': {
    pl: 'Pytanie musi mieć od 2 do 8 odpowiedzi.',
    en: 'A question must have 2 to 8 options.',
  },
  'training.question.singleNeedsOne': {
    pl: 'Pytanie jednokrotnego wyboru musi mieć dokładnie jedną poprawną odpowiedź.',
    en: 'A single-choice question must have exactly one correct option.',
  },
  'training.question.multipleNeedsOne': {
    pl: 'Zaznacz co najmniej jedną poprawną odpowiedź.',
    en: 'Mark at least one correct option.',
  },
  'training.question.used': {
    pl: 'Na to pytanie już odpowiadano w testach — zamiast usuwać, oznacz je jako nieaktywne.',
    en: 'This question was already answered in tests — deactivate it instead of deleting.',
  },
  'training.test.notAvailable': {
    pl: 'Ten test nie jest teraz dostępny.',
    en: 'This test is not available now.',
  },
  'training.test.unknownAnswer': {
    pl: 'Odpowiedź nie pasuje do pytań testu. Odśwież stronę i spróbuj ponownie.',
    en: 'An answer does not match the test’s questions. Reload the page and try again.',
  },
  'training.paperTest.notConfirmed': {
    pl: 'Wynik testu wpisuje się tylko osobom z potwierdzonym miejscem.',
    en: 'Test results are entered only for learners with a confirmed place.',
  },
  'training.paperTest.future': {
    pl: 'Data testu nie może być z przyszłości.',
    en: 'The test date cannot be in the future.',
  },
  'training.certificate.notConfirmed': {
    pl: 'Zaświadczenie wydaje się tylko osobie z potwierdzonym miejscem.',
    en: 'A certificate is issued only to a learner with a confirmed place.',
  },
  'training.certificate.notOffered': {
    pl: 'To szkolenie nie kończy się zaświadczeniem. Zmień to w ustawieniach szkolenia.',
    en: 'This training does not issue certificates. Change it in the training’s settings.',
  },
  'training.certificate.notIssued': {
    pl: 'Ta osoba nie ma ważnego zaświadczenia.',
    en: 'This learner has no valid certificate.',
  },
  'training.certificate.rateLimited': {
    pl: (p: Record<string, unknown>) =>
      `Z tego adresu sprawdzono w krótkim czasie bardzo wiele kodów. Spróbuj ponownie za ${Math.ceil(Number(p.seconds) / 60)} min.`,
    en: (p: Record<string, unknown>) =>
      `Too many codes were checked from this address in a short time. Try again in ${Math.ceil(Number(p.seconds) / 60)} min.`,
  },
  'training.lesson.altRequired': {
    pl: 'Opisz obraz tekstem alternatywnym — przeczyta go osoba, która go nie widzi.',
    en: 'Describe the image in alternative text — it is read to someone who cannot see it.',
  },
  'training.lesson.videoRequired': {
    pl: 'Podaj adres filmu.',
    en: 'Enter the video’s address.',
  },
  'training.lesson.videoUrl': {
    pl: 'Adres filmu musi zaczynać się od https://.',
    en: 'The video address must start with https://.',
  },
  'training.lesson.fileType': {
    pl: 'Dołącz plik PDF albo obraz PNG, JPEG lub WebP.',
    en: 'Attach a PDF file or a PNG, JPEG or WebP image.',
  },
  'training.lesson.imageType': {
    pl: 'Lekcja z obrazem przyjmuje tylko obraz PNG, JPEG lub WebP.',
    en: 'An image lesson accepts only a PNG, JPEG or WebP image.',
  },
  'training.lesson.fileKind': {
    pl: 'Plik dołącza się do lekcji z obrazem albo z plikiem do pobrania.',
    en: 'A file is attached to an image lesson or a file lesson.',
  },
} as const;
