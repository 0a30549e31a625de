import { NotificationPreferencesPage } from './NotificationPreferencesPage';
import { NotificationsPage } from './NotificationsPage';

/** `/powiadomienia` (the list) and `/konto/powiadomienia` (preferences): any logged-in user. */
export const notificationRoutes = [
  { path: 'powiadomienia', element: <NotificationsPage /> },
  { path: 'konto/powiadomienia', element: <NotificationPreferencesPage /> },
];
