import type { RouteObject } from 'react-router';
import { SmefsPage } from './SmefsPage';

/** The SM EFS page of a project, mounted inside the layout by app/router.tsx. */
export const smefsRoutes: RouteObject[] = [{ path: 'projekty/:projectId/smefs', element: <SmefsPage /> }];
