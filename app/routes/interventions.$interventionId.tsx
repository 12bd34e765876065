import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { findInterventionById } from "../../db/repositories/intervention-repository";
import { can } from "~/auth/policy";
import { requirePermission } from "~/auth/session.server";
import { InterventionForm } from "~/components/pages/intervention-form";
import { getLocale } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { getDb } from "~/utils/db.server";
import {
  interventionActionResponse,
  loadFormOptions,
  valuesFromRecord,
} from "~/utils/pages-interventions.server";

const ParamsSchema = z.object({ interventionId: z.string().min(1).max(80) });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.values.label ?? "Insats"} – Livsval` },
];

async function findOr404(params: unknown) {
  const parsed = ParamsSchema.safeParse(params);
  const record = parsed.success ? await findInterventionById(getDb(), parsed.data.interventionId) : null;
  if (!record) throw new Response("Not found", { status: 404 });
  return record;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "interventions.view");
  const record = await findOr404(params);
  return {
    options: await loadFormOptions(getDb(), await getLocale(request)),
    values: valuesFromRecord(record),
    canEdit: can(user.role, "interventions.edit"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "interventions.edit");
  return interventionActionResponse(getDb(), request, user, await getLocale(request), () =>
    findOr404(params),
  );
}

export default function EditIntervention() {
  const { options, values, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <p>
        <Link to="/interventions">{t("iv.title")}</Link>
      </p>
      <h1>{t(canEdit ? "iv.titleEdit" : "iv.titleView", { label: values.label })}</h1>
      <InterventionForm
        mode="edit"
        values={actionData?.values ?? values}
        errors={actionData?.errors}
        formError={actionData?.formError}
        formKey={actionData?.formKey ?? "initial"}
        options={options}
        readOnly={!canEdit}
      />
    </>
  );
}

export { PageErrorBoundary as ErrorBoundary } from "~/components/pages/page-error-boundary";
