import type { CaseStatus } from '@kooperacja/domain';
import { Badge } from '@mantine/core';
import { badgeColors } from '../../admin/badgeColors';
import { useCaseLabels } from '../shared/casesDictionaries';

/** The case's status in words; a closed case is shown in an outline badge. */
export function CaseStatusBadge({ status, size = 'lg' }: { status: CaseStatus; size?: 'sm' | 'md' | 'lg' }) {
  const labels = useCaseLabels();
  const text = labels.label('statuses', status);
  if (status === 'zamknieta') {
    return (
      <Badge
        size={size}
        variant="outline"
        color={badgeColors.neutral}
        style={{ color: badgeColors.neutral }}
        tt="none"
        miw="max-content"
      >
        {text}
      </Badge>
    );
  }
  return (
    <Badge size={size} variant="filled" color="kooperacja.7" tt="none" miw="max-content">
      {text}
    </Badge>
  );
}
