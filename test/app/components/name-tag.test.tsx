import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { NameTag } from "~/components/name-tag";

describe("NameTag", () => {
  it("tags a name that does not say it", () => {
    expect(renderToStaticMarkup(<NameTag name="Stark jämlikhetsprofil" word="illustrativt" show />)).toBe(
      '<span class="tag"> illustrativt</span>',
    );
  });

  it("does not repeat a word the name already has, in any case", () => {
    const name = "Helsingborgs livskvalitetsprogram (Illustrativt)";
    expect(renderToStaticMarkup(<NameTag name={name} word="illustrativt" show />)).toBe("");
  });

  it("shows nothing when the thing is not so", () => {
    expect(renderToStaticMarkup(<NameTag name="Lika vikter" word="illustrativt" show={false} />)).toBe("");
  });
});
