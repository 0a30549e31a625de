import { fireEvent, screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import type { Topology } from 'topojson-specification';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { buildMapGeometry } from './boundaries';
import { fillByGminaKind, gminaKindColors } from './mapPalettes';
import { PolandMap } from './PolandMap';

// Counter-clockwise rings (RFC 7946 style): the map must rewind them for d3-geo.
const square = (x: number, y: number) => [
  [x, y],
  [x + 1, y],
  [x + 1, y + 1],
  [x, y + 1],
  [x, y],
];

const topology = {
  type: 'Topology',
  arcs: [square(19, 50), square(21, 50), square(19, 52)],
  objects: {
    wojewodztwa: {
      type: 'GeometryCollection',
      geometries: [
        {
          type: 'Polygon',
          arcs: [[0]],
          id: '12',
          properties: { teryt: '12', name: 'małopolskie' },
        },
      ],
    },
    gminy: {
      type: 'GeometryCollection',
      geometries: [
        {
          type: 'Polygon',
          arcs: [[0]],
          id: '1216123',
          properties: { teryt: '1216123', name: 'Żabno', typ: '3' },
        },
        {
          type: 'Polygon',
          arcs: [[1]],
          id: '1263011',
          properties: { teryt: '1263011', name: 'Tarnów', typ: '1' },
        },
        {
          type: 'Polygon',
          arcs: [[2]],
          id: '0201022',
          properties: { teryt: '0201022', name: 'Gromadka', typ: '2' },
        },
      ],
    },
  },
} as unknown as Topology;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('buildMapGeometry', () => {
  it('fits the units into the viewBox (rewinding counter-clockwise rings)', () => {
    const g = buildMapGeometry(topology, 'gmina');
    expect(g.shapes.map((s) => s.teryt)).toEqual(['1216123', '1263011', '0201022']);
    expect(g.height).toBeGreaterThan(100);
    expect(g.height).toBeLessThan(2000);
    for (const s of g.shapes) expect(s.d).toMatch(/^M[\d.]+,[\d.]+/);
  });

  it('restricts to a województwo and outlines a highlighted unit of another level', () => {
    const g = buildMapGeometry(topology, 'gmina', '12', '12');
    expect(g.shapes).toHaveLength(2);
    expect(g.highlight?.teryt).toBe('12');
  });
});

describe('PolandMap', () => {
  it('draws one path per unit with the given fill, legend and accessible name', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(topology)),
    );
    renderWithProviders(
      <Routes>
        <Route
          path="/"
          element={
            <PolandMap
              level="gmina"
              label="Mapa Polski: gminy"
              fill={fillByGminaKind}
              legend={{
                title: 'Rodzaj gminy',
                items: [{ color: gminaKindColors.gmina_miejska, label: 'gmina miejska' }],
              }}
              caption="Podpis mapy"
            />
          }
        />
        <Route path="/terytoria/:teryt" element={<p>Strona jednostki</p>} />
      </Routes>,
    );

    expect(screen.getByText('Wczytywanie mapy…')).toBeInTheDocument();
    const svg = await screen.findByTestId('poland-map');
    expect(svg).toHaveAttribute('role', 'img');
    expect(svg).toHaveAccessibleName('Mapa Polski: gminy');
    const paths = svg.querySelectorAll('path[data-teryt]');
    expect(paths).toHaveLength(3);
    expect(svg.querySelector('[data-teryt="1263011"]')).toHaveAttribute(
      'fill',
      gminaKindColors.gmina_miejska,
    );
    expect(svg.querySelector('[data-teryt="1216123"]')).toHaveAttribute(
      'fill',
      gminaKindColors.gmina_miejsko_wiejska,
    );
    expect(screen.getByText('Rodzaj gminy')).toBeInTheDocument();
    expect(screen.getByText('Podpis mapy')).toBeInTheDocument();

    fireEvent.pointerMove(paths[0] as Element);
    expect(await screen.findByText('Żabno')).toBeInTheDocument();

    fireEvent.click(paths[1] as Element);
    expect(await screen.findByText('Strona jednostki')).toBeInTheDocument();
  });
});
