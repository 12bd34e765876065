import { useT } from "~/i18n/use-t";

export default function Index() {
  const t = useT();
  return <h1>{t("overview.title", { area: "Helsingborg" })}</h1>;
}
