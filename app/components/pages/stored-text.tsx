import { Fragment, type ReactNode } from "react";
import { useLocale } from "~/i18n/use-t";
import { langAttribute } from "~/utils/text-lang";

/** Stored free text (provenance, notes) in a span marked with its language when that is not the page's. */
export function StoredText({ text }: { text: string }) {
  const lang = langAttribute(text, useLocale());
  return lang ? <span lang={lang}>{text}</span> : <>{text}</>;
}

/**
 * A translated template with {placeholders} filled by elements, e.g. stored texts that carry their own
 * language: "{source}. Licens: {licence}." with two <StoredText>s.
 */
export function Interpolated({ template, parts }: { template: string; parts: Record<string, ReactNode> }) {
  return (
    <>
      {template.split(/\{(\w+)\}/).map((piece, i) => (
        // odd pieces are the placeholders' names
        <Fragment key={i}>{i % 2 === 1 ? (parts[piece] ?? `{${piece}}`) : piece}</Fragment>
      ))}
    </>
  );
}
