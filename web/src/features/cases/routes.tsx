import type { RouteObject } from 'react-router';
import { TasksPage } from '../tasks/TasksPage';
import { CasesPage } from './list/CasesPage';
import { CaseNewPage } from './new/CaseNewPage';
import { CasePage } from './page/CasePage';

/** Case pages (/sprawy…, /zadania), mounted inside the layout by app/router.tsx. */
export const caseRoutes: RouteObject[] = [
  { path: 'sprawy', element: <CasesPage /> },
  { path: 'sprawy/nowa', element: <CaseNewPage /> },
  { path: 'sprawy/:id', element: <CasePage /> },
  { path: 'zadania', element: <TasksPage /> },
];
