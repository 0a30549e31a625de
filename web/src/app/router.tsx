import { createBrowserRouter } from 'react-router';
import { AccountPage } from '../features/account/AccountPage';
import { TwoFactorPage } from '../features/account/TwoFactorPage';
import { adminRoutes } from '../features/admin/routes';
import { auditRoutes } from '../features/audit/routes';
import { ForgotPasswordPage } from '../features/auth/ForgotPasswordPage';
import { LoginPage } from '../features/auth/LoginPage';
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage';
import { caseRoutes } from '../features/cases/routes';
import { HomePage } from '../features/home/HomePage';
import { indicatorRoutes } from '../features/indicators/routes';
import { notificationRoutes } from '../features/notifications/routes';
import { participantRoutes } from '../features/participants/routes';
import { partnershipRoutes } from '../features/partnerships/routes';
import { personRoutes } from '../features/persons/routes';
import { programmeRoutes } from '../features/programmes/routes';
import { projectRoutes } from '../features/projects/routes';
import { publicRecruitmentRoute, recruitmentRoutes } from '../features/recruitment/routes';
import { regionRoutes } from '../features/region/routes';
import { serviceRoutes } from '../features/services/routes';
import { sharingRoutes } from '../features/sharing/routes';
import { smefsRoutes } from '../features/smefs/routes';
import { supportRoutes } from '../features/support/routes';
import { TerritoryMapPage } from '../features/territory/TerritoryMapPage';
import { TerritoryPage } from '../features/territory/TerritoryPage';
import { UnitPage } from '../features/territory/UnitPage';
import { publicVerificationRoute, trainingRoutes } from '../features/trainings/routes';
import { AuthLayout } from './AuthLayout';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RequireAuth } from './RequireAuth';
import { RouteError } from './RouteError';

export const routes = [
  {
    // Pages used without a session: no main navigation, a centred card.
    element: <AuthLayout />,
    errorElement: <RouteError />,
    children: [
      { path: 'logowanie', element: <LoginPage /> },
      { path: 'haslo/przypomnij', element: <ForgotPasswordPage /> },
      { path: 'haslo/ustaw', element: <ResetPasswordPage /> },
    ],
  },
  // The public application form of a call (no session): its own wide frame, outside the layout.
  { ...publicRecruitmentRoute, errorElement: <RouteError /> },
  // The public check of a training certificate's code (no session), outside the layout too.
  { ...publicVerificationRoute, errorElement: <RouteError /> },
  {
    // Everything else needs a session (RequireAuth sends the browser to /logowanie?next=…).
    element: (
      <RequireAuth>
        <Layout />
      </RequireAuth>
    ),
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
          { path: 'konto', element: <AccountPage /> },
          { path: 'konto/weryfikacja-dwuetapowa', element: <TwoFactorPage /> },
          ...caseRoutes,
          ...personRoutes,
          ...partnershipRoutes,
          ...serviceRoutes,
          ...sharingRoutes,
          ...smefsRoutes,
          ...projectRoutes,
          ...recruitmentRoutes,
          ...participantRoutes,
          ...supportRoutes,
          ...programmeRoutes,
          ...indicatorRoutes,
          ...adminRoutes,
          ...auditRoutes,
          ...notificationRoutes,
          ...regionRoutes,
          ...trainingRoutes,
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
