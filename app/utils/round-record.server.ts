import { ROUND_MACHINE_VERSION } from "../../engine/workflow";
import type { Db } from "../../db/schema";
import { loadRoundAnalysis } from "./round-analysis.server";
import { loadInterventions } from "./round-data.server";
import { listRoundAudit, type StoredRound } from "./rounds.server";
import { formatFixed as n } from "./format";

export const DECISION_RECORD_FORMAT = "livsval.decision-record/1";

/**
 * The decision record (beslutsunderlag) of a round: everything recorded by the workflow, the
 * analysis's reproducibility keys (input hash, seed, engine version) and summary, and the audit
 * trail. One builder for the printable page, the JSON and the Markdown export.
 */
export async function buildDecisionRecord(db: Db, round: StoredRound) {
  const c = round.context;
  const labels = new Map((await loadInterventions(db)).map((iv) => [iv.id, iv.label]));
  const label = (id: string) => labels.get(id) ?? id;
  const stored = await loadRoundAnalysis(db, c);
  const users = new Map(
    (await db.selectFrom("users").select(["id", "username"]).execute()).map((u) => [u.id, u.username]),
  );
  const who = (id: string | null) => (id === null ? null : (users.get(id) ?? id));
  const r = stored?.result;
  return {
    format: DECISION_RECORD_FORMAT,
    round: {
      id: round.id,
      title: round.title,
      state: round.state,
      machineVersion: ROUND_MACHINE_VERSION,
      createdAt: round.createdAt,
      createdBy: who(c.createdBy.userId),
      committeeQuorum: c.committeeQuorum,
    },
    scope: c.scope,
    needsReview: c.needsReview
      ? {
          by: who(c.needsReview.by.userId),
          at: c.needsReview.at,
          profiles: c.needsReview.profileRefs,
          note: c.needsReview.note,
        }
      : null,
    candidates: c.candidates.map((id) => ({ id, label: label(id) })),
    ruleSet: c.ruleSet,
    exclusions: c.exclusions.map((x) => {
      const o = c.overrides.find((v) => v.candidateId === x.candidateId && v.rule === x.rule);
      return {
        ...x,
        label: label(x.candidateId),
        override: o ? { by: who(o.by.userId), at: o.at, reason: o.reason } : null,
      };
    }),
    scenario: c.scenario,
    analysis:
      c.analysis && r
        ? {
            inputHash: r.inputHash,
            seed: r.seed,
            engineVersion: r.engineVersion,
            draws: r.draws,
            resultId: c.analysis.ref.resultId ?? null,
            by: who(c.analysis.by.userId),
            at: c.analysis.at,
            scenario: r.scenario,
            baselineWelfare: r.baseline.welfare,
            ranking: r.ranking.map((id, i) => {
              const iv = r.interventions.find((x) => x.id === id)!;
              return {
                rank: i + 1,
                id,
                label: iv.label,
                impact: iv.impact,
                pBest: iv.pBest,
                expectedCost: iv.expectedCost,
              };
            }),
            excluded: r.interventions
              .filter((iv) => iv.status === "excluded")
              .map((iv) => ({ id: iv.id, label: iv.label, reasons: iv.reasons })),
            portfolio: r.portfolio ?? null,
            warnings: r.warnings,
          }
        : null,
    portfolio: c.portfolio
      ? {
          by: who(c.portfolio.by.userId),
          at: c.portfolio.at,
          candidates: c.candidates.map((id) => ({
            id,
            label: label(id),
            selected: c.portfolio!.selected.includes(id),
            rationale: c.portfolio!.rationale[id] ?? "",
          })),
        }
      : null,
    committee: {
      comments: c.committee.comments.map((x) => ({
        by: who(x.by.userId),
        at: x.at,
        text: x.text,
        returned: x.returned,
      })),
      approvals: c.committee.approvals.map((x) => ({ by: who(x.by.userId), at: x.at })),
      dissents: c.committee.dissents.map((x) => ({ by: who(x.by.userId), at: x.at, reason: x.reason })),
      returns: c.committee.returns,
    },
    decision: c.decision
      ? {
          by: who(c.decision.by.userId),
          at: c.decision.at,
          summary: c.decision.summary,
          selected: c.decision.selected.map((id) => ({ id, label: label(id) })),
          approvedBy: c.decision.approvedBy.map(who),
          dissentedBy: c.decision.dissentedBy.map(who),
        }
      : null,
    followUps: c.followUps.map((f) => ({
      by: who(f.by.userId),
      at: f.at,
      note: f.note,
      measurements: f.measurements,
    })),
    audit: await listRoundAudit(db, round.id),
  };
}
export type DecisionRecord = Awaited<ReturnType<typeof buildDecisionRecord>>;

const esc = (s: string) => s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

