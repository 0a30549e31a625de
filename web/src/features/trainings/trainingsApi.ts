import type {
  ApprovalList,
  AttendanceInput,
  CertificateVerification,
  EditionInput,
  EditionOut,
  EditionUpdate,
  EmployeeList,
  FinancingProjects,
  Lesson,
  LessonInput,
  LessonList,
  MyTrainings,
  PaperTestResult,
  Problem,
  Registration,
  RegistrationDecision,
  RegistrationInput,
  RegistrationList,
  RegistrationWithdrawal,
  TestAnswers,
  TestKind,
  TestOutcome,
  TestSheet,
  Training,
  TrainingInput,
  TrainingList,
  TrainingQuestion,
  TrainingQuestionInput,
  TrainingQuestionList,
  TrainingStats,
  TrainingUpdate,
} from '@kooperacja/domain';
import i18n from '../../i18n';
import { ApiError, apiFetch, apiUrl, getCsrfToken } from '../../lib/api';

/** Filters of the catalogue (GET /api/trainings). */
export interface TrainingListParams {
  q?: string;
  form?: string;
  managed?: boolean;
  page?: number;
}

export const trainingKeys = {
  financingProjects: () => ['trainings', 'financing-projects'] as const,
  employees: () => ['trainings', 'employees'] as const,
  all: ['trainings'] as const,
  list: (params: TrainingListParams) => ['trainings', 'list', params] as const,
  me: () => ['trainings', 'me'] as const,
  approvals: () => ['trainings', 'approvals'] as const,
  stats: (asOf: string) => ['trainings', 'stats', asOf] as const,
  one: (id: string) => ['trainings', 'one', id] as const,
  registrations: (trainingId: string, editionId: string) =>
    ['trainings', 'one', trainingId, 'editions', editionId, 'registrations'] as const,
  questions: (trainingId: string) => ['trainings', 'one', trainingId, 'questions'] as const,
  lessons: (trainingId: string) => ['trainings', 'one', trainingId, 'lessons'] as const,
  lesson: (trainingId: string, lessonId: string) =>
    ['trainings', 'one', trainingId, 'lessons', lessonId] as const,
  registration: (id: string) => ['trainings', 'registration', id] as const,
  sheet: (registrationId: string, kind: TestKind) =>
    ['trainings', 'registration', registrationId, 'sheet', kind] as const,
  verification: (code: string) => ['trainings', 'verification', code] as const,
};

const base = '/trainings';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;
const edition = (trainingId: string, editionId: string) =>
  `${one(trainingId)}/editions/${encodeURIComponent(editionId)}`;
const reg = (id: string) => `${base}/registrations/${encodeURIComponent(id)}`;

// ————— Catalogue and trainings —————

export const fetchTrainings = (params: TrainingListParams, signal?: AbortSignal) =>
  apiFetch<TrainingList>(base, {
    query: {
      q: params.q,
      form: params.form,
      managed: params.managed ? 'true' : undefined,
      page: params.page,
    },
    signal,
  });
export const fetchFinancingProjects = (signal?: AbortSignal) =>
  apiFetch<FinancingProjects>(`${base}/financing-projects`, { signal });
export const fetchEmployees = (signal?: AbortSignal) =>
  apiFetch<EmployeeList>(`${base}/employees`, { signal });
export const fetchMyTrainings = (signal?: AbortSignal) => apiFetch<MyTrainings>(`${base}/me`, { signal });
export const fetchApprovals = (signal?: AbortSignal) =>
  apiFetch<ApprovalList>(`${base}/approvals`, { signal });
export const fetchTrainingStats = (asOf: string, signal?: AbortSignal) =>
  apiFetch<TrainingStats>(`${base}/stats`, { query: { asOf }, signal });
export const fetchTraining = (id: string, signal?: AbortSignal) => apiFetch<Training>(one(id), { signal });
export const createTraining = (training: TrainingInput) =>
  apiFetch<Training>(base, { method: 'POST', json: training });
export const updateTraining = (id: string, body: TrainingUpdate) =>
  apiFetch<Training>(one(id), { method: 'PUT', json: body });

// ————— Editions, registrations, attendance —————

export const createEdition = (trainingId: string, body: EditionInput) =>
  apiFetch<EditionOut>(`${one(trainingId)}/editions`, { method: 'POST', json: body });
export const updateEdition = (trainingId: string, editionId: string, body: EditionUpdate) =>
  apiFetch<EditionOut>(edition(trainingId, editionId), { method: 'PUT', json: body });
export const fetchRegistrations = (trainingId: string, editionId: string, signal?: AbortSignal) =>
  apiFetch<RegistrationList>(`${edition(trainingId, editionId)}/registrations`, { signal });
export const register = (trainingId: string, editionId: string, body: RegistrationInput) =>
  apiFetch<Registration>(`${edition(trainingId, editionId)}/registrations`, { method: 'POST', json: body });
export const saveAttendance = (trainingId: string, editionId: string, body: AttendanceInput) =>
  apiFetch<RegistrationList>(`${edition(trainingId, editionId)}/attendance`, { method: 'PUT', json: body });

export const fetchRegistration = (id: string, signal?: AbortSignal) =>
  apiFetch<Registration>(reg(id), { signal });
export const decideRegistration = (id: string, body: RegistrationDecision) =>
  apiFetch<Registration>(`${reg(id)}/decision`, { method: 'POST', json: body });
