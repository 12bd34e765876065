import type { RoundState } from "../../../engine/workflow/round-machine";
import { useT } from "~/i18n/use-t";
import { STATES } from "./steps";

/** The round machine's states as an ordered list; the current one carries aria-current="step". */
export function RoundStepper({ state }: { state: RoundState }) {
  const t = useT();
  const current = STATES.indexOf(state);
  return (
    <nav aria-label={t("round.stepper")} className="round-stepper">
      <ol>
        {STATES.map((s, i) => (
          <li
            key={s}
            aria-current={i === current ? "step" : undefined}
            className={i < current ? "done" : i === current ? "current" : "todo"}
          >
            <span className="step-label">{t(`state.${s}`)}</span>
            {i < current ? <span className="visually-hidden"> ({t("round.stepDone")})</span> : null}
          </li>
        ))}
      </ol>
    </nav>
  );
}
