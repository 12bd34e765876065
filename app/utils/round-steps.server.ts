import { z } from "zod";
import type { Permission } from "~/auth/policy";
import type { CurrentUser } from "~/auth/session.server";
import { STEP_PERMISSION, STEPS, type Step } from "~/components/round/steps";
import { sv, translate, type Locale, type MessageKey } from "~/i18n/messages";
import type { RoundEvent } from "../../engine/workflow";

/** The step a round form posts, from the URL (`?step=`); anything else is a 400 before any work. */
export function stepOf(request: Request): Step {
  const parsed = z.enum(STEPS).safeParse(new URL(request.url).searchParams.get("step"));
  if (!parsed.success) throw new Response("Unknown step", { status: 400 });
  return parsed.data;
}

/**
 * The permission the step's action needs (app/auth/policy.ts). A post without a valid step needs
 * "rounds.prepare" to get as far as being told it is malformed (400).
 */
export function stepPermission(request: Request): Permission {
  const parsed = z.enum(STEPS).safeParse(new URL(request.url).searchParams.get("step"));
  return parsed.success ? STEP_PERMISSION[parsed.data] : "rounds.prepare";
}

const text = (max: number) => z.string().trim().max(max);
const year = z
  .string()
  .trim()
  .regex(/^\d{4}$/, "scope.yearInvalid");
const VersionSchema = z.coerce.number().int().min(1);

const ScopeForm = z.object({
  areas: z.array(z.string().min(1).max(50)).min(1, "scope.areasRequired").max(200),
  groups: z.array(z.string().min(1).max(50)).min(1, "scope.groupsRequired").max(200),
  from: year,
  to: year,
  budget: z.coerce
    .number("scope.budgetInvalid")
    .positive("scope.budgetInvalid")
    .max(1e13, "scope.budgetInvalid"),
});
const NeedsForm = z.object({ profileRefs: z.array(z.string().max(100)).max(1000), note: text(5000) });
const CandidatesForm = z.object({
  candidateIds: z.array(z.string().min(1).max(100)).min(1, "candidates.required").max(500),
});
const RulesForm = z.object({ ruleSet: z.string().min(1).max(100) });
const OverrideForm = z.object({
  candidateId: z.string().min(1).max(100),
  rule: z.string().min(1).max(200),
  reason: text(5000).min(1, "override.reasonRequired"),
});
const ScenarioForm = z.object({
  primary: z.string().min(1, "scenario.primaryRequired").max(100),
  sensitivity: z.array(z.string().min(1).max(100)).max(20),
});
const PortfolioForm = z.object({
  selected: z.array(z.string().min(1).max(100)).max(500),
  rationale: z.record(z.string(), text(5000)),
});
const ReviewForm = z.object({
  intent: z.enum(["comment", "approve", "dissent", "return"]),
  text: text(5000),
});
const PublishForm = z.object({ summary: text(10000).min(1, "publish.summaryRequired") });
const FollowupForm = z.object({
  note: text(5000),
  rows: z.array(
    z.object({
      candidateId: z.string().min(1).max(100),
      expectedChange: z.coerce.number().refine(Number.isFinite),
      measured: z.union([z.literal(""), z.coerce.number("followup.numberInvalid").refine(Number.isFinite)]),
      u: z.union([z.literal(""), z.coerce.number("followup.numberInvalid").min(0, "followup.numberInvalid")]),
    }),
  ),
});

/** What a step's form asks of the round: an event for the machine, or a special action. */
export type StepRequest =
  { kind: "event"; event: RoundEvent } | { kind: "rules"; ruleSetId: string } | { kind: "analyse" };

export type ParsedStep =
  | { ok: true; request: StepRequest; expectedVersion: number }
  | { ok: false; fieldErrors: Record<string, string> };

function fieldErrors(error: z.ZodError, locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    out[key] ??=
      issue.message in sv
        ? translate(locale, issue.message as MessageKey)
        : translate(locale, "round.fieldErrors");
  }
  return out;
}

/**
 * Parse a round form into the machine event it sends (or the server-side job it starts). The actor
 * is the signed-in user in their role; the time is the server's.
 */
