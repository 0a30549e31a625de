/** A field compared between the user's unsaved version and the one now stored. */
export interface ConflictField<V> {
  key: string;
  label: string;
  /** The field's value as text (dictionary labels, DD.MM.YYYY dates, lists on lines). */
  format: (values: V) => string;
}

export interface ConflictDifference {
  key: string;
  label: string;
  mine: string;
  current: string;
}

/** The fields whose shown value differs between the two versions, in the order given. */
export function diffValues<V>(
  mine: V,
  current: V,
  fields: readonly ConflictField<V>[],
): ConflictDifference[] {
  const out: ConflictDifference[] = [];
  for (const f of fields) {
    const a = f.format(mine);
    const b = f.format(current);
    if (a.trim() !== b.trim()) out.push({ key: f.key, label: f.label, mine: a, current: b });
  }
  return out;
}
