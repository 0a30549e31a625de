import type { RouteObject } from 'react-router';
import { AuditPage } from './AuditPage';

/** The audit-log viewer, mounted inside the layout by app/router.tsx. */
export const auditRoutes: RouteObject[] = [{ path: 'audyt', element: <AuditPage /> }];
