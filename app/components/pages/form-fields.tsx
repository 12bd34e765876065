import type { ReactNode } from "react";
import { useT } from "~/i18n/use-t";

/** Field name → message already in the user's language. */
export type FieldErrors = Record<string, string>;

/** A DOM id for a field name such as `effects[0].change.sd`. */
export function fieldId(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

/** The ARIA attributes of a field that may carry an error (`aria-describedby` points at the message). */
export function errorProps(name: string, errors: FieldErrors | undefined, describedBy?: string) {
  const message = errors?.[name];
  const ids = [message ? `${fieldId(name)}-error` : null, describedBy ?? null].filter(Boolean);
  return {
    id: fieldId(name),
    name,
    "aria-invalid": message ? (true as const) : undefined,
    "aria-describedby": ids.length > 0 ? ids.join(" ") : undefined,
  };
}

/** A field's message, referenced from the field by aria-describedby. */
export function FieldError({ name, errors }: { name: string; errors: FieldErrors | undefined }) {
  const message = errors?.[name];
  if (!message) return null;
  return (
    <span id={`${fieldId(name)}-error`} className="field-error block">
      {message}
    </span>
  );
}

/** The summary at the top of a refused form, announced to screen readers, linking to each field. */
export function ErrorSummary({
  errors,
  formError,
  children,
}: {
  errors: FieldErrors | undefined;
  formError?: string | undefined;
  children?: ReactNode;
}) {
  const t = useT();
  const entries = Object.entries(errors ?? {});
  if (entries.length === 0 && !formError && !children) return null;
  return (
    <div className="form-error" role="alert" tabIndex={-1}>
      {formError ? <p>{formError}</p> : null}
      {entries.length > 0 ? (
        <>
          <p>{t("pages.formErrors")}</p>
          <ul>
            {entries.map(([name, message]) => (
              <li key={name}>
                <a href={`#${fieldId(name)}`}>{message}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {children}
    </div>
  );
}
