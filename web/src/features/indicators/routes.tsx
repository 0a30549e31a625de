import type { RouteObject } from 'react-router';
import { LibraryPage } from './LibraryPage';
import { PortfolioPage } from './PortfolioPage';

/** Pages of the indicators capability, mounted inside the layout by app/router.tsx. */
export const indicatorRoutes: RouteObject[] = [
  { path: 'projekty/portfel', element: <PortfolioPage /> },
  { path: 'wskazniki', element: <LibraryPage /> },
];
