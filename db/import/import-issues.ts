import { InputError } from "./input-error";

/** One reason a row (or the header) of an import file was refused. */
export interface ImportIssue {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  /** The column the problem is in, or "" when it concerns the whole row. */
  column: string;
  /** The offending cell as it was written (truncated to 80 characters). */
  value: string;
  reason: string;
}

/** How many issues an import keeps in full; beyond this it only counts them. */
export const MAX_REPORTED_ISSUES = 1000;

/** Collects every issue of a file, keeping the first {@link MAX_REPORTED_ISSUES} and counting all. */
export class IssueCollector {
  readonly issues: ImportIssue[] = [];
  count = 0;
  readonly #badLines = new Set<number>();

  constructor(readonly cap = MAX_REPORTED_ISSUES) {}

  add(line: number, column: string, value: string | undefined, reason: string): void {
    this.count++;
    this.#badLines.add(line);
    if (this.issues.length < this.cap) {
      const v = value ?? "";
      // A flat copy: a slice would keep the whole chunk of the file it came from in memory.
      const kept = JSON.parse(JSON.stringify(v.length > 80 ? v.slice(0, 77) + "..." : v)) as string;
      this.issues.push({ line, column: JSON.parse(JSON.stringify(column)) as string, value: kept, reason });
    }
  }

  /** Number of distinct lines with at least one issue. */
  get badRows(): number {
    return this.#badLines.size;
  }

  get empty(): boolean {
    return this.count === 0;
  }
}

/**
 * An import refused as a whole: nothing was written. Carries every issue (up to the cap) so a
 * caller can show them as a table; the message is the one line the CLI prints.
 */
export class ImportRejectedError extends InputError {
  constructor(
    readonly file: string,
    readonly issues: readonly ImportIssue[],
    readonly issueCount: number,
    readonly badRows: number,
  ) {
    const shown = issues
      .map(
        (i) =>
          `line ${i.line}${i.column ? `, column "${i.column}"` : ""}${i.value ? `, value "${i.value}"` : ""}: ${i.reason}`,
      )
      .join("; ");
    const more = issueCount > issues.length ? `; … and ${issueCount - issues.length} more` : "";
    super(`${file}: ${badRows} bad row(s), ${issueCount} issue(s), nothing imported: ${shown}${more}`);
  }
}

/** Throw an {@link ImportRejectedError} when the collector holds any issue. */
export function rejectIfIssues(file: string, issues: IssueCollector): void {
  if (!issues.empty) throw new ImportRejectedError(file, issues.issues, issues.count, issues.badRows);
}
