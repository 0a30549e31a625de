import type { RouteObject } from 'react-router';
import { ProjectEditPage, ProjectNewPage } from './ProjectEditPages';
import { ProjectPage } from './ProjectPage';
import { ProjectsPage } from './ProjectsPage';

/**
 * Pages of the projects capability, mounted inside the layout by app/router.tsx. `projekty/portfel`
 * (the indicators portfolio) is a static segment, so React Router ranks it before `projekty/:id`.
 */
export const projectRoutes: RouteObject[] = [
  { path: 'projekty', element: <ProjectsPage /> },
  { path: 'projekty/nowy', element: <ProjectNewPage /> },
  { path: 'projekty/:id', element: <ProjectPage /> },
  { path: 'projekty/:id/edycja', element: <ProjectEditPage /> },
];
