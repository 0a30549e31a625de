/**
 * The resource map for other features: the search block with a "choose" button per service
 * (a referral form picks a service and so its institution), the card, and the data hooks.
 */
export { ServiceCard, type ServiceCardProps } from './ServiceCard';
export { ServiceSearch, type ServiceSearchProps } from './ServiceSearch';
export { useServiceLabels } from './serviceLabels';
export type { ServiceFilters } from './servicesApi';
export { useService } from './useService';
export { useServiceSearch } from './useServiceSearch';
