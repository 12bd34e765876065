import { IMPORT_KINDS } from "../db/import/run-import";
import { LONELY_PSU_OPTIONS } from "../engine/measurement/survey/survey-design";

/**
 * Every `livsval` command: what it does and the arguments it takes, in the order README.md's CLI
 * table lists them. `livsval --help` prints them all; `livsval <command> --help` and a command's
 * bad-argument messages print its usage line. Kept apart from the commands so help loads none of them.
 */
export const COMMANDS = {
  setup: {
    does: "migrate the database to the latest schema; seed the demo data when it is empty and demo users when it has none",
    args: "[--database URL] [--no-seed]",
  },
  import: {
    does: "validated import with provenance; every bad row reported, nothing written on error; re-import is a no-op",
    args:
      `<file> --kind ${IMPORT_KINDS.join("|")} [--database URL] ` +
      "[--max-bytes N] [--source TEXT] [--licence TEXT] [--retrieved YYYY-MM-DD] [--synthetic] [--note TEXT] [--user ID] " +
      "kolada: [--indicator ID] [--assumed-relative-u R]; oecd-bli: [--location LOC=AREA,…] [--period YYYY] " +
      "[--assumed-relative-u R]; survey: --instrument ID [--label TEXT] [--id COL] [--weight COL] [--strata COL] " +
      "[--cluster COL] [--area COL] [--group COL] [--items A,B,…] [--scale-min N] [--scale-max N]",
  },
  export: {
    does: "stored observations out with provenance; cells with n < 10 suppressed",
    args: "--kind observations [--area ID] [--format json|csv] [--database URL]",
  },
  analyse: {
    does: "livsval.analysis/1 in, livsval.result/1 out",
    args: "<analysis.json> [--draws N] [--seed S] [--no-confidence] [--sensitivity]",
  },
  rasch: {
    does: "Rasch / partial credit calibration (CML), person measures (WLE), fit, reliability",
    args: "<responses.csv> [--model rasch|pcm] [--id COL] [--identification mean-location|erm] [--collapse]",
  },
  survey: {
    does: "design-based means with Taylor-linearised standard errors",
    args:
      "<data.csv> --value COL [--weight COL | --prob COL] [--strata COL] [--cluster COL] " +
      `[--by COL] [--lonely-psu ${LONELY_PSU_OPTIONS.join("|")}] [--min-n N]`,
  },
  inequality: {
    does: "mean, Gini, Atkinson, Theil",
    args: "<data.csv> --value COL [--weight COL] [--epsilon 0.5,1,2] [--below X] [--by COL] [--min-n N]",
  },
  propagate: {
    does: "Monte Carlo propagation of distributions through an expression (JCGM 101)",
    args: "<model.json>",
  },
  audit: {
    does: "check the audit log's hash chain; names any edited, deleted or reordered event (exit 1 if any)",
    args: "verify [--database URL] [--anchor-seq N --anchor-hash HEX]",
  },
  users: {
    does: "list the accounts; add one, give one a new password (printed once), disable or enable one",
    args: "[list | add <username> --role ROLE | password <username> | disable <username> | enable <username>] [--database URL]",
  },
} as const;

export type CommandName = keyof typeof COMMANDS;

/** One command's usage line: "usage: livsval setup [--database URL] [--no-seed]". */
export function commandUsage(name: CommandName): string {
  return `usage: livsval ${name} ${COMMANDS[name].args}`;
}

/** The text of `livsval --help`: every command with what it does and its arguments. */
export function helpText(): string {
  const names = Object.keys(COMMANDS) as CommandName[];
  const width = Math.max(...names.map((n) => n.length));
  const lines = names.flatMap((name) => [
    `  ${name.padEnd(width)}  ${COMMANDS[name].does}`,
    `  ${" ".repeat(width)}  livsval ${name} ${COMMANDS[name].args}`,
  ]);
  return [
    "usage: livsval <command> [args]   (livsval <command> --help: that command's arguments)",
    "JSON goes to stdout, messages to stderr; exit 2 on bad input.",
    "",
    "commands:",
    ...lines,
  ].join("\n");
}
