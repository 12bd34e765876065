/** A CSV cell: quoted when needed (RFC 4180); text a spreadsheet would run as a formula gets a leading
 * apostrophe (OWASP, CSV injection). */
function csvCell(v: string | number | null | boolean): string {
  if (v === null) return "";
  const s = String(v);
  const safe = /^[=+\-@\t\r]/.test(s) && typeof v === "string" ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as RFC 4180 CSV (comma-separated, CRLF line ends), numbers at full precision. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null | boolean)[])[],
): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** A CSV download response that no cache keeps. */
export function csvResponse(body: string, filename: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "no-store",
    },
  });
}
