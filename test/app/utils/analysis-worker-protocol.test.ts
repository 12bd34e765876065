import { describe, expect, it } from "vitest";
import { analyse } from "../../../engine/decision/analyse";
import small from "../../../scenarios/examples/small.analysis.json";
import { AnalysisWorkerRequestSchema, AnalysisWorkerResponseSchema } from "~/utils/analysis-worker-protocol";
import { handleAnalysisRequest } from "~/utils/analysis-worker-thread";
import type { AnalysisWorkerResponse } from "~/utils/analysis-worker-protocol";

const request = { type: "analyse", id: 1, input: small, charts: false };

describe("the analysis worker's request schema", () => {
  it("accepts an analyse request with a positive integer id", () => {
    expect(AnalysisWorkerRequestSchema.safeParse(request).success).toBe(true);
  });

  it.each([
    ["id 0", { ...request, id: 0 }],
    ["a fractional id", { ...request, id: 1.5 }],
    ["no id", { type: "analyse", input: small, charts: false }],
    ["another type", { ...request, type: "explain" }],
    ["charts as a string", { ...request, charts: "yes" }],
  ])("refuses %s", (_, value) => {
    expect(AnalysisWorkerRequestSchema.safeParse(value).success).toBe(false);
  });
});

describe("the analysis worker's response schema", () => {
  it("accepts progress, an error without a stack, and a real result", async () => {
    const result = await analyse(small, { draws: 50 });
    for (const m of [
      { type: "progress", id: 3, phase: "impacts", done: 2, total: 4 },
      { type: "error", id: 3, name: "EngineInputError", message: "analyse: draws: must be ≥ 2" },
      { type: "result", id: 3, result, charts: null },
    ])
      expect(AnalysisWorkerResponseSchema.safeParse(m).success, JSON.stringify(m).slice(0, 80)).toBe(true);
  });

  it.each([
    ["negative progress", { type: "progress", id: 3, phase: "impacts", done: -1, total: 4 }],
    ["progress without a phase", { type: "progress", id: 3, phase: "", done: 0, total: 1 }],
    [
      "a result that is not livsval.result/1",
      { type: "result", id: 3, result: { format: "x" }, charts: null },
    ],
    ["a result without charts", { type: "result", id: 3, result: {} }],
    ["an error without a message", { type: "error", id: 3, name: "Error" }],
    ["an unknown type", { type: "log", id: 3, text: "hello" }],
  ])("refuses %s", (_, value) => {
    expect(AnalysisWorkerResponseSchema.safeParse(value).success).toBe(false);
  });
});

describe("handleAnalysisRequest (the worker's side, in this thread)", () => {
  async function answers(raw: unknown): Promise<AnalysisWorkerResponse[]> {
    const out: AnalysisWorkerResponse[] = [];
    await handleAnalysisRequest(raw, (m) => out.push(m));
    for (const m of out) expect(AnalysisWorkerResponseSchema.safeParse(m).success).toBe(true);
    return out;
  }

  it("sends progress, then one result equal to analyse's for the same input and seed", async () => {
    const out = await answers({ ...request, id: 7, input: { ...small, draws: 300 } });
    const last = out.at(-1)!;
    expect(last.type).toBe("result");
    expect(out.slice(0, -1).every((m) => m.type === "progress" && m.id === 7)).toBe(true);
    // one "impacts" step per intervention of the input, the last one done = total
    const impacts = out.filter((m) => m.type === "progress" && m.phase === "impacts");
    expect(impacts.at(-1)).toMatchObject({
      done: small.interventions.length,
      total: small.interventions.length,
    });
    expect(JSON.stringify(last.type === "result" && last.result)).toBe(
      JSON.stringify(await analyse({ ...small, draws: 300 })),
    );
  });

  it("answers a malformed request with an error naming the field, under the request's id", async () => {
    const out = await answers({ type: "analyse", id: 9, input: small, charts: "no" });
    expect(out).toEqual([
      expect.objectContaining({ type: "error", id: 9, name: "AnalysisWorkerProtocolError" }),
    ]);
    expect(out[0]!.type === "error" && out[0]!.message).toMatch(/charts/);
  });

  it("passes an engine input error on by name and message", async () => {
    const out = await answers({ ...request, id: 4, input: { ...small, draws: 1 } });
    const last = out.at(-1)!;
    expect(last).toMatchObject({ type: "error", id: 4, name: "EngineInputError" });
    expect(last.type === "error" && last.message).toMatch(/draws.*≥ 2/);
  });
});
