import { type SmefsProblemCode, smefsMessage, smefsProblemMessages } from '@kooperacja/domain';

type Params = Record<string, unknown>;

/** The SM EFS problems of the domain as API messages (field errors carry these codes). */
const problemMessages = Object.fromEntries(
  (Object.keys(smefsProblemMessages) as SmefsProblemCode[]).map((code) => [
    code,
    {
      pl: (p: Params) => smefsMessage(code, p as Record<string, string | number>).pl,
      en: (p: Params) => smefsMessage(code, p as Record<string, string | number>).en,
    },
  ]),
);

/** Messages of the SM EFS capability, pl and en. */
export const smefsMessages = {
  ...problemMessages,
  'smefs.exportInvalid': {
    pl: (p: Params) =>
      `${p.invalid} z ${p.total} uczestników ma braki lub błędy w danych SM EFS. Popraw je według raportu albo pobierz plik mimo to.`,
    en: (p: Params) =>
      `${p.invalid} of ${p.total} participants have missing or invalid SM EFS data. Correct them as the report shows, or download the file anyway.`,
  },
  'smefs.importNotReady': {
    pl: 'Ten import nie jest gotowy do zapisania: plik jest jeszcze sprawdzany, ma błędy albo został już zapisany.',
    en: 'This import is not ready to be saved: the file is still being checked, has errors, or was already saved.',
  },
  'smefs.importBusy': {
    pl: 'Import jest w toku; poczekaj, aż się zakończy.',
    en: 'The import is in progress; wait until it ends.',
  },
  'smefs.fileTooLarge': {
    pl: (p: Params) => `Plik jest za duży (najwyżej ${p.maxMb} MB).`,
    en: (p: Params) => `The file is too large (at most ${p.maxMb} MB).`,
  },
  'smefs.notice.projectNumber': {
    pl: (p: Params) =>
      `Plik podaje numer projektu „${p.file}”, a import dotyczy projektu „${p.project}”: uczestnicy zostaną zapisani w tym projekcie.`,
    en: (p: Params) =>
      `The file names the project “${p.file}” while this is the project “${p.project}”: the participants will be saved in this project.`,
  },
  'smefs.failure.rows': {
    pl: 'Przy zapisie okazało się, że niektóre wiersze nie mogą zostać zapisane (dane zmieniły się od sprawdzenia). Nic nie zapisano.',
    en: 'While saving, some rows turned out not to be savable (the data changed since the check). Nothing was saved.',
  },
  'smefs.failure.unexpected': {
    pl: 'Zapis się nie powiódł i nic nie zapisano. Spróbuj wgrać plik ponownie albo podaj administratorowi identyfikator importu.',
    en: 'Saving failed and nothing was saved. Upload the file again or give the administrator the import id.',
  },
  'smefs.failure.interrupted': {
    pl: 'Import został przerwany (np. przez ponowne uruchomienie serwera). Nic nie zapisano; wgraj plik ponownie.',
    en: 'The import was interrupted (e.g. by a server restart). Nothing was saved; upload the file again.',
  },
};
