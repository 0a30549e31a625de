import type { RouteObject } from 'react-router';
import { AdminPage } from './AdminPage';
import { InstitutionNewPage } from './InstitutionNewPage';
import { InstitutionPage } from './InstitutionPage';
import { InstitutionsPage } from './InstitutionsPage';
import { OutboxPage } from './OutboxPage';
import { UserNewPage } from './UserNewPage';
import { UserPage } from './UserPage';
import { UsersPage } from './UsersPage';

/** The administration pages, mounted inside the layout by app/router.tsx. */
export const adminRoutes: RouteObject[] = [
  { path: 'admin', element: <AdminPage /> },
  { path: 'admin/instytucje', element: <InstitutionsPage /> },
  { path: 'admin/instytucje/nowa', element: <InstitutionNewPage /> },
  { path: 'admin/instytucje/:id', element: <InstitutionPage /> },
  { path: 'admin/uzytkownicy', element: <UsersPage /> },
  { path: 'admin/uzytkownicy/nowy', element: <UserNewPage /> },
  { path: 'admin/uzytkownicy/:id', element: <UserPage /> },
  { path: 'admin/skrzynka', element: <OutboxPage /> },
];
