import type { RouteObject } from 'react-router';
import { DegurbaImportPage } from './DegurbaImportPage';
import { ParticipantEnrolPage } from './ParticipantEnrolPage';
import { ParticipantPage } from './ParticipantPage';

/**
 * Pages of the participants capability, mounted inside the layout by app/router.tsx. The list is
 * the tab "Uczestnicy" of a project (`ParticipantsTab`); `uczestnicy/nowy` is a static segment and
 * ranks before `uczestnicy/:participantId`.
 */
export const participantRoutes: RouteObject[] = [
  { path: 'projekty/:projectId/uczestnicy/nowy', element: <ParticipantEnrolPage /> },
  { path: 'projekty/:projectId/uczestnicy/:participantId', element: <ParticipantPage /> },
  { path: 'admin/degurba', element: <DegurbaImportPage /> },
];
