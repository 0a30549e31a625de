import type { RouteObject } from 'react-router';
import { HouseholdNewPage } from './households/HouseholdNewPage';
import { HouseholdPage } from './households/HouseholdPage';
import { PersonMergePage } from './PersonMergePage';
import { PersonNewPage } from './PersonNewPage';
import { PersonPage } from './PersonPage';
import { PersonsPage } from './PersonsPage';

/** Registry of persons and households (/osoby…, /rodziny…), mounted inside the layout by app/router.tsx. */
export const personRoutes: RouteObject[] = [
  { path: 'osoby', element: <PersonsPage /> },
  { path: 'osoby/nowa', element: <PersonNewPage /> },
  { path: 'osoby/:id', element: <PersonPage /> },
  { path: 'osoby/:id/scal', element: <PersonMergePage /> },
  { path: 'rodziny/nowa', element: <HouseholdNewPage /> },
  { path: 'rodziny/:id', element: <HouseholdPage /> },
];
