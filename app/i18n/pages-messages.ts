/** UI strings of the data, interventions and scenarios pages (Swedish first; English has the same keys). */
export const pagesSv = {
  "pages.placeholder": "",
} as const;

export const pagesEn: Record<keyof typeof pagesSv, string> = {
  "pages.placeholder": "",
};
