import type { MessageKey } from "~/i18n/messages";
import { useT } from "~/i18n/use-t";

/** A table's column headers from message keys; `num` right-aligns a numeric column. */
export function TableHead({ columns }: { columns: { key: MessageKey; num?: boolean }[] }) {
  const t = useT();
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th key={c.key} scope="col" className={c.num ? "num" : undefined}>
            {t(c.key)}
          </th>
        ))}
      </tr>
    </thead>
  );
}
