import { describe, expect, it } from "vitest";
import { canonicalJson, inputHash } from "../../../engine/decision/canonical-json";

describe("canonicalJson", () => {
  it("sorts keys at every level and drops whitespace", () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: "x" }], e: undefined })).toBe(
      '{"a":[1,{"c":"x","d":2}],"b":1}',
    );
  });

  it("refuses numbers JSON cannot hold", () => {
    expect(() => canonicalJson({ a: NaN })).toThrow("canonicalJson: numbers must be finite");
  });
});

describe("inputHash", () => {
  it("is the sha256 of the canonical text, as coreutils computes it", () => {
    // printf '{"a":1,"b":[2,3]}' | sha256sum
    expect(inputHash({ b: [2, 3], a: 1 })).toBe(
      "efbd0040190fb0871831e606c581f8a66db79d8e2bb836745a70051306956070",
    );
  });

  it("is the same for inputs that differ only in key order", () => {
    expect(inputHash({ a: 1, b: [2, 3] })).toBe(inputHash({ b: [2, 3], a: 1 }));
    expect(inputHash({ a: 1 })).not.toBe(inputHash({ a: 2 }));
  });
});
