import { useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";

/**
 * Keep keyboard focus in the page across client-side navigations and form submissions (WCAG 2.4.3).
 * When a navigation settles, focus may have fallen to <body>: the focused control was replaced by the
 * next page or round step, or was a submit button that Chromium blurred while it was disabled during the
 * submission (whether it does depends on whether a frame was drawn in between). The next Tab would then start
 * from an arbitrary point. So, unless the user has moved focus meanwhile, focus goes to a refused form's
 * error message, else stays on or returns to the control that had it if it is still there, else to <main>.
 */
export function useFocusAfterNavigation(): void {
  const state = useNavigation().state;
  const previous = useRef(state);
  const lastFocused = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const remember = (e: FocusEvent) => {
      if (e.target instanceof HTMLElement) lastFocused.current = e.target;
    };
    document.addEventListener("focusin", remember);
    return () => document.removeEventListener("focusin", remember);
  }, []);
  useEffect(() => {
    const settled = state === "idle" && previous.current !== "idle";
    previous.current = state;
    if (!settled) return;
    const active = document.activeElement;
    const before = lastFocused.current;
    if (active && active !== document.body && active !== before) return;
    const target =
      document.querySelector<HTMLElement>("main .form-error[tabindex='-1']") ??
      (before?.isConnected && !before.matches(":disabled") ? before : null) ??
      document.getElementById("main");
    if (target && target !== active) target.focus();
  }, [state]);
}
