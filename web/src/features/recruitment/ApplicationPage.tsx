import { type Application, decisionStatuses, type MissingDocument } from '@kooperacja/domain';
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Checkbox,
  CloseButton,
  Group,
  List,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectionCard } from '../../components/SectionCard';
import { formatDate, formatDateTime } from '../../lib/format';
import { fieldErrorsOf, isConflict } from '../admin/fieldErrors';
import { useDescribe } from './describe';
import { useRecruitmentLabels } from './labels';
import {
  applicationPdfUrl,
  decideApplication,
  fetchApplication,
  recheckApplication,
  recruitmentKeys,
  setMissingDocuments,
} from './recruitmentApi';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children || '—'}
      </Text>
    </div>
  );
}

const grid = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
  gap: 'var(--mantine-spacing-md)',
} as const;

/** The check rule by rule, in words, with "spełnia / nie spełnia" written out (not only a colour). */
function Eligibility({ a }: { a: Application }) {
  const { t } = useTranslation();
  const describe = useDescribe();
  const labels = useRecruitmentLabels();
  if (!a.eligibility) return <Text>{t('recruitment.application.notChecked')}</Text>;
  const e = a.eligibility;
  return (
    <Stack gap="xs">
      <Text fw={700}>
        {e.eligible ? t('recruitment.application.eligible') : t('recruitment.application.notEligible')}
      </Text>
      <Text size="sm" c="dimmed">
        {t('recruitment.application.checkedOn', {
          date: formatDate(e.onDate),
          at: formatDateTime(e.checkedAt),
        })}
      </Text>
      {e.reasons.length === 0 ? (
        <Text size="sm">{t('recruitment.application.noRules')}</Text>
      ) : (
        <List spacing={4} aria-label={t('recruitment.application.rulesLabel')}>
          {e.reasons.map((r) => (
            <List.Item
              key={r.rule}
              icon={
                <Text span aria-hidden fw={700}>
                  {r.ok ? '✓' : '✗'}
                </Text>
              }
            >
              <Text span fw={600}>
                {labels.label('ruleKinds', r.rule)} —{' '}
                {r.ok ? t('recruitment.application.ruleMet') : t('recruitment.application.ruleNotMet')}.
              </Text>{' '}
              {describe.reason(r)}
            </List.Item>
          ))}
        </List>
      )}
      {e.scoring.items.length > 0 && (
        <>
          <Text fw={600}>{t('recruitment.application.points', { total: e.scoring.total })}</Text>
          <List size="sm" spacing={2}>
            {e.scoring.items.map((s, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: criteria have no identity of their own
              <List.Item key={i}>
                {labels.label('criterionKinds', s.kind)}:{' '}
                {s.met
                  ? t('recruitment.application.pointsMet', { points: s.points })
                  : t('recruitment.application.pointsNotMet')}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}

function MissingDocuments({ a, onSaved }: { a: Application; onSaved: (x: Application) => void }) {
  const { t } = useTranslation();
  const [docs, setDocs] = useState<MissingDocument[]>(a.missingDocuments);
  const [name, setName] = useState('');
  const save = useMutation({
    mutationFn: () => setMissingDocuments(a.projectId, a.id, docs, a.version),
    onSuccess: onSaved,
  });
  return (
    <Stack gap="xs">
      {docs.length === 0 && <Text size="sm">{t('recruitment.application.noMissing')}</Text>}
      <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }}>
        {docs.map((d, i) => (
          <Group component="li" key={d.name} gap="xs" wrap="nowrap">
            <Checkbox
              label={t('recruitment.application.received', { name: d.name })}
              checked={d.received}
              disabled={!a.abilities.manage}
              onChange={(e) => {
                const received = e.currentTarget.checked;
                setDocs(docs.map((x, j) => (j === i ? { ...x, received } : x)));
              }}
            />
            {a.abilities.manage && (
              <CloseButton
                size="sm"
                aria-label={t('recruitment.application.removeDocument', { name: d.name })}
                onClick={() => setDocs(docs.filter((_, j) => j !== i))}
              />
            )}
          </Group>
        ))}
      </Stack>
      {a.abilities.manage && (
        <>
          <Group align="flex-end">
            <TextInput
              label={t('recruitment.application.documentName')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              w={320}
            />
            <Button
              variant="default"
              disabled={!name.trim() || docs.some((d) => d.name === name.trim())}
              onClick={() => {
                setDocs([...docs, { name: name.trim(), received: false }]);
                setName('');
              }}
            >
              {t('recruitment.application.addDocument')}
            </Button>
          </Group>
          {save.error ? <ProblemAlert error={save.error} /> : null}
          <Group>
            <Button onClick={() => save.mutate()} loading={save.isPending}>
              {t('recruitment.application.saveDocuments')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}

function Decision({ a, onSaved }: { a: Application; onSaved: (x: Application) => void }) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const [status, setStatus] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const save = useMutation({
    mutationFn: () =>
      decideApplication(a.projectId, a.id, {
        status: status as (typeof decisionStatuses)[number],
        reason: reason.trim() || null,
        version: a.version,
      }),
    onSuccess: (x) => {
      setStatus(null);
      setReason('');
      onSaved(x);
    },
  });
  const errors = fieldErrorsOf(save.error);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (status) save.mutate();
      }}
    >
      <Stack gap="xs">
        {a.decisionReason && (
          <Text size="sm">
            {t('recruitment.application.lastDecision', {
              reason: a.decisionReason,
              by: a.decidedBy ?? '—',
              at: a.decidedAt ? formatDateTime(a.decidedAt) : '—',
            })}
          </Text>
        )}
        {a.status === 'przyjete' ? (
          <Text size="sm">{t('recruitment.application.enrolled')}</Text>
        ) : a.abilities.manage ? (
          <>
            <Select
              label={t('recruitment.application.newStatus')}
              data={labels.options('statuses', decisionStatuses)}
              value={status}
              onChange={setStatus}
              error={errors.status}
              w={320}
            />
            <Textarea
              label={t('recruitment.application.reason')}
              description={t('recruitment.application.reasonHint')}
              rows={2}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={errors.reason}
              required={status === 'odrzucone' || status === 'wycofane'}
            />
            {save.error && !errors.reason ? <ProblemAlert error={save.error} /> : null}
            {isConflict(save.error) && <Text size="sm">{t('recruitment.application.conflict')}</Text>}
            <Group>
              <Button type="submit" disabled={!status} loading={save.isPending}>
                {t('recruitment.application.decide')}
              </Button>
            </Group>
          </>
        ) : null}
      </Stack>
    </form>
  );
}

/**
 * `/projekty/:projectId/zgloszenia/:applicationId`: one application for the project team — the
 * data as declared, the answers and consents, the check rule by rule in words with the points,
 * missing documents, the decision with its reason, and for a qualified (or reserve) applicant the
 * way into the project.
 */
export function ApplicationPage() {
  const { projectId = '', applicationId = '' } = useParams();
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const queryClient = useQueryClient();
  const key = recruitmentKeys.application(projectId, applicationId);
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => fetchApplication(projectId, applicationId, signal),
  });
  const a = query.data;
  const saved = (x: Application) => {
    queryClient.setQueryData(key, x);
    void queryClient.invalidateQueries({ queryKey: recruitmentKeys.calls(projectId) });
  };
  const recheck = useMutation({
    mutationFn: () => recheckApplication(projectId, applicationId, a?.version ?? 0),
    onSuccess: saved,
  });
  if (query.error) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!a) return <Text>{t('common.loading')}</Text>;
  const back = `/projekty/${projectId}?karta=nabor&nabor=${a.callId}`;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={back} size="sm">
        ← {t('recruitment.application.back', { call: a.callName })}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <PageTitle documentTitle={t('recruitment.application.title', { number: a.number })}>
            {t('recruitment.application.title', { number: a.number })}
          </PageTitle>
          <Group gap="xs" mt={4}>
            <Badge variant="light">{labels.label('statuses', a.status)}</Badge>
            <Text size="sm">
              {a.firstName} {a.lastName} · {labels.label('channels', a.channel)} ·{' '}
              {formatDateTime(a.submittedAt)}
            </Text>
          </Group>
        </div>
        <Group gap="xs">
          <Button component="a" href={applicationPdfUrl(projectId, a.id)} download variant="default">
            {t('recruitment.application.pdf')}
          </Button>
          {a.abilities.enrol && (
            <Button component={Link} to={`/projekty/${projectId}/uczestnicy/nowy?zgloszenie=${a.id}`}>
              {t('recruitment.application.enrol')}
            </Button>
          )}
        </Group>
      </Group>
      {a.duplicates.length > 0 && (
        <Alert color="yellow" variant="light" title={t('recruitment.application.duplicatesTitle')}>
          <List size="sm">
            {a.duplicates.map((d) => (
              <List.Item key={d.id}>
                <Anchor component={Link} to={`/projekty/${projectId}/zgloszenia/${d.id}`}>
                  {d.number}
                </Anchor>{' '}
                — {labels.label('statuses', d.status)}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}

      <SectionCard titleId="application-check" title={t('recruitment.application.checkTitle')}>
        <Eligibility a={a} />
        {recheck.error ? <ProblemAlert error={recheck.error} /> : null}
        {a.abilities.manage && (
          <Group>
            <Button variant="default" onClick={() => recheck.mutate()} loading={recheck.isPending}>
              {t('recruitment.application.recheck')}
            </Button>
          </Group>
        )}
      </SectionCard>

      <SectionCard titleId="application-data" title={t('recruitment.application.dataTitle')}>
        <Box component="dl" m={0} style={grid}>
          <Field label={t('recruitment.form.cohortId')}>{a.cohortName}</Field>
          <Field label={t('recruitment.form.formKind')}>{labels.label('formKinds', a.formKind)}</Field>
          <Field label={t('recruitment.form.pesel')}>
            {a.pesel ?? t('recruitment.application.noPesel', { other: a.otherId ?? '—' })}
          </Field>
          <Field label={t('recruitment.form.birthDate')}>{formatDate(a.birthDate)}</Field>
          <Field label={t('recruitment.form.sex')}>
            {a.sex === 'K' ? t('recruitment.form.female') : t('recruitment.form.male')}
          </Field>
          <Field label={t('recruitment.form.citizenship')}>{a.citizenship}</Field>
          <Field label={t('recruitment.form.teryt')}>
            {a.terytName ? `${a.terytName} (${a.teryt})` : a.teryt}
          </Field>
          <Field label={t('recruitment.application.address')}>
            {[a.street, [a.postalCode, a.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')}
          </Field>
          <Field label={t('recruitment.form.phone')}>{a.phone}</Field>
          <Field label={t('recruitment.form.email')}>{a.email}</Field>
          <Field label={t('recruitment.form.education')}>{labels.label('isced', a.education)}</Field>
          <Field label={t('recruitment.form.labourStatus')}>{labels.label('labour', a.labourStatus)}</Field>
          <Field label={t('recruitment.form.disability')}>{labels.label('triState', a.disability)}</Field>
          <Field label={t('recruitment.form.povertyGrounds')}>
            {a.povertyGrounds.map((g) => labels.label('grounds', g)).join('; ')}
          </Field>
          <Field label={t('recruitment.application.institution')}>
            {a.inInstitution
              ? t('recruitment.application.inInstitution')
              : a.institutionLeftOn
                ? t('recruitment.application.leftInstitution', { date: formatDate(a.institutionLeftOn) })
                : t('recruitment.application.noInstitution')}
          </Field>
          <Field label={t('recruitment.application.enteredBy')}>{a.enteredBy}</Field>
        </Box>
        {a.questions.length > 0 && (
          <>
            <Text fw={600} mt="sm">
              {t('recruitment.form.sections.questions')}
            </Text>
            <Box component="dl" m={0} style={grid}>
              {a.questions.map((q) => {
                const v = a.answers[q.key];
                return (
                  <Field key={q.key} label={q.label}>
                    {v === undefined
                      ? ''
                      : typeof v === 'boolean'
                        ? t(v ? 'recruitment.common.yes' : 'recruitment.common.no')
                        : v}
                  </Field>
                );
              })}
            </Box>
          </>
        )}
        {a.consents.length > 0 && (
          <>
            <Text fw={600} mt="sm">
              {t('recruitment.form.sections.clauses')}
            </Text>
            <List size="sm">
              {a.consents.map((c) => (
                <List.Item key={c.key}>
                  {a.clauses.find((x) => x.key === c.key)?.title ?? c.key}:{' '}
                  {c.given ? t('recruitment.application.given') : t('recruitment.application.notGiven')} (
                  {formatDateTime(c.at)})
                </List.Item>
              ))}
            </List>
          </>
        )}
      </SectionCard>

      <SectionCard titleId="application-documents" title={t('recruitment.application.documentsTitle')}>
        <MissingDocuments key={a.version} a={a} onSaved={saved} />
      </SectionCard>

      <SectionCard titleId="application-decision" title={t('recruitment.application.decisionTitle')}>
        <Decision key={a.version} a={a} onSaved={saved} />
      </SectionCard>
    </Stack>
  );
}