export const withdrawRegistration = (id: string, body: RegistrationWithdrawal) =>
  apiFetch<Registration>(`${reg(id)}/withdraw`, { method: 'POST', json: body });
export const enterPaperTest = (id: string, body: PaperTestResult) =>
  apiFetch<Registration>(`${reg(id)}/paper-tests`, { method: 'POST', json: body });
export const issueCertificate = (id: string) =>
  apiFetch<Registration>(`${reg(id)}/certificate`, { method: 'POST', json: {} });
export const revokeCertificate = (id: string, reason: string) =>
  apiFetch<Registration>(`${reg(id)}/certificate/revoke`, { method: 'POST', json: { reason } });
/** The certificate PDF of a registration (the learner and the organiser may download it). */
export const certificatePdfUrl = (registrationId: string) => apiUrl(`${reg(registrationId)}/certificate.pdf`);

// ————— Tests —————

export const fetchTestSheet = (registrationId: string, kind: TestKind, signal?: AbortSignal) =>
  apiFetch<TestSheet>(`${reg(registrationId)}/tests/${kind}`, { signal });
export const submitTest = (registrationId: string, kind: TestKind, body: TestAnswers) =>
  apiFetch<TestOutcome>(`${reg(registrationId)}/tests/${kind}`, { method: 'POST', json: body });

export const fetchQuestions = (trainingId: string, signal?: AbortSignal) =>
  apiFetch<TrainingQuestionList>(`${one(trainingId)}/questions`, { signal });
export const createQuestion = (trainingId: string, question: TrainingQuestionInput) =>
  apiFetch<TrainingQuestion>(`${one(trainingId)}/questions`, { method: 'POST', json: question });
export const updateQuestion = (
  trainingId: string,
  questionId: string,
  question: TrainingQuestionInput,
  version: number,
) =>
  apiFetch<TrainingQuestion>(`${one(trainingId)}/questions/${encodeURIComponent(questionId)}`, {
    method: 'PUT',
    json: { question, version },
  });
export const deleteQuestion = (trainingId: string, q: Pick<TrainingQuestion, 'id' | 'version'>) =>
  apiFetch<void>(`${one(trainingId)}/questions/${encodeURIComponent(q.id)}`, {
    method: 'DELETE',
    query: { version: q.version },
  });

// ————— Lessons —————

const lesson = (trainingId: string, lessonId: string) =>
  `${one(trainingId)}/lessons/${encodeURIComponent(lessonId)}`;

export const fetchLessons = (trainingId: string, signal?: AbortSignal) =>
  apiFetch<LessonList>(`${one(trainingId)}/lessons`, { signal });
/** Opens a lesson: for a learner the server records that they started it (the "supported" indicator). */
export const openLesson = (trainingId: string, lessonId: string, signal?: AbortSignal) =>
  apiFetch<Lesson>(lesson(trainingId, lessonId), { signal });
export const createLesson = (trainingId: string, body: LessonInput) =>
  apiFetch<Lesson>(`${one(trainingId)}/lessons`, { method: 'POST', json: body });
export const updateLesson = (trainingId: string, lessonId: string, body: LessonInput, version: number) =>
  apiFetch<Lesson>(lesson(trainingId, lessonId), { method: 'PUT', json: { lesson: body, version } });
export const deleteLesson = (trainingId: string, l: Pick<Lesson, 'id' | 'version'>) =>
  apiFetch<void>(lesson(trainingId, l.id), { method: 'DELETE', query: { version: l.version } });
export const completeLesson = (trainingId: string, lessonId: string) =>
  apiFetch<Lesson>(`${lesson(trainingId, lessonId)}/complete`, { method: 'POST', json: {} });
/** The file of a lesson (an image shown in the page, a file to download). */
export const lessonFileUrl = (trainingId: string, lessonId: string) =>
  apiUrl(`${lesson(trainingId, lessonId)}/file`);

/**
 * A lesson's file goes as the raw body with its name and the lesson's version in the query (the
 * server checks its type by its bytes: PDF, PNG, JPEG or WebP, at most 10 MB).
 */
export async function uploadLessonFile(
  trainingId: string,
  lessonId: string,
  file: File,
  version: number,
): Promise<Lesson> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/octet-stream',
    Accept: 'application/json, application/problem+json',
    'Accept-Language': i18n.language || 'pl',
  };
  const csrf = getCsrfToken();
  if (csrf) headers['X-CSRF-Token'] = csrf;
  let res: Response;
  try {
    res = await fetch(apiUrl(`${lesson(trainingId, lessonId)}/file`, { filename: file.name, version }), {
      method: 'PUT',
      headers,
      body: file,
    });
  } catch {
    throw new ApiError({
      type: 'about:blank',
      title: i18n.t('errors.network.title'),
      detail: i18n.t('errors.network.detail'),
      status: 0,
      code: 'service_unavailable',
    });
  }
  const data = await res.json().catch(() => undefined);
  if (!res.ok)
    throw new ApiError(
      data && typeof data === 'object' && 'title' in data
        ? (data as Problem)
        : {
            type: 'about:blank',
            title: i18n.t('errors.http.title', { status: res.status }),
            status: res.status,
            code: 'bad_request',
          },
    );
  return data as Lesson;
}

// ————— Public verification (no session) —————

export const fetchCertificateVerification = (code: string, signal?: AbortSignal) =>
  apiFetch<CertificateVerification>(`/public/certificates/${encodeURIComponent(code)}`, { signal });
