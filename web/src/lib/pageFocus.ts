/**
 * After a client-side navigation focus moves to the new page's h1. A page that first renders a
 * loading h1 replaces it with the real one; the replacement takes the focus over while a navigation
 * is recent and focus has fallen back to the document body (the focused h1 was removed).
 */
export const pageFocus = { until: 0 };

export function markNavigation(): void {
  pageFocus.until = Date.now() + 5000;
}

export function shouldTakeFocus(): boolean {
  const active = document.activeElement;
  return Date.now() < pageFocus.until && (active === null || active === document.body);
}
