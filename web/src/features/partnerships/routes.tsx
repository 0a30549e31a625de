import type { RouteObject } from 'react-router';
import { PartnershipPage } from './PartnershipPage';
import { PartnershipsPage } from './PartnershipsPage';

/** Partnership pages (/partnerstwa…), mounted inside the layout by app/router.tsx. */
export const partnershipRoutes: RouteObject[] = [
  { path: 'partnerstwa', element: <PartnershipsPage /> },
  { path: 'partnerstwa/:id', element: <PartnershipPage /> },
];