/** The decision record as Markdown (CommonMark with GFM tables), in English field names. */
export function decisionRecordMarkdown(rec: DecisionRecord): string {
  const out: string[] = [];
  const line = (s = "") => out.push(s);
  line(`# Decision record: ${rec.round.title}`);
  line();
  line(`- Round: \`${rec.round.id}\`, state **${rec.round.state}**, workflow ${rec.round.machineVersion}`);
  line(
    `- Created ${rec.round.createdAt} by ${rec.round.createdBy}; committee quorum ${rec.round.committeeQuorum}`,
  );
  if (rec.analysis) {
    line(`- Input hash (sha256): \`${rec.analysis.inputHash}\``);
    line(
      `- Seed: ${rec.analysis.seed}; draws: ${rec.analysis.draws}; engine version: ${rec.analysis.engineVersion}`,
    );
  }
  line();
  if (rec.scope) {
    line("## Scope");
    line();
    line(
      `Areas ${rec.scope.areas.join(", ")}; groups ${rec.scope.groups.join(", ")}; period ${rec.scope.period.from}–${rec.scope.period.to}; budget SEK ${n(rec.scope.budget, 0)}.`,
    );
    line();
  }
  if (rec.needsReview) {
    line("## Needs reviewed");
    line();
    line(
      `${rec.needsReview.profiles.length} profiles reviewed by ${rec.needsReview.by} (${rec.needsReview.at}). ${rec.needsReview.note}`,
    );
    line();
  }
  if (rec.ruleSet) {
    line(`## Rules: ${rec.ruleSet.id} v${rec.ruleSet.version}`);
    line();
    if (rec.exclusions.length === 0) line("No candidate excluded.");
    for (const x of rec.exclusions) {
      line(
        `- ${x.label}: rule \`${x.rule}\`, ${x.reason}${x.override ? ` — overridden by ${x.override.by}: ${x.override.reason}` : ""}`,
      );
    }
    line();
  }
  if (rec.scenario) {
    line(`## Scenario`);
    line();
    line(`Primary ${rec.scenario.primary}; sensitivity: ${rec.scenario.sensitivity.join(", ") || "none"}.`);
    line();
  }
  if (rec.analysis) {
    line("## Ranking (expected equitable impact ΔW, QoL points per resident, 95 % interval)");
    line();
    line("| rank | intervention | ΔW | 95 % interval | P(best) | expected cost (SEK) |");
    line("| ---: | --- | ---: | --- | ---: | ---: |");
    for (const x of rec.analysis.ranking) {
      line(
        `| ${x.rank} | ${esc(x.label)} | ${n(x.impact.mean, 4)} | [${n(x.impact.interval[0], 4)}, ${n(x.impact.interval[1], 4)}] | ${x.pBest === null ? "–" : n(x.pBest, 3)} | ${n(x.expectedCost, 0)} |`,
      );
    }
    line();
    for (const x of rec.analysis.excluded) line(`- Excluded: ${x.label} (${x.reasons.join("; ")})`);
    if (rec.analysis.excluded.length > 0) line();
  }
  if (rec.portfolio) {
    line("## Proposal and rationale");
    line();
    for (const x of rec.portfolio.candidates)
      line(`- **${x.label}** (${x.selected ? "chosen" : "not chosen"}): ${x.rationale}`);
    line();
  }
  line("## Committee");
  line();
  for (const x of rec.committee.comments)
    line(`- Comment by ${x.by} (${x.at})${x.returned ? ", returned" : ""}: ${x.text}`);
  for (const x of rec.committee.approvals) line(`- Approved by ${x.by} (${x.at})`);
  for (const x of rec.committee.dissents) line(`- Dissent (reservation) by ${x.by} (${x.at}): ${x.reason}`);
  line();
  if (rec.decision) {
    line("## Decision");
    line();
    line(`${rec.decision.summary}`);
    line();
    line(
      `Decided ${rec.decision.at} by ${rec.decision.by}. Interventions: ${rec.decision.selected.map((s) => s.label).join(", ") || "none"}.`,
    );
    line();
  }
  if (rec.followUps.length > 0) {
    line("## Follow-up");
    line();
    for (const f of rec.followUps) {
      line(`- ${f.at} by ${f.by}: ${f.note}`);
      for (const m of f.measurements) {
        line(
          `  - ${m.candidateId ?? m.dimension}: expected ${n(m.expectedChange, 4)}, measured ${n(m.measuredChange, 4)} ± ${n(m.u, 4)}`,
        );
      }
    }
    line();
  }
  line("## Audit trail");
  line();
  line("| seq | time | user | event | from | to | reason |");
  line("| ---: | --- | --- | --- | --- | --- | --- |");
  for (const a of rec.audit) {
    line(
      `| ${a.seq} | ${a.at} | ${a.user ?? ""} | ${a.action} | ${a.from_state ?? ""} | ${a.to_state ?? ""} | ${esc(a.reason ?? "")} |`,
    );
  }
  return out.join("\n") + "\n";
}
