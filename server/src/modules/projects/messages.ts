import { formatAmount, moneyParseErrors } from '@kooperacja/domain';

type Params = Record<string, unknown>;
const zl = (v: unknown) => formatAmount(Number(v));

/** Messages of the projects capability, pl and en. Money messages name the amounts. */
export const projectMessages = {
  'project.manageForbidden': {
    pl: 'Projekt zmienia jego koordynator (zespół projektu).',
    en: 'A project is changed by its coordinator (the project team).',
  },
  'project.noInstitution': {
    pl: 'Wybierz aktywną instytucję: to ona będzie liderem (beneficjentem) projektu.',
    en: 'Choose an active institution: it becomes the leader (beneficiary) of the project.',
  },
  'project.numberTaken': {
    pl: 'Projekt o tym numerze już jest w rejestrze.',
    en: 'A project with this number is already registered.',
  },
  'project.programmeUnknown': {
    pl: 'Nie ma takiej pozycji w katalogu programów.',
    en: 'There is no such node in the programme catalogue.',
  },
  'project.programmePlacement': {
    pl: 'Projekt umieszcza się w działaniu albo poddziałaniu (najniższym poziomie, jaki ma działanie).',
    en: 'A project is placed in an action or a sub-action (the lowest level the action has).',
  },
  'project.periodOrder': {
    pl: 'Data zakończenia nie może być wcześniejsza niż data rozpoczęcia.',
    en: 'The end date cannot be before the start date.',
  },
  'project.callRankOverTotal': {
    pl: 'Miejsce na liście rankingowej nie może być dalsze niż liczba ocenionych wniosków.',
    en: 'The ranking position cannot exceed the number of ranked applications.',
  },
  'project.outsidePeriod': {
    pl: (p: Params) => `Data musi mieścić się w okresie realizacji projektu (${p.from} – ${p.to}).`,
    en: (p: Params) => `The date must lie within the project period (${p.from} – ${p.to}).`,
  },
  'project.partnerIsLeader': {
    pl: 'Lider projektu nie jest jednocześnie jego partnerem.',
    en: 'The project leader is not also its partner.',
  },
  'project.partnerExists': {
    pl: 'Ta instytucja już jest partnerem projektu.',
    en: 'This institution is already a partner of the project.',
  },
  'project.partnerUnknown': {
    pl: 'Nie ma takiej instytucji w rejestrze.',
    en: 'There is no such institution in the register.',
  },
  'project.partnerHasTasks': {
    pl: 'Partner realizuje zadania projektu: przypisz je najpierw innej instytucji.',
    en: 'The partner carries out tasks of the project: assign them to another institution first.',
  },
  'project.teamNotEligible': {
    pl: 'Do zespołu projektu należą pracownicy lidera albo partnerów projektu.',
    en: 'The project team consists of staff of the leader or of the partners.',
  },
  'project.teamExists': {
    pl: 'Ta osoba już jest w zespole projektu.',
    en: 'This person is already on the project team.',
  },
  'project.lastCoordinator': {
    pl: 'Projekt musi mieć co najmniej jednego koordynatora.',
    en: 'A project needs at least one coordinator.',
  },
  'project.taskNumberTaken': {
    pl: 'Zadanie o tym numerze już jest w projekcie.',
    en: 'The project already has a task with this number.',
  },
  'project.taskInstitution': {
    pl: 'Zadanie realizuje lider albo partner projektu.',
    en: 'A task is carried out by the leader or a partner of the project.',
  },
  'project.milestone.achievedOnRequired': {
    pl: 'Podaj datę osiągnięcia kamienia milowego.',
    en: 'Give the date the milestone was achieved.',
  },
  'project.milestone.achievedOnOnlyAchieved': {
    pl: 'Datę osiągnięcia podaje się tylko dla osiągniętego kamienia milowego.',
    en: 'An achievement date is given only for an achieved milestone.',
  },
  'project.milestone.achievedInFuture': {
    pl: 'Data osiągnięcia nie może być z przyszłości.',
    en: 'The achievement date cannot be in the future.',
  },
  'project.document.type': {
    pl: 'Dokument projektu dodaje się jako PDF, PNG albo JPEG (rozpoznawane po zawartości pliku).',
    en: 'A project document is added as a PDF, PNG or JPEG (recognised by the file’s content).',
  },
  'project.money.eligibleOverTotal': {
    pl: (p: Params) =>
      `Koszty kwalifikowalne (${zl(p.eligible)}) nie mogą przekraczać wartości projektu (${zl(p.total)}).`,
    en: (p: Params) => `Eligible costs (${zl(p.eligible)}) cannot exceed the total value (${zl(p.total)}).`,
  },
  'project.money.sourcesMismatch': {
    pl: (p: Params) =>
      `Źródła finansowania muszą dać razem koszty kwalifikowalne: środki UE ${zl(p.eu)} + budżet państwa ${zl(p.state)} + dotacja celowa ${zl(p.subsidy)} + wkład własny ${zl(p.own)} = ${zl(p.sum)}, a koszty kwalifikowalne to ${zl(p.eligible)} (${Number(p.difference) > 0 ? `brakuje ${zl(p.difference)}` : `nadwyżka ${zl(-Number(p.difference))}`}).`,
    en: (p: Params) =>
      `The financing sources must add up to the eligible costs: EU ${zl(p.eu)} + state budget ${zl(p.state)} + targeted subsidy ${zl(p.subsidy)} + own contribution ${zl(p.own)} = ${zl(p.sum)}, but the eligible costs are ${zl(p.eligible)} (${Number(p.difference) > 0 ? `${zl(p.difference)} missing` : `${zl(-Number(p.difference))} too much`}).`,
  },
  'project.money.partnerSharesOverTotal': {
    pl: (p: Params) =>
      `Udziały partnerów w budżecie (razem ${zl(p.shares)}) przekraczają wartość projektu (${zl(p.total)}) o ${zl(p.excess)}.`,
    en: (p: Params) =>
      `The partners’ budget shares (together ${zl(p.shares)}) exceed the total value (${zl(p.total)}) by ${zl(p.excess)}.`,
  },
  'project.money.tasksOverEligible': {
    pl: (p: Params) =>
      `Budżety zadań (razem ${zl(p.tasks)}) przekraczają koszty kwalifikowalne (${zl(p.eligible)}) o ${zl(p.excess)}.`,
    en: (p: Params) =>
      `The task budgets (together ${zl(p.tasks)}) exceed the eligible costs (${zl(p.eligible)}) by ${zl(p.excess)}.`,
  },
  'money.integer': {
    pl: 'Kwota w groszach musi być liczbą całkowitą.',
    en: 'An amount in grosze must be a whole number.',
  },
  ...moneyParseErrors,
} as const;
