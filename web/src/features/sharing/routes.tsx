import type { RouteObject } from 'react-router';
import { InboxPage } from './InboxPage';
import { ReferralPage } from './ReferralPage';
import { SharedCasePage } from './SharedCasePage';
import { SharedCasesPage } from './SharedCasesPage';

/** The institution inbox and the shared cases, mounted inside the layout by app/router.tsx. */
export const sharingRoutes: RouteObject[] = [
  { path: 'skrzynka', element: <InboxPage /> },
  { path: 'skrzynka/:id', element: <ReferralPage /> },
  { path: 'wspolpraca', element: <SharedCasesPage /> },
  { path: 'wspolpraca/:caseId', element: <SharedCasePage /> },
];
