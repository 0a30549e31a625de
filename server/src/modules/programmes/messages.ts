/** Messages of the programme catalogue, pl and en. */
export const programmeMessages = {
  'programme.rootMustBeProgramme': {
    pl: 'Na najwyższym poziomie katalogu może stać tylko program.',
    en: 'Only a programme can stand at the top of the catalogue.',
  },
  'programme.kindNotAllowed': {
    pl: 'Ten rodzaj węzła nie może leżeć pod wybranym rodzicem (program → oś → działanie → poddziałanie → typ wsparcia; typy wsparcia tylko pod działaniem lub poddziałaniem).',
    en: 'This kind of node cannot sit under the chosen parent (programme → axis → action → sub-action → support type; support types only under an action or sub-action).',
  },
  'programme.parentUnknown': {
    pl: 'Nie ma takiego węzła nadrzędnego.',
    en: 'There is no such parent node.',
  },
  'programme.codeTaken': {
    pl: 'Ten kod ma już inny węzeł na tym samym poziomie.',
    en: 'Another node at the same level already has this code.',
  },
  'programme.kindChangeForbidden': {
    pl: 'Węzeł o tym kodzie istnieje już jako inny rodzaj; rodzaju węzła nie można zmienić importem.',
    en: 'A node with this code already exists as another kind; an import cannot change a node’s kind.',
  },
  'programme.rulesNotAllowed': {
    pl: 'Zasady wsparcia mają tylko działania, poddziałania i typy wsparcia.',
    en: 'Only actions, sub-actions and support types have support rules.',
  },
  'programme.onlyWithOtherSupportTypeOnly': {
    pl: 'Zasada „tylko w połączeniu z innymi formami wsparcia” dotyczy pojedynczego typu wsparcia.',
    en: 'The rule “only in combination with other forms of support” applies to a single support type.',
  },
  'programme.timeWindowRequired': {
    pl: 'Podając liczbę miesięcy po opuszczeniu placówki, opisz też okres wsparcia.',
    en: 'When you give the months after leaving the facility, describe the time window too.',
  },
  'programme.periodProgrammeOnly': {
    pl: 'Okres programowania podaje się tylko dla programu.',
    en: 'Only a programme has a programming period.',
  },
  'programme.deleteHasChildren': {
    pl: 'Węzeł ma elementy podrzędne — nie można go usunąć, można go wyłączyć.',
    en: 'The node has children — it cannot be deleted, only deactivated.',
  },
  'programme.deleteHasProjects': {
    pl: 'Pod węzłem są projekty — nie można go usunąć, można go wyłączyć.',
    en: 'Projects sit under the node — it cannot be deleted, only deactivated.',
  },
  'programme.deleteReferenced': {
    pl: 'Węzeł jest używany (np. przez definicje wskaźników) — nie można go usunąć, można go wyłączyć.',
    en: 'The node is in use (e.g. by indicator definitions) — it cannot be deleted, only deactivated.',
  },
  'programme.exportNotProgramme': {
    pl: 'Eksportować można cały katalog albo jeden program.',
    en: 'You can export the whole catalogue or one programme.',
  },
} as const;
