import { EngineInputError } from "../../errors";

/**
 * The expanded-uncertainty interval y ± k·u with coverage factor k = 2 (JCGM 100 §6.2–6.3):
 * about 95 % coverage when the output is approximately normal (§G.1.3; exactly 95.45 %).
 *
 * @param value - the estimate y
 * @param u - its standard uncertainty, ≥ 0
 * @returns [y − 2u, y + 2u]
 * @throws EngineInputError when value is not finite or u is not a finite number ≥ 0
 */
export function coverage95(value: number, u: number): [number, number] {
  if (!Number.isFinite(value)) throw new EngineInputError("coverage95", "value must be a finite number");
  if (!(Number.isFinite(u) && u >= 0))
    throw new EngineInputError("coverage95", "u must be a finite number ≥ 0");
  return [value - 2 * u, value + 2 * u];
}
