import type { RouteObject } from 'react-router';
import { ActivityPage } from './ActivityPage';

/** Pages of the support capability, mounted inside the layout by app/router.tsx. */
export const supportRoutes: RouteObject[] = [
  { path: 'projekty/:projectId/wsparcie/:activityId', element: <ActivityPage /> },
];
