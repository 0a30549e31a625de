import type {
  Call,
  Cohort,
  CohortInput,
  EligibilityRule,
  EligibilityRuleKind,
  Question,
  ScoringCriterion,
  ScoringCriterionKind,
} from '@kooperacja/domain';
import {
  Button,
  Card,
  Checkbox,
  CloseButton,
  Grid,
  Group,
  NumberInput,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fieldErrorsOf } from '../admin/fieldErrors';
import { TerritoryPicker } from '../territory/TerritoryPicker';
import { useUnit } from '../territory/useUnit';
import { useDescribe } from './describe';
import { useRecruitmentLabels } from './labels';
import { createCohort, recruitmentKeys, updateCohort } from './recruitmentApi';

type AnyRule = Record<string, unknown> & { kind: string };

const defaultRule = (kind: EligibilityRuleKind): EligibilityRule => {
  switch (kind) {
    case 'wiek':
      return { kind, min: 18 };
    case 'zamieszkanie':
      return { kind, teryt: [] as unknown as [string] };
    case 'status_na_rynku_pracy':
      return { kind, allowed: ['bezrobotna_zarejestrowana'] };
    case 'instytucja':
      return { kind, months: 12 };
    default:
      return { kind } as EligibilityRule;
  }
};
const defaultCriterion = (kind: ScoringCriterionKind, questions: Question[]): ScoringCriterion => {
  const base = { points: 1 };
  switch (kind) {
    case 'wiek':
      return { kind, min: 50, ...base };
    case 'zamieszkanie':
      return { kind, teryt: [] as unknown as [string], ...base };
    case 'status_na_rynku_pracy':
      return { kind, statuses: ['bierna_zawodowo'], ...base };
    case 'instytucja':
      return { kind, months: 12, ...base };
    case 'odpowiedz':
      return { kind, question: questions[0]?.key ?? 'pytanie', value: true, ...base };
    case 'zagrozenie_wykluczeniem':
      return { kind, ...base };
    default:
      return { kind: 'niepelnosprawnosc', ...base };
  }
};

function UnitChip({ teryt, onRemove }: { teryt: string; onRemove: () => void }) {
  const { t } = useTranslation();
  const { data } = useUnit(teryt);
  const name = data?.unit.nameFull ?? teryt;
  return (
    <Group
      gap={4}
      wrap="nowrap"
      style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4, paddingInline: 6 }}
    >
      <Text size="sm">
        {name} ({teryt})
      </Text>
      <CloseButton size="sm" aria-label={t('recruitment.cohort.removePlace', { name })} onClick={onRemove} />
    </Group>
  );
}

