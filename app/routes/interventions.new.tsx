import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/session.server";
import { InterventionForm } from "~/components/pages/intervention-form";
import { getLocale } from "~/i18n/locale.server";
import { metaTitle, useT } from "~/i18n/use-t";
import { getDb } from "~/utils/db.server";
import { emptyValues, interventionActionResponse, loadFormOptions } from "~/utils/pages-interventions.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaTitle(matches, "iv.titleNew") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "interventions.edit");
  return { options: await loadFormOptions(getDb(), await getLocale(request)), values: emptyValues() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "interventions.edit");
  return interventionActionResponse(getDb(), request, user, await getLocale(request), async () => null);
}

export default function NewIntervention() {
  const { options, values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <p>
        <Link to="/interventions">{t("iv.title")}</Link>
      </p>
      <h1>{t("iv.titleNew")}</h1>
      <InterventionForm
        mode="new"
        values={actionData?.values ?? values}
        errors={actionData?.errors}
        formError={actionData?.formError}
        formKey={actionData?.formKey ?? "initial"}
        options={options}
      />
    </>
  );
}

export { PageErrorBoundary as ErrorBoundary } from "~/components/pages/page-error-boundary";
