import { describe, expect, it } from "vitest";
import { proxyNote } from "~/utils/round-data.server";

describe("proxyNote", () => {
  it("names each dimension by its English name with how many groups the area stands in for", () => {
    const names = new Map([
      ["income_wealth", "income and wealth"],
      ["work_job_quality", "work and job quality"],
    ]);
    expect(
      proxyNote(
        [
          ["income_wealth", 10],
          ["work_job_quality", 6],
        ],
        10,
        names,
      ),
    ).toBe(
      "the area's score stands in for groups without their own data: income and wealth (10 of 10 groups), work and job quality (6 of 10 groups)",
    );
  });

  it("falls back to the id of a dimension it has no name for", () => {
    expect(proxyNote([["new_dimension", 1]], 4, new Map())).toContain("new_dimension (1 of 4 groups)");
  });
});
