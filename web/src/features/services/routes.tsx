import type { RouteObject } from 'react-router';
import { ServiceEditPage, ServiceNewPage } from './ServiceEditPages';
import { ServicePage } from './ServicePage';
import { ServicesPage } from './ServicesPage';

/** Resource-map pages (/zasoby…), mounted inside the layout by app/router.tsx. */
export const serviceRoutes: RouteObject[] = [
  { path: 'zasoby', element: <ServicesPage /> },
  { path: 'zasoby/nowa', element: <ServiceNewPage /> },
  { path: 'zasoby/:id', element: <ServicePage /> },
  { path: 'zasoby/:id/edycja', element: <ServiceEditPage /> },
];
