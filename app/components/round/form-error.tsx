import { useT } from "~/i18n/use-t";

/** The form-level message of a refused step (status 400/409), announced to screen readers; focus goes to it. */
export function FormError({ message, id }: { message: string | undefined; id: string }) {
  const t = useT();
  if (!message) return null;
  return (
    <div id={id} className="form-error" role="alert" tabIndex={-1}>
      <strong>{t("round.formError")}:</strong> {message}
    </div>
  );
}

/** A field's message, referenced from the field by aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      {message}
    </p>
  );
}

type InputProps = Omit<React.InputHTMLAttributes<HTMLInputElement>, "id" | "name">;
type TextareaProps = Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name">;

/** A labelled input with its field message wired up through aria-invalid and aria-describedby. */
export function LabelledInput({
  id,
  name,
  label,
  error,
  as = "span",
  ...rest
}: { id: string; name: string; label: string; error?: string; as?: "span" | "p" } & InputProps) {
  const Wrapper = as;
  return (
    <Wrapper>
      <label htmlFor={id}>{label}</label>
      <br />
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...rest}
      />
      <FieldError id={`${id}-error`} message={error} />
    </Wrapper>
  );
}

/** A labelled textarea with its field message wired up through aria-invalid and aria-describedby. */
export function LabelledTextarea({
  id,
  name,
  label,
  error,
  ...rest
}: { id: string; name: string; label: string; error?: string } & TextareaProps) {
  return (
    <p>
      <label htmlFor={id}>{label}</label>
      <br />
      <textarea
        id={id}
        name={name}
        rows={3}
        cols={60}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...rest}
      />
      <FieldError id={`${id}-error`} message={error} />
    </p>
  );
}