/** The parameters of one rule or criterion, by kind, each input labelled. */
function RuleParams({
  rule,
  onChange,
  questions,
  id,
  error,
}: {
  rule: AnyRule;
  onChange: (r: AnyRule) => void;
  questions: Question[];
  id: string;
  error?: string;
}) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const set = (k: string, v: unknown) => {
    const next = { ...rule, [k]: v };
    if (v === undefined || v === '') delete next[k];
    onChange(next);
  };
  const num = (v: string | number) => (v === '' ? undefined : Number(v));
  switch (rule.kind) {
    case 'wiek':
      return (
        <Group grow>
          <NumberInput
            label={t('recruitment.cohort.ageMin')}
            min={0}
            max={130}
            value={(rule.min as number) ?? ''}
            onChange={(v) => set('min', num(v))}
          />
          <NumberInput
            label={t('recruitment.cohort.ageMax')}
            min={0}
            max={130}
            value={(rule.max as number) ?? ''}
            onChange={(v) => set('max', num(v))}
          />
        </Group>
      );
    case 'zamieszkanie': {
      const codes = (rule.teryt as string[]) ?? [];
      return (
        <Stack gap="xs">
          <Group gap="xs">
            {codes.map((c) => (
              <UnitChip
                key={c}
                teryt={c}
                onRemove={() =>
                  set(
                    'teryt',
                    codes.filter((x) => x !== c),
                  )
                }
              />
            ))}
            {codes.length === 0 && <Text size="sm">{t('recruitment.cohort.noPlaces')}</Text>}
          </Group>
          <TerritoryPicker
            label={t('recruitment.cohort.addPlace')}
            levels={['gmina', 'powiat']}
            value={null}
            onChange={(teryt) => {
              if (teryt && !codes.includes(teryt)) set('teryt', [...codes, teryt]);
            }}
            error={error}
          />
        </Stack>
      );
    }
    case 'status_na_rynku_pracy': {
      const key = 'allowed' in rule ? 'allowed' : 'statuses';
      return (
        <Checkbox.Group
          label={t('recruitment.cohort.statuses')}
          value={(rule[key] as string[]) ?? []}
          onChange={(v) => set(key, v)}
          error={error}
        >
          <Stack gap={4} mt={4}>
            {labels.options('labour').map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    }
    case 'zagrozenie_wykluczeniem':
      return (
        <Stack gap="xs">
          <Checkbox.Group
            label={t('recruitment.cohort.grounds')}
            description={t('recruitment.cohort.groundsHint')}
            value={(rule.grounds as string[]) ?? []}
            onChange={(v) => set('grounds', v.length ? v : undefined)}
          >
            <Stack gap={4} mt={4}>
              {labels.options('grounds').map((o) => (
                <Checkbox key={o.value} value={o.value} label={o.label} />
              ))}
            </Stack>
          </Checkbox.Group>
          {'points' in rule && (
            <Switch
              label={t('recruitment.cohort.perGround')}
              checked={!!rule.perGround}
              onChange={(e) => set('perGround', e.currentTarget.checked || undefined)}
            />
          )}
        </Stack>
      );
    case 'instytucja':
      return (
        <NumberInput
          label={t('recruitment.cohort.months')}
          min={0}
          max={240}
          value={(rule.months as number) ?? 0}
          onChange={(v) => set('months', num(v) ?? 0)}
        />
      );
    case 'odpowiedz':
      return (
        <Group grow align="flex-start">
          <Select
            label={t('recruitment.cohort.question')}
            data={questions.map((q) => ({ value: q.key, label: q.label }))}
            value={(rule.question as string) ?? null}
            onChange={(v) => set('question', v ?? undefined)}
            allowDeselect={false}
            id={`${id}-question`}
          />
          <TextInput
            label={t('recruitment.cohort.answer')}
            description={t('recruitment.cohort.answerHint')}
            value={typeof rule.value === 'boolean' ? (rule.value ? 'tak' : 'nie') : String(rule.value ?? '')}
            onChange={(e) => {
              const v = e.currentTarget.value;
              const q = questions.find((x) => x.key === rule.question);
              set('value', q?.type === 'tak_nie' ? v.trim().toLowerCase() === 'tak' : v);
            }}
          />
        </Group>
      );
    default:
      return null;
  }
}

/**
 * Adds or changes a cohort: places, reserve list, the tie-break rule, and the eligibility rules and
 * scoring criteria edited as data — each shown in words as it will be checked.
 */
export function CohortForm({
  call,
  cohort,
  onDone,
  onCancel,
}: {
  call: Call;
  cohort?: Cohort;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const describe = useDescribe();
  const queryClient = useQueryClient();
  const [name, setName] = useState(cohort?.name ?? '');
  const [year, setYear] = useState<number | string>(cohort?.year ?? '');
  const [places, setPlaces] = useState<number | string>(cohort?.places ?? 10);
  const [reserve, setReserve] = useState<number | string>(cohort?.reservePlaces ?? 0);
  const [tieBreak, setTieBreak] = useState<string>(cohort?.tieBreak ?? 'kolejnosc_zgloszen');
  const [rules, setRules] = useState<AnyRule[]>((cohort?.eligibilityRules ?? []) as AnyRule[]);
  const [criteria, setCriteria] = useState<AnyRule[]>((cohort?.scoringCriteria ?? []) as AnyRule[]);
  const [addRule, setAddRule] = useState<string | null>(null);
  const [addCriterion, setAddCriterion] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => {
      const body: CohortInput = {
        name: name.trim(),
        year: year === '' ? null : Number(year),
        places: Number(places || 0),
        reservePlaces: Number(reserve || 0),
        tieBreak: tieBreak as CohortInput['tieBreak'],
        eligibilityRules: rules as unknown as EligibilityRule[],
        scoringCriteria: criteria as unknown as ScoringCriterion[],
      };
      return cohort
        ? updateCohort(call.projectId, call.id, cohort.id, body, cohort.version)
        : createCohort(call.projectId, call.id, body);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: recruitmentKeys.calls(call.projectId) });
      onDone();
    },
  });
  const errors = Object.fromEntries(
    Object.entries(fieldErrorsOf(save.error)).map(([k, v]) => [k.replace(/^cohort\./, ''), v]),
  );
  const words = (r: AnyRule, scoring: boolean) => {
    try {
      return scoring
        ? describe.criterion(r as unknown as ScoringCriterion)
        : describe.rule(r as unknown as EligibilityRule);
    } catch {
      return '';
    }
  };
  const editor = (kind: 'rules' | 'criteria') => {
    const list = kind === 'rules' ? rules : criteria;
    const setList = kind === 'rules' ? setRules : setCriteria;
    const field = kind === 'rules' ? 'eligibilityRules' : 'scoringCriteria';
    return list.map((r, i) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: rules and criteria are plain data without an identity; the inputs are controlled
      <Card key={`${field}-${i}-${r.kind}`} withBorder padding="sm" component="li">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text fw={600} size="sm">
            {labels.label(kind === 'rules' ? 'ruleKinds' : 'criterionKinds', r.kind)}
          </Text>
          <CloseButton
            aria-label={t('recruitment.cohort.removeRule', {
              name: labels.label(kind === 'rules' ? 'ruleKinds' : 'criterionKinds', r.kind),
            })}
            onClick={() => setList(list.filter((_, j) => j !== i))}
          />
        </Group>
        <Stack gap="xs" mt="xs">
          <RuleParams
            rule={r}
            id={`${field}-${i}`}
            questions={call.questions}
            onChange={(next) => setList(list.map((x, j) => (j === i ? next : x)))}
            error={Object.entries(errors).find(([k]) => k.startsWith(`${field}.${i}`))?.[1]}
          />
          {kind === 'criteria' && (
            <NumberInput
              label={t('recruitment.cohort.points')}
              min={0}
              max={1000}
              w={160}
              value={(r.points as number) ?? 0}
              onChange={(v) => setList(list.map((x, j) => (j === i ? { ...x, points: Number(v || 0) } : x)))}
            />
          )}
          <Text size="sm" c="dimmed">
            {words(r, kind === 'criteria')}
          </Text>
        </Stack>
      </Card>
    ));
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      aria-label={
        cohort ? t('recruitment.cohort.editTitle', { name: cohort.name }) : t('recruitment.cohort.newTitle')
      }
    >
      <Stack>
        {save.error ? <ProblemAlert error={save.error} /> : null}
        <Grid>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('recruitment.cohort.name')}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 2 }}>
            <NumberInput
              label={t('recruitment.cohort.year')}
              min={2000}
              max={2100}
              value={year}
              onChange={setYear}
              error={errors.year}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 2 }}>
            <NumberInput
              label={t('recruitment.cohort.places')}
              required
              min={0}
              value={places}
              onChange={setPlaces}
              error={errors.places}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 2 }}>
            <NumberInput
              label={t('recruitment.cohort.reserve')}
              min={0}
              value={reserve}
              onChange={setReserve}
              error={errors.reservePlaces}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label={t('recruitment.cohort.tieBreak')}
              data={labels.options('tieBreaks')}
              value={tieBreak}
              onChange={(v) => setTieBreak(v ?? 'kolejnosc_zgloszen')}
              allowDeselect={false}
            />
          </Grid.Col>
        </Grid>
        <Text fw={600} id="cohort-rules-title">
          {t('recruitment.cohort.rules')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('recruitment.cohort.rulesHint')}
        </Text>
        <Stack
          component="ul"
          gap="xs"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-labelledby="cohort-rules-title"
        >
          {editor('rules')}
        </Stack>
        <Group align="flex-end">
          <Select
            label={t('recruitment.cohort.addRule')}
            data={labels.options('ruleKinds').filter((o) => !rules.some((r) => r.kind === o.value))}
            value={addRule}
            onChange={setAddRule}
            w={320}
          />
          <Button
            variant="default"
            disabled={!addRule}
            onClick={() => {
              if (addRule) setRules([...rules, defaultRule(addRule as EligibilityRuleKind) as AnyRule]);
              setAddRule(null);
            }}
          >
            {t('recruitment.cohort.add')}
          </Button>
        </Group>
        <Text fw={600} id="cohort-criteria-title">
          {t('recruitment.cohort.criteria')}
        </Text>
        <Stack
          component="ul"
          gap="xs"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-labelledby="cohort-criteria-title"
        >
          {editor('criteria')}
        </Stack>
        <Group align="flex-end">
          <Select
            label={t('recruitment.cohort.addCriterion')}
            data={labels.options('criterionKinds')}
            value={addCriterion}
            onChange={setAddCriterion}
            w={320}
          />
          <Button
            variant="default"
            disabled={!addCriterion}
            onClick={() => {
              if (addCriterion)
                setCriteria([
                  ...criteria,
                  defaultCriterion(addCriterion as ScoringCriterionKind, call.questions) as AnyRule,
                ]);
              setAddCriterion(null);
            }}
          >
            {t('recruitment.cohort.add')}
          </Button>
        </Group>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('recruitment.common.save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('recruitment.common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
