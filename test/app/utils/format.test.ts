import { describe, expect, it } from "vitest";
import { formatFixed, formatInterval, formatNumber } from "~/utils/format";

describe("formatNumber", () => {
  it("prints negative zero without a sign", () => {
    expect(formatNumber("sv", -0, 3)).toBe("0,000");
    expect(formatNumber("en", -0, 3)).toBe("0.000");
  });

  it("prints a negative value that rounds to zero at the shown precision without a sign", () => {
    expect(formatNumber("sv", -0.00004, 3)).toBe("0,000");
    expect(formatNumber("sv", -0.00004, 4)).toBe("0,0000");
    expect(formatNumber("en", -0.00004, 3)).toBe("0.000");
    expect(formatNumber("en", -0.00004, 4)).toBe("0.0000");
    expect(formatNumber("sv", -0.4, 0)).toBe("0");
  });

  it("keeps the sign of a negative value that does not round to zero", () => {
    expect(formatNumber("sv", -0.0006, 3)).toBe("−0,001");
    expect(formatNumber("en", -0.0006, 3)).toBe("-0.001");
    expect(formatNumber("sv", -0.00004, 5)).toBe("−0,00004");
    expect(formatNumber("sv", -2.5, 1)).toBe("−2,5");
  });

  it("leaves positive values and zero unchanged", () => {
    expect(formatNumber("sv", 0, 2)).toBe("0,00");
    expect(formatNumber("sv", 0.00004, 4)).toBe("0,0000");
    expect(formatNumber("sv", 0.0006, 3)).toBe("0,001");
    expect(formatNumber("en", 12.345, 1)).toBe("12.3");
    expect(formatNumber("sv", 12.36, 1)).toBe("12,4");
  });

  it("still prints what is not a number", () => {
    expect(formatNumber("en", Number.NaN, 2)).toBe("NaN");
  });
});

describe("formatInterval", () => {
  it("prints interval ends that round to zero without a sign", () => {
    expect(formatInterval("sv", -0.00004, 0.0123, 3)).toBe("[0,000; 0,012]");
    expect(formatInterval("en", -0.0006, -0, 3)).toBe("[-0.001; 0.000]");
  });
});

describe("formatFixed", () => {
  it("prints ASCII decimals and drops the sign of a value that rounds to zero", () => {
    expect(formatFixed(-0, 4)).toBe("0.0000");
    expect(formatFixed(-0.00004, 4)).toBe("0.0000");
    expect(formatFixed(-0.00004, 3)).toBe("0.000");
    expect(formatFixed(-0.0006, 3)).toBe("-0.001");
    expect(formatFixed(1.25, 1)).toBe("1.3");
    expect(formatFixed(1234, 0)).toBe("1234");
    expect(formatFixed(Number.POSITIVE_INFINITY)).toBe("Infinity");
  });
});
