import type { ReactNode } from "react";

/**
 * A wide table's own scrolling region: the page reflows at 320 px (WCAG 1.4.10) while the table
 * scrolls sideways inside this box, which keyboard users can focus to scroll (WCAG 2.1.1). It is a
 * named group (not a landmark region: a page with many tables would drown its landmarks), named by
 * the element `labelledBy` points at, usually the table's caption.
 */
export function ScrollRegion({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="group" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
