import { Group, Text } from '@mantine/core';
import classes from './PolandMap.module.css';

export interface MapLegendItem {
  color: string;
  label: string;
  /** Optional count shown after the label. */
  value?: string;
}

export interface MapLegendData {
  title: string;
  items: MapLegendItem[];
}

/** The map legend as real text (a list), so it is read by screen readers and visible in print. */
export function MapLegend({ legend }: { legend: MapLegendData }) {
  return (
    <div>
      <Text size="sm" fw={600} component="p" m={0}>
        {legend.title}
      </Text>
      <ul className={classes.legend}>
        {legend.items.map((item) => (
          <li key={item.label}>
            <Group gap={6} wrap="nowrap">
              <span className={classes.swatch} style={{ backgroundColor: item.color }} aria-hidden />
              <Text size="sm" span>
                {item.label}
                {item.value !== undefined && (
                  <Text span c="dimmed" size="sm">
                    {' '}
                    ({item.value})
                  </Text>
                )}
              </Text>
            </Group>
          </li>
        ))}
      </ul>
    </div>
  );
}
