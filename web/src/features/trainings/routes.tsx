import type { RouteObject } from 'react-router';
import { EditionPage } from './EditionPage';
import { RegistrationPage } from './RegistrationPage';
import { TestPage } from './TestPage';
import { TrainingNewPage } from './TrainingNewPage';
import { TrainingPage } from './TrainingPage';
import { TrainingsPage } from './TrainingsPage';
import { PublicVerificationLayout, VerificationFormPage, VerificationResultPage } from './VerificationPage';

/**
 * The training platform for staff (/szkolenia…), mounted inside the layout by app/router.tsx: the
 * catalogue with the user's registrations, approvals and managed trainings; a new training; one
 * training (editions, questions, lessons, statistics for its organiser); an edition's registrations
 * and attendance; a learner's registration with lessons; a test.
 */
export const trainingRoutes: RouteObject[] = [
  { path: 'szkolenia', element: <TrainingsPage /> },
  { path: 'szkolenia/nowe', element: <TrainingNewPage /> },
  { path: 'szkolenia/zapisy/:registrationId', element: <RegistrationPage /> },
  { path: 'szkolenia/zapisy/:registrationId/test/:kind', element: <TestPage /> },
  { path: 'szkolenia/:trainingId', element: <TrainingPage /> },
  { path: 'szkolenia/:trainingId/edycje/:editionId', element: <EditionPage /> },
];

/** The public check of a certificate's code, outside the logged-in layout (no session). */
export const publicVerificationRoute: RouteObject = {
  element: <PublicVerificationLayout />,
  children: [
    { path: 'weryfikacja', element: <VerificationFormPage /> },
    { path: 'weryfikacja/:code', element: <VerificationResultPage /> },
  ],
};
