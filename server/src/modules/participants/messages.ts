type Params = Record<string, unknown>;

/** Messages of the participants capability and the DEGURBA import, pl and en. */
export const participantMessages = {
  'participant.peselRequired': {
    pl: 'Podaj numer PESEL albo zaznacz „brak numeru PESEL”.',
    en: 'Enter the PESEL or tick “no PESEL”.',
  },
  'participant.peselWithNoPesel': {
    pl: 'Zaznaczono „brak numeru PESEL”: usuń numer albo odznacz tę opcję.',
    en: '“No PESEL” is ticked: remove the number or untick the option.',
  },
  'participant.joinedBeforeBirth': {
    pl: 'Data rozpoczęcia udziału nie może być wcześniejsza niż data urodzenia.',
    en: 'The day of joining cannot be before the birth date.',
  },
  'participant.joinedAfterLeft': {
    pl: (p: Params) => `Data rozpoczęcia udziału nie może być późniejsza niż data zakończenia (${p.date}).`,
    en: (p: Params) => `The day of joining cannot be after the day of leaving (${p.date}).`,
  },
  'participant.dateInFuture': {
    pl: 'Data nie może być z przyszłości.',
    en: 'The date cannot be in the future.',
  },
  'participant.institutionNameRequired': {
    pl: 'Podaj nazwę instytucji, której pracownikiem lub przedstawicielem jest uczestnik.',
    en: 'Enter the name of the institution the participant works for or represents.',
  },
  'participant.terytRequired': {
    pl: 'Dla miejsca zamieszkania w Polsce wybierz gminę (kod TERYT).',
    en: 'For a home in Poland choose the gmina (TERYT code).',
  },
  'participant.labourDetailRequired': {
    pl: 'Wybierz doprecyzowanie statusu na rynku pracy („w tym”).',
    en: 'Choose the detail of the labour-market status (“of which”).',
  },
  'participant.labourDetailMismatch': {
    pl: 'To doprecyzowanie nie należy do wybranego statusu na rynku pracy.',
    en: 'This detail does not belong to the chosen labour-market status.',
  },
  'participant.thirdCountryPolish': {
    pl: 'Osoba z obywatelstwem polskim nie jest obywatelem państwa trzeciego.',
    en: 'A person with Polish citizenship is not a third-country national.',
  },
  'participant.degurbaRequired': {
    pl: 'Tabela DEGURBA nie ma tej gminy: wybierz stopień urbanizacji (1, 2 albo 3).',
    en: 'The DEGURBA table has no row for this gmina: choose the degree of urbanisation (1, 2 or 3).',
  },
  'participant.applicationUnknown': {
    pl: 'Nie ma takiego zgłoszenia w naborach tego projektu.',
    en: 'There is no such application in the calls of this project.',
  },
  'participant.applicationStatus': {
    pl: (p: Params) =>
      `Do projektu przyjmuje się zgłoszenie zakwalifikowane albo z listy rezerwowej (to ma status „${p.status}”).`,
    en: (p: Params) =>
      `Only a qualified or reserve-list application is enrolled (this one is “${p.status}”).`,
  },
  'participant.cohortUnknown': {
    pl: 'Nie ma takiej grupy (kohorty) w naborach tego projektu.',
    en: 'There is no such cohort in the calls of this project.',
  },
  'participant.alreadyEnrolled': {
    pl: (p: Params) => `Ta osoba już jest uczestnikiem projektu (${p.technicalId}).`,
    en: (p: Params) => `This person is already a participant of the project (${p.technicalId}).`,
  },
  'participant.leftBeforeJoined': {
    pl: (p: Params) => `Data zakończenia udziału nie może być wcześniejsza niż data rozpoczęcia (${p.date}).`,
    en: (p: Params) => `The day of leaving cannot be before the day of joining (${p.date}).`,
  },
  'participant.exitSituationRequired': {
    pl: 'Wybierz sytuację osoby w momencie zakończenia udziału.',
    en: 'Choose the situation of the person on leaving.',
  },
  'participant.droppedOutCompleted': {
    pl: 'Osoba, która przerwała udział, nie zakończyła zaplanowanej ścieżki.',
    en: 'A person who dropped out did not complete the planned path.',
  },
  'participant.repeated': { pl: 'Wartość powtarza się.', en: 'A value is repeated.' },
  'participant.followUpResultRequired': {
    pl: 'Wybierz wynik pomiaru.',
    en: 'Choose the result of the follow-up.',
  },
  'participant.followUpNoContactAlone': {
    pl: '„Brak kontaktu” wyklucza inne wyniki.',
    en: '“Not reached” excludes other results.',
  },
  'participant.followUpNoChangeAlone': {
    pl: '„Bez zmian” wyklucza pracę i lepszą sytuację na rynku pracy.',
    en: '“No change” excludes employment and a better situation.',
  },
  'participant.followUpNotLeft': {
    pl: 'Pomiar po 6 miesiącach zapisuje się po zakończeniu udziału w projekcie.',
    en: 'The six-month follow-up is recorded after the person has left the project.',
  },
  'participant.followUpBeforeLeft': {
    pl: (p: Params) => `Data pomiaru nie może być wcześniejsza niż zakończenie udziału (${p.date}).`,
    en: (p: Params) => `The follow-up date cannot be before the day of leaving (${p.date}).`,
  },
  'participant.notLeft': {
    pl: 'Uczestnik nie zakończył udziału.',
    en: 'The participant has not left.',
  },
  'degurba.columns': {
    pl: (p: Params) => `Wiersz powinien mieć dwie kolumny: teryt;degurba (ma ${p.count}).`,
    en: (p: Params) => `A line should have two columns: teryt;degurba (it has ${p.count}).`,
  },
  'degurba.teryt': {
    pl: (p: Params) => `„${p.value}” nie jest siedmiocyfrowym kodem TERYT gminy.`,
    en: (p: Params) => `“${p.value}” is not a seven-digit TERYT code of a gmina.`,
  },
  'degurba.unknownGmina': {
    pl: (p: Params) => `Gminy ${p.teryt} nie ma w rejestrze TERYT.`,
    en: (p: Params) => `Gmina ${p.teryt} is not in the TERYT register.`,
  },
  'degurba.level': {
    pl: (p: Params) => `Stopień urbanizacji to 1, 2 albo 3 (jest „${p.value}”).`,
    en: (p: Params) => `The degree of urbanisation is 1, 2 or 3 (got “${p.value}”).`,
  },
  'degurba.duplicate': {
    pl: (p: Params) => `Gmina ${p.teryt} już była w wierszu ${p.first}.`,
    en: (p: Params) => `Gmina ${p.teryt} was already on line ${p.first}.`,
  },
  'degurba.empty': {
    pl: 'Plik nie zawiera żadnego wiersza teryt;degurba.',
    en: 'The file has no teryt;degurba line.',
  },
};
