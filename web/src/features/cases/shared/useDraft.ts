import { useCallback, useEffect, useRef, useState } from 'react';
import { useMe } from '../../auth/useMe';

const PREFIX = 'kooperacja.draft';

/** What is kept of a form that was not saved yet. */
export interface StoredDraft<T> {
  values: T;
  /** The version of the record the edit started from (edits of existing records). */
  version?: number;
  /** ISO time of the last change. */
  savedAt: string;
}

export const draftKey = (userId: string, form: string, recordId: string) =>
  `${PREFIX}:${userId}:${form}:${recordId}`;

function storage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

export function readDraft<T>(key: string): StoredDraft<T> | null {
  try {
    const text = storage()?.getItem(key);
    if (!text) return null;
    const draft = JSON.parse(text) as StoredDraft<T>;
    return draft && typeof draft === 'object' && 'values' in draft ? draft : null;
  } catch {
    return null;
  }
}

function writeDraft<T>(key: string, draft: StoredDraft<T>) {
  try {
    storage()?.setItem(key, JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the form still works, only without a draft.
  }
}

function removeDraft(key: string) {
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing to do.
  }
}

/** Forgets every draft (of one user, or of everybody): e.g. on an explicit log-out. */
export function clearAllDrafts(userId?: string) {
  const s = storage();
  if (!s) return;
  const prefix = userId ? `${PREFIX}:${userId}:` : `${PREFIX}:`;
  const keys: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const k = s.key(i);
    if (k?.startsWith(prefix)) keys.push(k);
  }
  for (const k of keys) s.removeItem(k);
}

export interface UseDraftOptions<T> {
  /** Which form: 'person', 'case', … */
  form: string;
  /** The record edited, or 'new' (add what makes a new record distinct, e.g. 'new:<personId>'). */
  recordId: string;
  /** The form's current values. */
  values: T;
  /** Whether the values differ from what was loaded; only then is a draft kept. */
  dirty: boolean;
  /** Receives the stored draft once, when the form opens and a draft exists. */
  onRestore: (draft: StoredDraft<T>) => void;
  /** False while the form is not ready (the record is still loading, no user yet). */
  enabled?: boolean;
  /** The version of the record the form was loaded with, stored with the draft. */
  version?: number;
  /** Milliseconds of quiet before writing. */
  delay?: number;
}

/**
 * Keeps the unsaved values of a form in sessionStorage (keyed by user, form and record) while the
 * user types, and offers them back when the form opens again — after a session time-out and a new
 * log-in nothing typed is lost. The storage lives only as long as the browser tab; call `clear()`
 * once the record is saved.
 */
export function useDraft<T>({
  form,
  recordId,
  values,
  dirty,
  onRestore,
  enabled = true,
  version,
  delay = 400,
}: UseDraftOptions<T>) {
  const { me } = useMe();
  const userId = me?.user.id;
  const key = userId ? draftKey(userId, form, recordId) : null;
  const active = enabled && key !== null;
  const [restored, setRestored] = useState<StoredDraft<T> | null>(null);
  const checkedKey = useRef<string | null>(null);
  const pending = useRef<{ key: string; draft: StoredDraft<T> } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const restoreRef = useRef(onRestore);
  restoreRef.current = onRestore;

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (pending.current) writeDraft(pending.current.key, pending.current.draft);
    pending.current = null;
  }, []);

  // Offer the stored draft once per form and record.
  useEffect(() => {
    if (!active || !key || checkedKey.current === key) return;
    checkedKey.current = key;
    const draft = readDraft<T>(key);
    if (draft) {
      setRestored(draft);
      restoreRef.current(draft);
    } else {
      setRestored(null);
    }
  }, [active, key]);

  // Keep the values while typing (debounced); forget them when the form is back to what was loaded.
  useEffect(() => {
    if (!active || !key || checkedKey.current !== key) return;
    if (!dirty) {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      pending.current = null;
      removeDraft(key);
      return;
    }
    pending.current = { key, draft: { values, version, savedAt: new Date().toISOString() } };
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(flush, delay);
  }, [active, key, values, dirty, version, delay, flush]);

  // Leaving the page (a time-out sends the browser to the login page) writes what is pending.
  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  /** Forgets the draft (after saving, or when the user discards it). */
  const clear = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
    if (key) removeDraft(key);
    setRestored(null);
  }, [key]);

  /** Hides the "restored" notice but keeps the draft. */
  const dismiss = useCallback(() => setRestored(null), []);

  return { restored, clear, dismiss };
}
