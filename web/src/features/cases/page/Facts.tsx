import { Box, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Fact {
  key: string;
  label: string;
  value: ReactNode;
}

/** Label–value pairs as a description list, in as many columns as fit. */
export function Facts({ items, min = 220 }: { items: Fact[]; min?: number }) {
  return (
    <Box
      component="dl"
      m={0}
      style={{
        display: 'grid',
        gridTemplateColumns: `repeat(auto-fill, minmax(min(${min}px, 100%), 1fr))`,
        gap: 'var(--mantine-spacing-sm) var(--mantine-spacing-lg)',
      }}
    >
      {items.map((f) => (
        <div key={f.key}>
          <Text component="dt" size="sm" c="dimmed" fw={600}>
            {f.label}
          </Text>
          <Box component="dd" m={0} fz="sm">
            {f.value}
          </Box>
        </div>
      ))}
    </Box>
  );
}
