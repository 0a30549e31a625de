import {
  type Breakdown,
  type CountingUnit,
  canonicalDecimal,
  type IndicatorUnit,
  type MetricInfo,
  type MetricParamField,
  percentFrom,
} from '@kooperacja/domain';
import { z } from 'zod';
import type { DbOrTx } from '../../../db/database.js';

/**
 * The registry of metric functions: an indicator computed from the records names a metric by its
 * key and gives its parameters; the engine (`computeMetric`) looks the metric up by key only, so a
 * capability adds a metric by registering it (docs/indicators.md, "Adding a metric") without
 * touching the engine, the routes or the database.
 */
type Labels = { pl: string; en: string };

export interface MetricContext<P> {
  projectId: string;
  /** The day the value is for (YYYY-MM-DD): the records as they stood at the end of that day. */
  asOf: string;
  params: P;
}

export interface MetricResult {
  /** For a percent metric leave it out and give numerator and denominator. */
  value?: number | string;
  numerator?: number | string;
  denominator?: number | string;
  breakdown?: Breakdown;
}

export interface MetricDefinition<P extends Record<string, unknown> = Record<string, unknown>> {
  /** Stable key stored in `project_indicators.metric_key`, e.g. `cases.multi_sector_team`. */
  key: string;
  label: Labels;
  description: Labels;
  unit: IndicatorUnit;
  counting: CountingUnit;
  /** The breakdown dimensions the metric fills in. */
  breakdowns?: readonly ('plec' | 'wiek')[];
  /** The parameters as a zod object of booleans, enums and integers, each with a default. */
  params: z.ZodType<P, Record<string, unknown>>;
  /** Labels of the parameters and of their enum values, for the form. */
  paramLabels: Record<string, Labels & { options?: Record<string, Labels> }>;
  compute(db: DbOrTx, ctx: MetricContext<P>): Promise<MetricResult>;
}

const registry = new Map<string, MetricDefinition>();

/** Adds a metric to the registry; a second metric with the same key is a programming error. */
export function registerMetric<P extends Record<string, unknown>>(metric: MetricDefinition<P>): void {
  if (registry.has(metric.key)) throw new Error(`metric ${metric.key} is already registered`);
  if (!/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/.test(metric.key))
    throw new Error(`metric key ${metric.key}: use "area.name" in lower case`);
  registry.set(metric.key, metric as unknown as MetricDefinition);
}

export function getMetric(key: string): MetricDefinition | undefined {
  return registry.get(key);
}

export function metricKeys(): string[] {
  return [...registry.keys()].sort();
}

/** Thrown for an unknown key or parameters the metric does not accept (the route answers 400). */
export class MetricInputError extends Error {
  constructor(
    readonly field: 'metricKey' | 'metricParams',
    readonly code: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(code);
    this.name = 'MetricInputError';
  }
}

/** The parameters of a metric with its defaults filled in; throws {@link MetricInputError}. */
export function metricParamsOf(key: string, params: unknown): Record<string, unknown> {
  const metric = registry.get(key);
  if (!metric) throw new MetricInputError('metricKey', 'indicator.metricUnknown');
  const parsed = metric.params.safeParse(params ?? {});
  if (!parsed.success)
    throw new MetricInputError(
      'metricParams',
      'indicator.metricParams',
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  return parsed.data;
}

export interface MetricValue {
  value: string;
  numerator: string | null;
  denominator: string | null;
  breakdown: Breakdown;
}

/**
 * Runs a metric as of a day and returns its value as exact decimals. A percent metric's value is
 * computed from its numerator and denominator here (0 when the denominator is 0: nothing to share).
 */
export async function computeMetric(
  db: DbOrTx,
  key: string,
  ctx: { projectId: string; asOf: string; params: unknown },
): Promise<MetricValue> {
  const metric = registry.get(key);
  if (!metric) throw new MetricInputError('metricKey', 'indicator.metricUnknown');
  const params = metricParamsOf(key, ctx.params);
  const r = await metric.compute(db, { projectId: ctx.projectId, asOf: ctx.asOf, params });
  const numerator = r.numerator === undefined ? null : canonicalDecimal(r.numerator);
  const denominator = r.denominator === undefined ? null : canonicalDecimal(r.denominator);
  let value: string;
  if (numerator !== null && denominator !== null) value = percentFrom(numerator, denominator) ?? '0';
  else if (r.value !== undefined) value = canonicalDecimal(r.value);
  else throw new Error(`metric ${key} returned neither a value nor a numerator and denominator`);
  return { value, numerator, denominator, breakdown: r.breakdown ?? {} };
}

/** The metric as the form to add an indicator describes it (parameters from its zod schema). */
export function describeMetric(metric: MetricDefinition): MetricInfo {
  const schema = z.toJSONSchema(metric.params, { io: 'input' }) as {
    properties?: Record<string, { type?: string; enum?: string[]; default?: unknown }>;
  };
  const params: MetricParamField[] = Object.entries(schema.properties ?? {}).map(([name, p]) => {
    const labels = metric.paramLabels[name] ?? { pl: name, en: name };
    const kind: MetricParamField['kind'] = p.enum ? 'enum' : p.type === 'boolean' ? 'boolean' : 'integer';
    return {
      name,
      kind,
      label: { pl: labels.pl, en: labels.en },
      options: (p.enum ?? []).map((value) => ({
        value,
        label: labels.options?.[value] ?? { pl: value, en: value },
      })),
      default: (p.default as string | number | boolean | undefined) ?? null,
    };
  });
  return {
    key: metric.key,
    label: metric.label,
    description: metric.description,
    unit: metric.unit,
    counting: metric.counting,
    breakdowns: [...(metric.breakdowns ?? [])],
    params,
  };
}

export function listMetrics(): MetricInfo[] {
  return metricKeys().map((k) => describeMetric(registry.get(k) as MetricDefinition));
}
