import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';
import { type BadgeTone, badgeColors } from './badgeColors';

/** A status as text in a badge; the colour only repeats what the text says (WCAG 1.4.1). */
export function StatusBadge({ tone, children }: { tone: BadgeTone; children: ReactNode }) {
  if (tone === 'neutral') {
    return (
      <Badge
        variant="outline"
        color={badgeColors.neutral}
        style={{ color: badgeColors.neutral }}
        tt="none"
        miw="max-content"
      >
        {children}
      </Badge>
    );
  }
  return (
    // Never shortened to "a…" by a narrow table column: the text is the information.
    <Badge variant="filled" color={badgeColors[tone]} tt="none" miw="max-content">
      {children}
    </Badge>
  );
}