export function parseStepForm(
  step: Step,
  form: FormData,
  user: CurrentUser,
  locale: Locale,
  now: string,
): ParsedStep {
  const version = VersionSchema.safeParse(form.get("version"));
  if (!version.success) return { ok: false, fieldErrors: { form: translate(locale, "round.fieldErrors") } };
  const base = { actor: { userId: user.id, role: user.role }, at: now };
  const ok = (request: StepRequest): ParsedStep => ({ ok: true, request, expectedVersion: version.data });
  const one = (name: string) => form.get(name) ?? "";
  const all = (name: string) => form.getAll(name).filter((v): v is string => typeof v === "string");
  switch (step) {
    case "scope": {
      const r = ScopeForm.safeParse({
        areas: all("areas"),
        groups: all("groups"),
        from: one("from"),
        to: one("to"),
        budget: one("budget"),
      });
      if (!r.success) return { ok: false, fieldErrors: fieldErrors(r.error, locale) };
      const { areas, groups, from, to, budget } = r.data;
      return ok({
        kind: "event",
        event: { type: "scope.submitted", ...base, scope: { areas, groups, period: { from, to }, budget } },
      });
    }
    case "needs": {
      const r = NeedsForm.safeParse({ profileRefs: all("profileRefs"), note: one("note") });
      if (!r.success) return { ok: false, fieldErrors: fieldErrors(r.error, locale) };
      return ok({ kind: "event", event: { type: "needs.reviewed", ...base, ...r.data } });
    }
    case "candidates": {
      const r = CandidatesForm.safeParse({ candidateIds: all("candidateIds") });
      if (!r.success) return { ok: false, fieldErrors: fieldErrors(r.error, locale) };
      return ok({ kind: "event", event: { type: "candidates.chosen", ...base, ...r.data } });
    }
    case "rules": {
      const r = RulesForm.safeParse({ ruleSet: one("ruleSet") });
      if (!r.success) return { ok: false, fieldErrors: fieldErrors(r.error, locale) };
      return ok({ kind: "rules", ruleSetId: r.data.ruleSet });
    }
    case "override": {
      const r = OverrideForm.safeParse({
        candidateId: one("candidateId"),
        rule: one("rule"),
        reason: one("reason"),
      });
      if (!r.success) return { ok: false, fieldErrors: fieldErrors(r.error, locale) };
      const { candidateId, rule, reason } = r.data;
      return ok({ kind: "event", event: { type: "rule.overridden", ...base, candidateId, rule, reason } });
    }
    case "scenario": {
      const r = ScenarioForm.safeParse({ primary: one("primary"), sensitivity: all("sensitivity") });
      if (!r.success) return { ok: false, fieldErrors: fieldErrors(r.error, locale) };
      const sensitivity = r.data.sensitivity.filter((s) => s !== r.data.primary);
      return ok({
        kind: "event",
        event: { type: "scenario.chosen", ...base, primary: r.data.primary, sensitivity },
      });
    }
    case "analyse":
      return ok({ kind: "analyse" });
    case "portfolio": {
      const rationale: Record<string, string> = {};
      for (const [key, value] of form.entries()) {
        if (key.startsWith("rationale.") && typeof value === "string") rationale[key.slice(10)] = value;
      }
      const r = PortfolioForm.safeParse({ selected: all("selected"), rationale });
      if (!r.success) return { ok: false, fieldErrors: fieldErrors(r.error, locale) };
      const missing = Object.entries(r.data.rationale).filter(([, v]) => v === "");
      if (missing.length > 0) {
        return {
          ok: false,
          fieldErrors: Object.fromEntries(
            missing.map(([id]) => [`rationale.${id}`, translate(locale, "portfolio.rationaleRequired")]),
          ),
        };
      }
      return ok({ kind: "event", event: { type: "portfolio.proposed", ...base, ...r.data } });
    }
    case "submit":
      return ok({ kind: "event", event: { type: "portfolio.submitted", ...base } });
    case "review": {
      const r = ReviewForm.safeParse({ intent: one("intent"), text: one("text") });
      if (!r.success) return { ok: false, fieldErrors: fieldErrors(r.error, locale) };
      const { intent, text: body } = r.data;
      if (intent !== "approve" && body === "") {
        return { ok: false, fieldErrors: { text: translate(locale, "review.textRequired") } };
      }
      const reason = body === "" ? undefined : body;
      const event: RoundEvent =
        intent === "comment"
          ? { type: "committee.commented", ...base, comment: body }
          : intent === "approve"
            ? { type: "committee.approved", ...base, ...(reason ? { reason } : {}) }
            : intent === "dissent"
              ? { type: "committee.dissented", ...base, reason: body }
              : { type: "committee.returned", ...base, comments: [body], reason: body };
      return ok({ kind: "event", event });
    }
    case "publish": {
      const r = PublishForm.safeParse({ summary: one("summary") });
      if (!r.success) return { ok: false, fieldErrors: fieldErrors(r.error, locale) };
      return ok({ kind: "event", event: { type: "decision.published", ...base, summary: r.data.summary } });
    }
    case "followup": {
      const ids = all("candidateId");
      const rows = ids.map((candidateId, i) => ({
        candidateId,
        expectedChange: all("expectedChange")[i] ?? "",
        measured: all("measured")[i] ?? "",
        u: all("u")[i] ?? "",
      }));
      const r = FollowupForm.safeParse({ note: one("note"), rows });
      if (!r.success) return { ok: false, fieldErrors: fieldErrors(r.error, locale) };
      const measurements = r.data.rows
        .filter((row) => row.measured !== "" && row.u !== "")
        .map((row) => ({
          candidateId: row.candidateId,
          dimension: "welfare",
          expectedChange: row.expectedChange,
          measuredChange: Number(row.measured),
          u: Number(row.u),
        }));
      return ok({
        kind: "event",
        event: { type: "followup.recorded", ...base, note: r.data.note, measurements },
      });
    }
  }
}
