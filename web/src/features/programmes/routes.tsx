import type { RouteObject } from 'react-router';
import { ProgrammesPage } from './ProgrammesPage';

/** Pages of the programmes capability, mounted inside the layout by app/router.tsx. */
export const programmeRoutes: RouteObject[] = [{ path: 'programy', element: <ProgrammesPage /> }];
