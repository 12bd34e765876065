import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { CsrfField } from "~/auth/csrf-field";
import { requirePermission, verifyCsrf } from "~/auth/session.server";
import { FieldError, LabelledInput } from "~/components/round/form-error";
import { getLocale } from "~/i18n/locale.server";
import { translate } from "~/i18n/messages";
import { useT } from "~/i18n/use-t";
import { getDb } from "~/utils/db.server";
import { createStoredRound } from "~/utils/rounds.server";

const NewRoundSchema = z.object({
  title: z.string().trim().min(1, "rounds.new.nameRequired").max(200, "rounds.new.nameRequired"),
  quorum: z.coerce
    .number()
    .int("rounds.new.quorumInvalid")
    .min(1, "rounds.new.quorumInvalid")
    .max(15, "rounds.new.quorumInvalid"),
});

export const meta: MetaFunction = () => [{ title: "Livsval – ny prioriteringsomgång" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "rounds.create");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "rounds.create");
  const formData = await request.formData();
  verifyCsrf(request, formData, user);
  const locale = await getLocale(request);
  const parsed = NewRoundSchema.safeParse({
    title: formData.get("title"),
    quorum: formData.get("quorum") ?? "1",
  });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0]);
      fieldErrors[key] ??= translate(locale, issue.message as Parameters<typeof translate>[1]);
    }
    return data({ fieldErrors }, { status: 400 });
  }
  const id = await createStoredRound(getDb(), {
    title: parsed.data.title,
    actor: { userId: user.id, role: user.role },
    at: new Date().toISOString(),
    committeeQuorum: parsed.data.quorum,
  });
  return redirect(`/rounds/${id}`);
}

export default function NewRound() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors = actionData?.fieldErrors ?? {};
  return (
    <section className="narrow">
      <p>
        <Link to="/rounds">{t("round.back")}</Link>
      </p>
      <h1>{t("rounds.new.title")}</h1>
      <Form method="post" noValidate>
        <CsrfField />
        <p>
          <label htmlFor="title">{t("rounds.new.name")}</label>
          <br />
          <input
            id="title"
            name="title"
            required
            maxLength={200}
            size={50}
            aria-invalid={errors.title ? true : undefined}
            aria-describedby={errors.title ? "title-hint title-error" : "title-hint"}
          />
          <br />
          <span id="title-hint" className="note">
            {t("rounds.new.nameHint")}
          </span>
          <FieldError id="title-error" message={errors.title} />
        </p>
        <LabelledInput
          as="p"
          id="quorum"
          name="quorum"
          label={t("rounds.new.quorum")}
          error={errors.quorum}
          type="number"
          min={1}
          max={15}
          step={1}
          defaultValue={1}
        />
        <button type="submit" disabled={busy}>
          {busy ? t("round.pending") : t("rounds.new.create")}
        </button>
      </Form>
    </section>
  );
}
