import type { RouteObject } from 'react-router';
import { ApplicationPage } from './ApplicationPage';
import { PaperApplicationPage } from './PaperApplicationPage';
import { PublicApplicationPage, PublicFormLayout } from './PublicApplicationPage';

/** Pages of recruitment inside the logged-in layout (the tab "Nabór" lives on the project page). */
export const recruitmentRoutes: RouteObject[] = [
  { path: 'projekty/:projectId/zgloszenia/:applicationId', element: <ApplicationPage /> },
  { path: 'projekty/:projectId/nabory/:callId/zgloszenie-papierowe', element: <PaperApplicationPage /> },
];

/** The public application form, outside the logged-in layout (no session, no navigation). */
export const publicRecruitmentRoute: RouteObject = {
  element: <PublicFormLayout />,
  children: [{ path: 'nabor/:code', element: <PublicApplicationPage /> }],
};
