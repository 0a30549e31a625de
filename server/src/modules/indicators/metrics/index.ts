/**
 * The metric registry with the metrics the records already allow. A module registers its metrics
 * when it is imported; importing this file loads them all (docs/indicators.md, "Adding a metric").
 * A capability still to come registers its metrics in a file of this folder imported below (or
 * from its own module), never by changing the engine.
 */
import './cases.js';
import './cooperation.js';
// Participants (ESF+ monitoring): EECO01–EECO17, EECR01–EECR06, social and employment effectiveness.
import './participants.js';
// Regional monitoring (the ROPS register of JST): jst.lpdi_share, jst.cus_count, jst.with_partnership.
import './region.js';
// Training platform (staff of the institutions): staff.supported, staff.qualifications_raised.
import './trainings.js';

export {
  computeMetric,
  describeMetric,
  getMetric,
  listMetrics,
  type MetricContext,
  type MetricDefinition,
  MetricInputError,
  type MetricResult,
  type MetricValue,
  metricKeys,
  metricParamsOf,
  registerMetric,
} from './registry.js';
