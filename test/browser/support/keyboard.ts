import type { Page } from "playwright-core";

// Keyboard-only helpers of the browser tests (issue 5 point 4; WCAG 2.1.1, 2.4.3, 2.4.7): move with Tab or
// Shift+Tab until the wanted control has focus, recording every stop passed that shows no focus indicator.

export interface Focused {
  tag: string;
  id: string;
  name: string;
  text: string;
  type: string;
  visible: boolean;
}

/** What has focus, and whether it draws an outline or a box shadow (the focus indicator). */
export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body)
      return { tag: "body", id: "", name: "", text: "", type: "", visible: false };
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
    const shadow = s.boxShadow !== "none" && s.boxShadow !== "";
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      name: el.getAttribute("name") ?? "",
      text: (el.textContent ?? "").trim(),
      type: el.getAttribute("type") ?? "",
      visible: outline || shadow,
    };
  });
}

export const byId = (id: string) => (f: Focused) => f.id === id;
/** A control by its tag and its whole visible text, e.g. `byText("button", "Spara")`. */
export const byText = (tag: string, text: string) => (f: Focused) => f.tag === tag && f.text === text;

export interface KeyboardWalk {
  /** Press Tab (Shift+Tab when `back`) until the focused element satisfies `want`; returns it. */
  tabTo: (want: (f: Focused) => boolean, back?: boolean) => Promise<Focused>;
  /** Focus stops passed so far. */
  readonly checked: number;
  /** The stops passed that had no visible focus indicator, one line each (page, element, text). */
  readonly invisible: readonly string[];
}

/** A walk through `page` with the keyboard that checks the focus indicator of every stop it passes. */
export function keyboardWalk(page: Page, maxStops = 200): KeyboardWalk {
  const invisible: string[] = [];
  let checked = 0;
  return {
    async tabTo(want, back = false) {
      for (let i = 0; i < maxStops; i++) {
        await page.keyboard.press(back ? "Shift+Tab" : "Tab");
        const f = await focused(page);
        // Tab past the last stop leaves the page for the browser's own UI (activeElement is <body>)
        if (f.tag !== "body") {
          checked++;
          if (!f.visible)
            invisible.push(`${page.url()} ${f.tag}#${f.id}[name=${f.name}] "${f.text.slice(0, 40)}"`);
        }
        if (want(f)) return f;
      }
      throw new Error(`no such focus stop within ${maxStops} stops on ${page.url()}`);
    },
    get checked() {
      return checked;
    },
    get invisible() {
      return invisible;
    },
  };
}

/**
 * Wait until React has hydrated the page just loaded, so that a key pressed next goes to the app and not to
 * the page without JavaScript (a form would then post natively and reload the whole page).
 */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const main = document.getElementById("main");
    return main !== null && Object.keys(main).some((k) => k.startsWith("__reactFiber$"));
  });
  // <main> is tagged while React renders; the commit follows within the next frames
  await page.evaluate(
    () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
  );
}
