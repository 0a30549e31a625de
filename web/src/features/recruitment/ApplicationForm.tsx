import type { ApplicationInput, Clause, PublicCall, Question } from '@kooperacja/domain';
import {
  Anchor,
  Checkbox,
  Fieldset,
  Grid,
  Radio,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { useDateInputProps } from '../cases/page/useDateInputProps';
import { TerritoryPicker } from '../territory/TerritoryPicker';
import { useRecruitmentLabels } from './labels';

/** What the form needs of a call (the public answer, or a staff call turned into it). */
export type FormCall = Pick<PublicCall, 'formKinds' | 'cohorts' | 'questions' | 'clauses' | 'asks'>;

export interface ApplicationValues {
  cohortId: string | null;
  formKind: string;
  firstName: string;
  lastName: string;
  pesel: string;
  noPesel: boolean;
  otherId: string;
  birthDate: string | null;
  sex: string | null;
  citizenship: string;
  teryt: string | null;
  street: string;
  postalCode: string;
  city: string;
  phone: string;
  email: string;
  education: string | null;
  labourStatus: string | null;
  disability: string | null;
  povertyGrounds: string[];
  inInstitution: boolean;
  institutionLeftOn: string | null;
  answers: Record<string, string | boolean>;
  consents: Record<string, boolean>;
}

export function emptyApplication(call: FormCall): ApplicationValues {
  return {
    cohortId: call.cohorts.length === 1 ? (call.cohorts[0]?.id ?? null) : null,
    formKind: call.formKinds[0] ?? 'wsparcie',
    firstName: '',
    lastName: '',
    pesel: '',
    noPesel: false,
    otherId: '',
    birthDate: null,
    sex: null,
    citizenship: 'polskie',
    teryt: null,
    street: '',
    postalCode: '',
    city: '',
    phone: '',
    email: '',
    education: null,
    labourStatus: null,
    disability: null,
    povertyGrounds: [],
    inInstitution: false,
    institutionLeftOn: null,
    answers: {},
    consents: {},
  };
}

const text = (s: string) => s.trim() || null;

/** The values as the API takes them (`ApplicationInput`). */
export function toApplicationInput(v: ApplicationValues, call: FormCall): ApplicationInput {
  return {
    cohortId: v.cohortId,
    formKind: v.formKind as ApplicationInput['formKind'],
    firstName: v.firstName.trim(),
    lastName: v.lastName.trim(),
    pesel: v.noPesel ? null : text(v.pesel),
    noPesel: v.noPesel,
    otherId: v.noPesel ? text(v.otherId) : null,
    birthDate: v.birthDate,
    sex: v.sex as 'K' | 'M' | null,
    citizenship: v.citizenship.trim() || 'polskie',
    teryt: v.teryt,
    street: text(v.street),
    postalCode: v.postalCode.trim(),
    city: text(v.city),
    phone: text(v.phone),
    email: v.email.trim(),
    education: v.education as ApplicationInput['education'],
    labourStatus: v.labourStatus as ApplicationInput['labourStatus'],
    disability: v.disability as ApplicationInput['disability'],
    povertyGrounds: v.povertyGrounds as NonNullable<ApplicationInput['povertyGrounds']>,
    inInstitution: v.inInstitution,
    institutionLeftOn: v.institutionLeftOn,
    answers: v.answers,
    consents: call.clauses.map((c) => ({ key: c.key, given: !!v.consents[c.key] })),
  };
}

const visible = (q: Question, formKind: string) =>
  !q.formKinds || (q.formKinds as readonly string[]).includes(formKind);

/**
 * The checks the browser can make before sending, with messages keyed like the server's field
 * errors (`application.<field>`): names, PESEL or "no PESEL", contact, the cohort, required
 * questions and consents. The server checks everything again.
 */
export function checkApplication(
  v: ApplicationValues,
  call: FormCall,
  t: (key: string, params?: Record<string, string>) => string,
): Record<string, string> {
  const e: Record<string, string> = {};
  const f = (name: string, message: string) => {
    e[`application.${name}`] = message;
  };
  if (!v.firstName.trim()) f('firstName', t('recruitment.form.required'));
  if (!v.lastName.trim()) f('lastName', t('recruitment.form.required'));
  if (!v.noPesel && !/^\d{11}$/.test(v.pesel.trim())) f('pesel', t('recruitment.form.peselFormat'));
  if (v.noPesel && !v.birthDate) f('birthDate', t('recruitment.form.required'));
  if (v.noPesel && !v.sex) f('sex', t('recruitment.form.required'));
  if (!v.phone.trim() && !v.email.trim()) f('phone', t('recruitment.form.contact'));
  if (call.cohorts.length > 1 && !v.cohortId) f('cohortId', t('recruitment.form.cohortRequired'));
  for (const q of call.questions) {
    if (!q.required || !visible(q, v.formKind)) continue;
    const a = v.answers[q.key];
    if (a === undefined || (typeof a === 'string' && !a.trim()))
      f(`answers.${q.key}`, t('recruitment.form.answerRequired'));
  }
  for (const c of call.clauses)
    if (c.required && !v.consents[c.key]) f(`consents.${c.key}`, t('recruitment.form.consentRequired'));
  return e;
}

/** The label of a field path of the form (`application.answers.dzieci` → the question). */
export function fieldLabel(field: string, call: FormCall, t: (key: string) => string): string {
  const path = field.replace(/^application\./, '');
  if (path.startsWith('answers.')) return call.questions.find((q) => q.key === path.slice(8))?.label ?? path;
  if (path.startsWith('consents.')) return call.clauses.find((c) => c.key === path.slice(9))?.title ?? path;
  const key = `recruitment.form.${path}`;
  const label = t(key);
  return label === key ? path : label;
}

function ClauseField({
  clause,
  checked,
  onChange,
  error,
  disabled,
}: {
  clause: Clause;
  checked: boolean;
  onChange: (v: boolean) => void;
  error?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const bases = clause.legalBases.map((b) => labels.label('legalBases', b)).join('; ');
  const descriptionId = `clause-${clause.key}-text`;
  return (
    <Stack gap={4}>
      <Text id={descriptionId} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {clause.text}
        {bases && (
          <>
            {' '}
            <Text span size="sm" fs="italic">
              {t('recruitment.form.legalBasis', { bases })}
            </Text>
          </>
        )}
      </Text>
      <Checkbox
        label={
          clause.kind === 'informacja'
            ? t('recruitment.form.clauseRead', { title: clause.title })
            : clause.title
        }
        checked={checked}
        onChange={(e) => onChange(e.currentTarget.checked)}
        error={error}
        disabled={disabled}
        required={clause.required}
        aria-describedby={descriptionId}
      />
    </Stack>
  );
}

function QuestionField({
  question,
  value,
  onChange,
  error,
  disabled,
}: {
  question: Question;
  value: string | boolean | undefined;
  onChange: (v: string | boolean | undefined) => void;
  error?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  if (question.type === 'tak_nie')
    return (
      <Radio.Group
        label={question.label}
        required={question.required}
        value={value === undefined ? '' : value ? 'tak' : 'nie'}
        onChange={(v) => onChange(v === 'tak')}
        error={error}
      >
        <Stack gap={6} mt={6}>
          <Radio value="tak" label={t('recruitment.common.yes')} disabled={disabled} />
          <Radio value="nie" label={t('recruitment.common.no')} disabled={disabled} />
        </Stack>
      </Radio.Group>
    );
  if (question.type === 'wybor')
    return (
      <Select
        label={question.label}
        required={question.required}
        data={question.options ?? []}
        value={typeof value === 'string' ? value : null}
        onChange={(v) => onChange(v ?? undefined)}
        error={error}
        disabled={disabled}
        clearable={!question.required}
        clearButtonProps={{ 'aria-label': t('common.clear') }}
      />
    );
  return (
    <Textarea
      label={question.label}
      required={question.required}
      value={typeof value === 'string' ? value : ''}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      disabled={disabled}
      rows={2}
      maxLength={4000}
    />
  );
}

/**
 * The application form, the same for the public page and for staff entering a paper form: the
 * applicant's data, their situation (only what the cohorts' rules need; disability is special
 * category data and is asked only then), the answers, and the clauses with their legal bases.
 * Controlled: the parent keeps the values, so nothing typed is lost when a send fails.
 */
export function ApplicationForm({
  call,
  values,
  onChange,
  errors,
  disabled = false,
  regulationsHref,
}: {
  call: FormCall;
  values: ApplicationValues;
  onChange: (v: ApplicationValues) => void;
  errors: Record<string, string>;
  disabled?: boolean;
  regulationsHref?: string;
}) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const dateProps = useDateInputProps();
  const set = <K extends keyof ApplicationValues>(key: K, value: ApplicationValues[K]) =>
    onChange({ ...values, [key]: value });
  const err = (name: string) => errors[`application.${name}`];
  const questions = call.questions.filter((q) => visible(q, values.formKind));
  return (
    <Stack gap="lg">
      {(call.cohorts.length > 1 || call.formKinds.length > 1) && (
        <Fieldset legend={t('recruitment.form.sections.call')} disabled={disabled}>
          <Stack>
            {call.cohorts.length > 1 && (
              <Radio.Group
                label={t('recruitment.form.cohortId')}
                required
                value={values.cohortId ?? ''}
                onChange={(v) => set('cohortId', v || null)}
                error={err('cohortId')}
              >
                <Stack gap={6} mt={6}>
                  {call.cohorts.map((c) => (
                    <Radio key={c.id} value={c.id} label={c.name} />
                  ))}
                </Stack>
              </Radio.Group>
            )}
            {call.formKinds.length > 1 && (
              <Radio.Group
                label={t('recruitment.form.formKind')}
                required
                value={values.formKind}
                onChange={(v) => set('formKind', v)}
                error={err('formKind')}
              >
                <Stack gap={6} mt={6}>
                  {call.formKinds.map((k) => (
                    <Radio key={k} value={k} label={labels.label('formKinds', k)} />
                  ))}
                </Stack>
              </Radio.Group>
            )}
          </Stack>
        </Fieldset>
      )}

      <Fieldset legend={t('recruitment.form.sections.person')} disabled={disabled}>
        <Grid>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('recruitment.form.firstName')}
              required
              autoComplete="given-name"
              value={values.firstName}
              onChange={(e) => set('firstName', e.currentTarget.value)}
              error={err('firstName')}
              maxLength={100}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('recruitment.form.lastName')}
              required
              autoComplete="family-name"
              value={values.lastName}
              onChange={(e) => set('lastName', e.currentTarget.value)}
              error={err('lastName')}
              maxLength={150}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('recruitment.form.pesel')}
              description={t('recruitment.form.peselHint')}
              required={!values.noPesel}
              inputMode="numeric"
              autoComplete="off"
              value={values.pesel}
              onChange={(e) => set('pesel', e.currentTarget.value.replace(/\s/g, ''))}
              error={err('pesel')}
              disabled={disabled || values.noPesel}
              maxLength={11}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }} style={{ alignSelf: 'center' }}>
            <Checkbox
              label={t('recruitment.form.noPesel')}
              checked={values.noPesel}
              onChange={(e) => set('noPesel', e.currentTarget.checked)}
            />
          </Grid.Col>
          {values.noPesel && (
            <>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <DateInput
                  label={t('recruitment.form.birthDate')}
                  required
                  {...dateProps}
                  value={values.birthDate}
                  onChange={(v) => set('birthDate', v)}
                  error={err('birthDate')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <Radio.Group
                  label={t('recruitment.form.sex')}
                  required
                  value={values.sex ?? ''}
                  onChange={(v) => set('sex', v || null)}
                  error={err('sex')}
                >
                  <Stack gap={6} mt={6}>
                    <Radio value="K" label={t('recruitment.form.female')} />
                    <Radio value="M" label={t('recruitment.form.male')} />
                  </Stack>
                </Radio.Group>
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <TextInput
                  label={t('recruitment.form.otherId')}
                  value={values.otherId}
                  onChange={(e) => set('otherId', e.currentTarget.value)}
                  error={err('otherId')}
                  maxLength={50}
                />
              </Grid.Col>
            </>
          )}
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('recruitment.form.citizenship')}
              value={values.citizenship}
              onChange={(e) => set('citizenship', e.currentTarget.value)}
              error={err('citizenship')}
              maxLength={60}
            />
          </Grid.Col>
        </Grid>
      </Fieldset>

      <Fieldset legend={t('recruitment.form.sections.address')} disabled={disabled}>
        <Grid>
          <Grid.Col span={12}>
            <TerritoryPicker
              label={t('recruitment.form.teryt')}
              description={t('recruitment.form.terytHint')}
              required={call.asks.residence}
              value={values.teryt}
              onChange={(teryt) => set('teryt', teryt)}
              error={err('teryt')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <TextInput
              label={t('recruitment.form.street')}
              autoComplete="street-address"
              value={values.street}
              onChange={(e) => set('street', e.currentTarget.value)}
              error={err('street')}
              maxLength={200}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              label={t('recruitment.form.postalCode')}
              autoComplete="postal-code"
              placeholder="00-000"
              value={values.postalCode}
              onChange={(e) => set('postalCode', e.currentTarget.value)}
              error={err('postalCode')}
              maxLength={6}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <TextInput
              label={t('recruitment.form.city')}
              autoComplete="address-level2"
              value={values.city}
              onChange={(e) => set('city', e.currentTarget.value)}
              error={err('city')}
              maxLength={120}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('recruitment.form.phone')}
              type="tel"
              autoComplete="tel"
              value={values.phone}
              onChange={(e) => set('phone', e.currentTarget.value)}
              error={err('phone')}
              maxLength={40}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('recruitment.form.email')}
              description={t('recruitment.form.emailHint')}
              type="email"
              autoComplete="email"
              value={values.email}
              onChange={(e) => set('email', e.currentTarget.value)}
              error={err('email')}
              maxLength={254}
            />
          </Grid.Col>
        </Grid>
      </Fieldset>

      <Fieldset legend={t('recruitment.form.sections.situation')} disabled={disabled}>
        <Stack>
          <Select
            label={t('recruitment.form.education')}
            data={labels.options('isced')}
            value={values.education}
            onChange={(v) => set('education', v)}
            error={err('education')}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
          />
          {call.asks.labourStatus && (
            <Select
              label={t('recruitment.form.labourStatus')}
              required
              data={labels.options('labour')}
              value={values.labourStatus}
              onChange={(v) => set('labourStatus', v)}
              error={err('labourStatus')}
            />
          )}
          {call.asks.disability && (
            <Radio.Group
              label={t('recruitment.form.disability')}
              description={t('recruitment.form.disabilityHint')}
              required
              value={values.disability ?? ''}
              onChange={(v) => set('disability', v || null)}
              error={err('disability')}
            >
              <Stack gap={6} mt={6}>
                {labels.options('triState').map((o) => (
                  <Radio key={o.value} value={o.value} label={o.label} />
                ))}
              </Stack>
            </Radio.Group>
          )}
          {call.asks.povertyGrounds && (
            <Checkbox.Group
              label={t('recruitment.form.povertyGrounds')}
              description={t('recruitment.form.povertyGroundsHint')}
              value={values.povertyGrounds}
              onChange={(v) => set('povertyGrounds', v)}
              error={err('povertyGrounds')}
            >
              <Stack gap={6} mt={6}>
                {labels.options('grounds').map((o) => (
                  <Checkbox key={o.value} value={o.value} label={o.label} />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
          {call.asks.institution && (
            <>
              <Switch
                label={t('recruitment.form.inInstitution')}
                checked={values.inInstitution}
                onChange={(e) => set('inInstitution', e.currentTarget.checked)}
              />
              <DateInput
                label={
                  values.inInstitution
                    ? t('recruitment.form.institutionLeavesOn')
                    : t('recruitment.form.institutionLeftOn')
                }
                description={t('recruitment.form.institutionHint')}
                {...dateProps}
                value={values.institutionLeftOn}
                onChange={(v) => set('institutionLeftOn', v)}
                error={err('institutionLeftOn')}
              />
            </>
          )}
        </Stack>
      </Fieldset>

      {questions.length > 0 && (
        <Fieldset legend={t('recruitment.form.sections.questions')} disabled={disabled}>
          <Stack>
            {questions.map((q) => (
              <QuestionField
                key={q.key}
                question={q}
                value={values.answers[q.key]}
                onChange={(v) => {
                  const answers = { ...values.answers };
                  if (v === undefined) delete answers[q.key];
                  else answers[q.key] = v;
                  set('answers', answers);
                }}
                error={err(`answers.${q.key}`)}
                disabled={disabled}
              />
            ))}
          </Stack>
        </Fieldset>
      )}

      {call.clauses.length > 0 && (
        <Fieldset legend={t('recruitment.form.sections.clauses')} disabled={disabled}>
          <Stack>
            {regulationsHref && (
              <Anchor href={regulationsHref} target="_blank" rel="noopener">
                {t('recruitment.form.regulations')}
              </Anchor>
            )}
            {call.clauses.map((c) => (
              <ClauseField
                key={c.key}
                clause={c}
                checked={!!values.consents[c.key]}
                onChange={(v) => set('consents', { ...values.consents, [c.key]: v })}
                error={err(`consents.${c.key}`)}
                disabled={disabled}
              />
            ))}
          </Stack>
        </Fieldset>
      )}
    </Stack>
  );
}
