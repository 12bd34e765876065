/**
 * Bad input a person can fix (a file, a row, a flag, a form field). Shown as one line, never with a
 * stack trace: the CLI prints it on stderr and exits with status 2, the web import shows it on the page.
 */
export class InputError extends Error {
  override readonly name = "InputError";
}
