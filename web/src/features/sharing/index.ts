/** Case teams, consents, referrals, the institution inbox and shared cases (the web side of `sharing`). */
export { BlueCardFlag } from './BlueCardFlag';
export { CooperationTab } from './CooperationTab';
export { sharingRoutes } from './routes';
