import type { RouteObject } from 'react-router';
import { JstRegisterListPage } from './JstRegisterListPage';
import { JstRegisterPage } from './JstRegisterPage';
import { RegionDashboardPage } from './RegionDashboardPage';
import { RegionIndexPage } from './RegionIndexPage';

/**
 * Regional monitoring (/region…), mounted inside the layout by app/router.tsx: the choice of
 * województwo, its dashboard (map, table, exports), the register of its JST and one JST's entry.
 */
export const regionRoutes: RouteObject[] = [
  { path: 'region', element: <RegionIndexPage /> },
  { path: 'region/:woj', element: <RegionDashboardPage /> },
  { path: 'region/:woj/jst', element: <JstRegisterListPage /> },
  { path: 'region/:woj/jst/:teryt', element: <JstRegisterPage /> },
];
