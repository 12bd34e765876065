// The messages between the server and its analysis worker thread (bin/analysis-worker.js), checked
// with zod on both sides: structured clone carries any value, so a wrong shape is caught here, at the
// boundary, not deep in a route.
import { z } from "zod";
import { ResultSchema } from "../../engine/decision/result-schema";
import { ChartDataSchema } from "./round-charts.server";

const RequestId = z.number().int().positive();

/** Server → worker: run `analyse` on a `livsval.analysis/1` (and, with `charts`, build the page's chart data). */
export const AnalysisWorkerRequestSchema = z.object({
  type: z.literal("analyse"),
  id: RequestId,
  input: z.unknown(),
  charts: z.boolean(),
});
export type AnalysisWorkerRequest = z.infer<typeof AnalysisWorkerRequestSchema>;

/** Worker → server: how far the run is (the engine's `onProgress`). */
export const AnalysisProgressSchema = z.object({
  type: z.literal("progress"),
  id: RequestId,
  phase: z.string().min(1),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type AnalysisProgress = z.infer<typeof AnalysisProgressSchema>;

/** Worker → server: the result, and the chart data when they were asked for. */
export const AnalysisResultMessageSchema = z.object({
  type: z.literal("result"),
  id: RequestId,
  result: ResultSchema,
  charts: ChartDataSchema.nullable(),
});

/**
 * Worker → server: the run threw. `name` tells an `EngineInputError` (the input's fault, its message
 * meant for a person) from a bug; `stack` is for the server's log only, never for a page.
 */
export const AnalysisErrorMessageSchema = z.object({
  type: z.literal("error"),
  id: z.number().int().nonnegative(),
  name: z.string(),
  message: z.string(),
  stack: z.string().optional(),
});

export const AnalysisWorkerResponseSchema = z.discriminatedUnion("type", [
  AnalysisProgressSchema,
  AnalysisResultMessageSchema,
  AnalysisErrorMessageSchema,
]);
export type AnalysisWorkerResponse = z.infer<typeof AnalysisWorkerResponseSchema>;
