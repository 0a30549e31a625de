import type { Registration, TestKind } from '@kooperacja/domain';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  fetchApprovals,
  fetchCertificateVerification,
  fetchLessons,
  fetchMyTrainings,
  fetchQuestions,
  fetchRegistration,
  fetchRegistrations,
  fetchTestSheet,
  fetchTraining,
  fetchTrainingStats,
  fetchTrainings,
  openLesson,
  type TrainingListParams,
  trainingKeys,
} from './trainingsApi';

/** A page of the catalogue (published trainings, or the managed ones with drafts). */
export function useTrainingList(params: TrainingListParams, enabled = true) {
  return useQuery({
    queryKey: trainingKeys.list(params),
    queryFn: ({ signal }) => fetchTrainings(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useMyTrainings() {
  return useQuery({ queryKey: trainingKeys.me(), queryFn: ({ signal }) => fetchMyTrainings(signal) });
}

export function useApprovals(enabled: boolean) {
  return useQuery({
    queryKey: trainingKeys.approvals(),
    queryFn: ({ signal }) => fetchApprovals(signal),
    enabled,
  });
}

export function useTrainingStats(asOf: string) {
  return useQuery({
    queryKey: trainingKeys.stats(asOf),
    queryFn: ({ signal }) => fetchTrainingStats(asOf, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTraining(id: string) {
  return useQuery({
    queryKey: trainingKeys.one(id),
    queryFn: ({ signal }) => fetchTraining(id, signal),
    enabled: id !== '',
  });
}

export function useEditionRegistrations(trainingId: string, editionId: string) {
  return useQuery({
    queryKey: trainingKeys.registrations(trainingId, editionId),
    queryFn: ({ signal }) => fetchRegistrations(trainingId, editionId, signal),
    enabled: trainingId !== '' && editionId !== '',
  });
}

export function useRegistration(id: string) {
  return useQuery({
    queryKey: trainingKeys.registration(id),
    queryFn: ({ signal }) => fetchRegistration(id, signal),
    enabled: id !== '',
  });
}

export function useQuestions(trainingId: string) {
  return useQuery({
    queryKey: trainingKeys.questions(trainingId),
    queryFn: ({ signal }) => fetchQuestions(trainingId, signal),
  });
}

export function useLessons(trainingId: string, enabled = true) {
  return useQuery({
    queryKey: trainingKeys.lessons(trainingId),
    queryFn: ({ signal }) => fetchLessons(trainingId, signal),
    enabled: enabled && trainingId !== '',
  });
}

/**
 * One lesson as the learner opens it: the server records that they started it (which counts them
 * as supported). Read once per lesson shown.
 */
export function useOpenedLesson(trainingId: string, lessonId: string) {
  return useQuery({
    queryKey: trainingKeys.lesson(trainingId, lessonId),
    queryFn: ({ signal }) => openLesson(trainingId, lessonId, signal),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

export function useTestSheet(registrationId: string, kind: TestKind, enabled = true) {
  return useQuery({
    queryKey: trainingKeys.sheet(registrationId, kind),
    queryFn: ({ signal }) => fetchTestSheet(registrationId, kind, signal),
    enabled,
    // A sheet draws questions: not read again behind the learner's back.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

export function useCertificateVerification(code: string) {
  return useQuery({
    queryKey: trainingKeys.verification(code),
    queryFn: ({ signal }) => fetchCertificateVerification(code, signal),
    retry: false,
    enabled: code !== '',
  });
}

/**
 * After a registration changed (decision, withdrawal, test, certificate): the cached copy is
 * replaced and the lists that show it are read again.
 */
export function useRegistrationChanged() {
  const queryClient = useQueryClient();
  return (saved: Registration) => {
    queryClient.setQueryData(trainingKeys.registration(saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: trainingKeys.me() });
    void queryClient.invalidateQueries({ queryKey: trainingKeys.approvals() });
    void queryClient.invalidateQueries({
      queryKey: trainingKeys.registrations(saved.trainingId, saved.editionId),
    });
    void queryClient.invalidateQueries({ queryKey: trainingKeys.one(saved.trainingId), exact: true });
  };
}
