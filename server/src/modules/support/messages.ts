type Params = Record<string, unknown>;

/** Messages of the support capability (docs/support.md), pl and en; rule messages name the dates. */
export const supportMessages = {
  'support.dateOrder': {
    pl: 'Data zakończenia nie może być wcześniejsza niż data rozpoczęcia.',
    en: 'The end date cannot be before the start date.',
  },
  'support.outsideProject': {
    pl: (p: Params) => `Data musi mieścić się w okresie realizacji projektu (${p.from} – ${p.to}).`,
    en: (p: Params) => `The date must lie within the project period (${p.from} – ${p.to}).`,
  },
  'support.capacity.required': {
    pl: 'Podaj liczbę miejsc w mieszkaniu.',
    en: 'Give the number of places in the flat.',
  },
  'support.capacity.full': {
    pl: (p: Params) =>
      `Brak wolnego miejsca: ${p.date} zajętych jest już ${p.occupied} z ${p.capacity} miejsc. Zmień daty albo zwiększ liczbę miejsc.`,
    en: (p: Params) =>
      `No free place: on ${p.date} ${p.occupied} of ${p.capacity} places are already taken. Change the dates or add places.`,
  },
  'support.capacity.belowOccupied': {
    pl: (p: Params) =>
      `Liczba miejsc nie może być mniejsza niż zajętych jednocześnie (${p.occupied} w dniu ${p.date}).`,
    en: (p: Params) =>
      `The number of places cannot be below the places taken at once (${p.occupied} on ${p.date}).`,
  },
  'support.employer.required': {
    pl: 'Podaj pracodawcę, u którego odbywa się staż.',
    en: 'Give the employer of the internship.',
  },
  'support.type.required': {
    pl: 'Wybierz typ wsparcia z katalogu poddziałania projektu.',
    en: 'Choose a support type of the project’s sub-action.',
  },
  'support.type.notAllowed': {
    pl: (p: Params) =>
      `Ten typ wsparcia nie jest dozwolony w działaniu/poddziałaniu projektu. Dozwolone typy: ${p.allowed}.`,
    en: (p: Params) =>
      `This support type is not allowed in the project’s action/sub-action. Allowed types: ${p.allowed}.`,
  },
  'support.activity.typeLocked': {
    pl: 'Rodzaju i typu wsparcia nie można zmienić, gdy są już zajęcia w harmonogramie lub uczestnicy.',
    en: 'The kind and support type cannot change once there are sessions or participants.',
  },
  'support.activity.inUse': {
    pl: 'Nie można usunąć formy wsparcia, która ma zajęcia w harmonogramie lub uczestników — usuń je najpierw.',
    en: 'A form of support with sessions or participants cannot be deleted — remove them first.',
  },
  'support.activity.episodesOutside': {
    pl: (p: Params) =>
      `Okres nie obejmuje udziału uczestników (${p.count}) lub zajęć — najpierw zmień ich daty.`,
    en: (p: Params) =>
      `The period leaves out participants’ episodes (${p.count}) or sessions — change their dates first.`,
  },
  'support.onlyWithOther.missing': {
    pl: 'Ten typ wsparcia może być realizowany wyłącznie w połączeniu z innymi formami wsparcia: uczestnik musi najpierw mieć w projekcie udział w innej formie wsparcia.',
    en: 'This support type may be given only together with other forms of support: the participant first needs another form of support in the project.',
  },
  'support.onlyWithOther.companion': {
    pl: (p: Params) =>
      `To jedyna inna forma wsparcia uczestnika, a jego udział w „${p.activity}” wymaga połączenia z inną formą — usuń najpierw tamten udział.`,
    en: (p: Params) =>
      `This is the participant’s only other form of support, and their episode of “${p.activity}” requires one — remove that episode first.`,
  },
  'support.timeWindow.after': {
    pl: (p: Params) =>
      `Wsparcie można rozpocząć najpóźniej ${p.limit} — ${p.months} mies. po opuszczeniu placówki (${p.left}).`,
    en: (p: Params) =>
      `Support may start by ${p.limit} at the latest — ${p.months} months after leaving the institution (${p.left}).`,
  },
  'support.timeWindow.endAfter': {
    pl: (p: Params) =>
      `Wsparcie musi zakończyć się najpóźniej ${p.limit} — ${p.months} mies. po opuszczeniu placówki (${p.left}). Podaj datę zakończenia.`,
    en: (p: Params) =>
      `Support must end by ${p.limit} at the latest — ${p.months} months after leaving the institution (${p.left}). Give the end date.`,
  },
  'support.timeWindow.unknown': {
    pl: (p: Params) =>
      `Zgłoszenie uczestnika nie podaje pobytu w placówce ani daty jej opuszczenia — sprawdź ręcznie warunek: ${p.window}.`,
    en: (p: Params) =>
      `The participant’s application gives neither a stay in an institution nor the date of leaving — check the condition by hand: ${p.window}.`,
  },
  'support.episode.participantUnknown': {
    pl: 'Wybierz uczestnika tego projektu.',
    en: 'Choose a participant of this project.',
  },
  'support.episode.outsideActivity': {
    pl: (p: Params) => `Udział musi mieścić się w okresie formy wsparcia (${p.from} – ${p.to}).`,
    en: (p: Params) => `The episode must lie within the period of the form of support (${p.from} – ${p.to}).`,
  },
  'support.episode.beforeJoined': {
    pl: (p: Params) =>
      `Uczestnik przystąpił do projektu ${p.joined}: wsparcie nie może zacząć się wcześniej.`,
    en: (p: Params) => `The participant joined the project on ${p.joined}: support cannot start earlier.`,
  },
  'support.episode.afterLeft': {
    pl: (p: Params) =>
      `Uczestnik zakończył udział w projekcie ${p.left}: wsparcie musi zakończyć się najpóźniej tego dnia.`,
    en: (p: Params) => `The participant left the project on ${p.left}: support must end by that day.`,
  },
  'support.episode.overlap': {
    pl: (p: Params) => `Uczestnik już korzysta z tej formy wsparcia w tym czasie (${p.from} – ${p.to}).`,
    en: (p: Params) =>
      `The participant already takes part in this form of support then (${p.from} – ${p.to}).`,
  },
  'support.episode.hoursFromAttendance': {
    pl: 'Godziny zajęć grupowych wynikają z listy obecności.',
    en: 'Hours of group activities come from the attendance lists.',
  },
  'support.episode.hoursNotApplicable': {
    pl: 'Dla miejsca w mieszkaniu nie podaje się godzin.',
    en: 'A place in a flat has no hours.',
  },
  'support.episode.stipendInternshipOnly': {
    pl: 'Stypendium podaje się tylko dla stażu.',
    en: 'A stipend belongs to an internship only.',
  },
  'support.episode.hasAttendance': {
    pl: 'Uczestnik ma zapisaną obecność na zajęciach tej formy wsparcia — zmień najpierw listy obecności.',
    en: 'The participant has attendance recorded at this activity’s sessions — change the attendance lists first.',
  },
  'support.episode.attendanceOutside': {
    pl: (p: Params) => `Uczestnik ma zapisaną obecność na zajęciach ${p.date}, poza nowymi datami udziału.`,
    en: (p: Params) => `The participant has attendance recorded on ${p.date}, outside the new dates.`,
  },
  'support.session.groupOnly': {
    pl: 'Harmonogram zajęć i listy obecności mają tylko zajęcia grupowe.',
    en: 'Only group activities have a schedule of sessions and attendance lists.',
  },
  'support.session.outsideActivity': {
    pl: (p: Params) => `Zajęcia muszą odbyć się w okresie formy wsparcia (${p.from} – ${p.to}).`,
    en: (p: Params) => `The session must lie within the period of the form of support (${p.from} – ${p.to}).`,
  },
  'support.session.timeFormat': {
    pl: 'Podaj godzinę w formacie GG:MM, np. 09:30.',
    en: 'Give the time as HH:MM, e.g. 09:30.',
  },
  'support.session.hoursOverDay': {
    pl: 'Zajęcia nie mogą trwać dłużej niż 24 godziny.',
    en: 'A session cannot last more than 24 hours.',
  },
  'support.session.hoursBelowAttended': {
    pl: (p: Params) =>
      `Na liście obecności są już osoby z ${p.hours} godz. — czas zajęć nie może być krótszy.`,
    en: (p: Params) =>
      `The attendance list already has ${p.hours} hours for a participant — the session cannot be shorter.`,
  },
  'support.session.dateAttendance': {
    pl: 'Lista obecności jest już wypełniona — daty zajęć nie można zmienić. Usuń listę albo zajęcia.',
    en: 'The attendance list is filled in — the date cannot change. Clear the list or delete the session.',
  },
  'support.hours.format': {
    pl: 'Podaj liczbę godzin, np. 1,5.',
    en: 'Give a number of hours, e.g. 1.5.',
  },
  'support.hours.precision': {
    pl: 'Liczba godzin może mieć najwyżej dwa miejsca po przecinku.',
    en: 'Hours have at most two decimal places.',
  },
  'support.hours.tooLarge': { pl: 'Zbyt duża liczba godzin.', en: 'Too many hours.' },
  'support.hours.positive': {
    pl: 'Liczba godzin musi być większa od zera.',
    en: 'The hours must be more than zero.',
  },
  'support.attendance.duplicate': {
    pl: 'Uczestnik występuje na liście dwa razy.',
    en: 'The participant is on the list twice.',
  },
  'support.attendance.notEnrolled': {
    pl: (p: Params) => `Uczestnik nie był zapisany na te zajęcia w dniu ${p.date}.`,
    en: (p: Params) => `The participant was not enrolled in this activity on ${p.date}.`,
  },
  'support.attendance.hoursOverSession': {
    pl: (p: Params) => `Zajęcia trwały ${p.hours} godz. — obecność nie może być dłuższa.`,
    en: (p: Params) => `The session lasted ${p.hours} hours — attendance cannot be longer.`,
  },
  'support.attendance.hoursWhenAbsent': {
    pl: 'Osobie nieobecnej nie liczy się godzin.',
    en: 'An absent participant has no hours.',
  },
} as const;
