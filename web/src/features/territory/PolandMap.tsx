import type { UnitLevel } from '@kooperacja/domain';
import { Skeleton, Stack, Text } from '@mantine/core';
import { type PointerEvent, type ReactNode, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { buildMapGeometry, MAP_WIDTH, type MapShape } from './boundaries';
import { MapLegend, type MapLegendData } from './MapLegend';
import { NEUTRAL_FILL } from './mapPalettes';
import classes from './PolandMap.module.css';
import { useBoundaries } from './useBoundaries';

export interface PolandMapProps {
  /** Which level of the division to draw. */
  level: UnitLevel;
  /** Accessible name of the map image, e.g. "Mapa Polski: gminy". */
  label: string;
  /** Visible caption under the map (text alternative together with the legend). */
  caption?: ReactNode;
  /**
   * Fill colour of a unit, for choropleths; `undefined` falls back to a neutral fill.
   * Pass a stable function (module-level or useCallback): paths are recomputed when it changes.
   */
  fill?: (teryt: string) => string | undefined;
  legend?: MapLegendData;
  /** Draw only the units within this województwo or powiat (and zoom to them). */
  within?: string;
  /** TERYT code of a unit (of any level) to outline on top. */
  highlight?: string;
  highlightFill?: string;
  /** Called when a unit is clicked; by default opens the unit's page. */
  onSelect?: (teryt: string) => void;
  /** Disables hover and click (e.g. for a static thumbnail). */
  interactive?: boolean;
  /** CSS max-height of the map, default 75vh. */
  maxHeight?: string;
}

interface Hover {
  teryt: string;
  name: string;
}

const terytOf = (target: EventTarget | null) =>
  target instanceof Element ? target.getAttribute('data-teryt') : null;

/**
 * SVG map of Poland (województwa, powiaty or gminy) drawn with d3-geo from the boundaries
 * TopoJSON. The paths are not tab stops — 2,477 gminy would be hostile to keyboard users —
 * so pages offer the unit search as the equivalent; the map itself is an image with a caption.
 */
export function PolandMap({
  level,
  label,
  caption,
  fill,
  legend,
  within,
  highlight,
  highlightFill,
  onSelect,
  interactive = true,
  maxHeight,
}: PolandMapProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: topology, error, refetch, isPending } = useBoundaries();
  const [hover, setHover] = useState<Hover | null>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);

  const geometry = useMemo(
    () => (topology ? buildMapGeometry(topology, level, within, highlight) : null),
    [topology, level, within, highlight],
  );

  const byTeryt = useMemo(() => new Map(geometry?.shapes.map((s) => [s.teryt, s])), [geometry]);

  // The expensive part — thousands of <path> elements — is memoised so that hovering (which only
  // changes the tooltip and the outline) does not re-render them.
  const shapes = useMemo(
    () =>
      geometry && (
        <g className={classes.shapes} strokeWidth={level === 'gmina' ? 0.3 : level === 'powiat' ? 0.5 : 1}>
          {geometry.shapes.map((s: MapShape) => (
            <path key={s.teryt} d={s.d} fill={fill?.(s.teryt) ?? NEUTRAL_FILL} data-teryt={s.teryt} />
          ))}
        </g>
      ),
    [geometry, fill, level],
  );

  const onPointerMove = useCallback(
    (event: PointerEvent<SVGSVGElement>) => {
      const teryt = terytOf(event.target);
      const shape = teryt ? byTeryt.get(teryt) : undefined;
      setHover((prev) => (shape ? (prev?.teryt === shape.teryt ? prev : shape) : null));
      const tip = tooltipRef.current;
      const box = event.currentTarget.parentElement?.getBoundingClientRect();
      if (tip && box) {
        tip.style.transform = `translate(${event.clientX - box.left + 12}px, ${event.clientY - box.top + 12}px)`;
      }
    },
    [byTeryt],
  );

  const onClick = useCallback(
    (event: React.MouseEvent<SVGSVGElement>) => {
      const teryt = terytOf(event.target);
      if (!teryt) return;
      if (onSelect) onSelect(teryt);
      else navigate(`/terytoria/${teryt}`);
    },
    [navigate, onSelect],
  );

  if (error) return <ProblemAlert error={error} onRetry={() => void refetch()} />;

  const hoverShape = hover ? byTeryt.get(hover.teryt) : undefined;
  const style = maxHeight ? ({ '--map-max-height': maxHeight } as React.CSSProperties) : undefined;

  return (
    <figure className={`${classes.figure} ${interactive ? classes.interactive : ''}`} style={style}>
      {isPending || !geometry ? (
        <Stack gap="xs" aria-busy="true">
          <Skeleton height={320} radius="sm" />
          <Text size="sm" c="dimmed" role="status">
            {t('territory.map.loading')}
          </Text>
        </Stack>
      ) : (
        <>
          {/* biome-ignore lint/a11y/useKeyWithClickEvents: the units are not tab stops by design; keyboard users pick units with the search or the picker on the same page */}
          <svg
            className={classes.svg}
            viewBox={`0 0 ${MAP_WIDTH} ${geometry.height}`}
            role="img"
            aria-label={label}
            data-testid="poland-map"
            data-level={level}
            onPointerMove={interactive ? onPointerMove : undefined}
            onPointerLeave={interactive ? () => setHover(null) : undefined}
            onClick={interactive ? onClick : undefined}
          >
            {shapes}
            {geometry.highlight && (
              <path
                className={classes.highlight}
                d={geometry.highlight.d}
                fill={highlightFill ?? 'none'}
                data-highlight={geometry.highlight.teryt}
              />
            )}
            {hoverShape && <path className={classes.hoverOutline} d={hoverShape.d} />}
          </svg>
          {interactive && (
            <div ref={tooltipRef} className={classes.tooltip} hidden={!hover} aria-hidden>
              {hover && (
                <>
                  <strong>{hover.name}</strong> · {hover.teryt}
                </>
              )}
            </div>
          )}
        </>
      )}
      {(caption || legend) && (
        <figcaption>
          <Stack gap={6} mt="xs">
            {legend && <MapLegend legend={legend} />}
            {caption && (
              <Text size="sm" c="dimmed">
                {caption}
              </Text>
            )}
          </Stack>
        </figcaption>
      )}
    </figure>
  );
}
