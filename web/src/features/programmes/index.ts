/**
 * The programme catalogue for other features: the placement select of the project form and the
 * data hooks.
 */
export { ProgrammePlacementSelect, type ProgrammePlacementSelectProps } from './ProgrammePlacementSelect';
export { usePlacements } from './usePlacements';
export { useProgrammeNode } from './useProgrammeNode';
