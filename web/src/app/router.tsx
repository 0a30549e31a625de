import { createBrowserRouter } from 'react-router';
import { HomePage } from '../features/home/HomePage';
import { TerritoryMapPage } from '../features/territory/TerritoryMapPage';
import { TerritoryPage } from '../features/territory/TerritoryPage';
import { UnitPage } from '../features/territory/UnitPage';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RouteError } from './RouteError';

export const routes = [
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      {
        // Errors of a page render inside the layout, keeping the navigation usable.
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'terytoria', element: <TerritoryPage /> },
          { path: 'terytoria/mapa', element: <TerritoryMapPage /> },
          { path: 'terytoria/:teryt', element: <UnitPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
