import type { UnitLevel } from '@kooperacja/domain';
import { geoArea, geoConicConformal, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { levelOfTeryt } from './levels';

/** Properties of every geometry in the boundaries topology (its `id` is the TERYT code too). */
export interface BoundaryProperties {
  teryt: string;
  name: string;
  typ?: string | null;
  powiat?: string | null;
  woj?: string | null;
}

export type BoundaryFeature = Feature<Polygon | MultiPolygon, BoundaryProperties>;

export const topologyObjects: Record<UnitLevel, string> = {
  wojewodztwo: 'wojewodztwa',
  powiat: 'powiaty',
  gmina: 'gminy',
};

/** A drawable unit: SVG path data in the map's viewBox coordinates. */
export interface MapShape {
  teryt: string;
  name: string;
  d: string;
}

export interface MapGeometry {
  width: number;
  height: number;
  shapes: MapShape[];
  /** The highlighted unit's outline (it may come from another level than `shapes`). */
  highlight: MapShape | null;
}

const reverseRings = (rings: Position[][]) => rings.map((ring) => [...ring].reverse());

/**
 * d3-geo is spherical: a polygon whose exterior ring runs counter-clockwise (the GeoJSON RFC 7946
 * convention many tools emit) means "the whole globe except this". Flip such polygons.
 */
function rewind(f: BoundaryFeature): BoundaryFeature {
  const g = f.geometry;
  if (!g) return f;
  const fix = (rings: Position[][]) =>
    geoArea({ type: 'Polygon', coordinates: rings }) > 2 * Math.PI ? reverseRings(rings) : rings;
  if (g.type === 'Polygon') return { ...f, geometry: { type: 'Polygon', coordinates: fix(g.coordinates) } };
  return { ...f, geometry: { type: 'MultiPolygon', coordinates: g.coordinates.map(fix) } };
}

const featureCache = new WeakMap<Topology, Map<UnitLevel, BoundaryFeature[]>>();

/** GeoJSON features of one level (converted once per topology and level). */
export function featuresOf(topology: Topology, level: UnitLevel): BoundaryFeature[] {
  let byLevel = featureCache.get(topology);
  if (!byLevel) {
    byLevel = new Map();
    featureCache.set(topology, byLevel);
  }
  const cached = byLevel.get(level);
  if (cached) return cached;
  const object = topology.objects[topologyObjects[level]] as
    | GeometryCollection<BoundaryProperties>
    | undefined;
  if (!object) return [];
  const fc = feature(topology, object) as FeatureCollection<Polygon | MultiPolygon, BoundaryProperties>;
  const features = fc.features
    .filter((f) => f.geometry)
    .map((f) => {
      const teryt = String(f.properties?.teryt ?? f.id ?? '');
      return rewind({ ...f, properties: { ...f.properties, teryt, name: f.properties?.name ?? teryt } });
    });
  byLevel.set(level, features);
  return features;
}

/** Width of the map's viewBox; the height follows from the extent drawn. */
export const MAP_WIDTH = 800;

const geometryCache = new WeakMap<Topology, Map<string, MapGeometry>>();

/**
 * Projects one level of the topology (optionally only the units within a województwo or powiat)
 * into SVG paths, fitted to the drawn extent. Lambert conformal conic, as on Polish general maps.
 */
export function buildMapGeometry(
  topology: Topology,
  level: UnitLevel,
  within?: string,
  highlight?: string,
): MapGeometry {
  const key = `${level}|${within ?? ''}|${highlight ?? ''}`;
  let cache = geometryCache.get(topology);
  if (!cache) {
    cache = new Map();
    geometryCache.set(topology, cache);
  }
  const cached = cache.get(key);
  if (cached) return cached;

  const all = featuresOf(topology, level);
  const features = within ? all.filter((f) => f.properties.teryt.startsWith(within)) : all;
  const extent: FeatureCollection = { type: 'FeatureCollection', features: features.length ? features : all };
  const projection = geoConicConformal().parallels([49, 55]).rotate([-19.5, 0]).fitWidth(MAP_WIDTH, extent);
  const path = geoPath(projection).digits(1);
  const [[, y0], [, y1]] = path.bounds(extent);
  const height = Math.max(1, Math.ceil(y1 - y0));
  projection.translate([projection.translate()[0], projection.translate()[1] - y0]);

  const shapes = features.map((f) => ({
    teryt: f.properties.teryt,
    name: f.properties.name,
    d: path(f) ?? '',
  }));
  let highlightShape: MapShape | null = null;
  if (highlight) {
    const hl = featuresOf(topology, levelOfTeryt(highlight)).find((f) => f.properties.teryt === highlight);
    if (hl) highlightShape = { teryt: highlight, name: hl.properties.name, d: path(hl) ?? '' };
  }
  const geometry = { width: MAP_WIDTH, height, shapes, highlight: highlightShape };
  cache.set(key, geometry);
  return geometry;
}
