import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileExpression, parseExpression } from "../../../engine/uncertainty";

const at = (source: string, point: Record<string, number> = {}): number =>
  compileExpression(source, Object.keys(point)).evaluateAt(point);

describe("parseExpression and compileExpression", () => {
  it("follow the usual precedence and associativity", () => {
    expect(at("2 + 3 * 4")).toBe(14);
    expect(at("(2 + 3) * 4")).toBe(20);
    expect(at("10 - 4 - 3")).toBe(3); // left-associative: (10 − 4) − 3
    expect(at("24 / 4 / 2")).toBe(3);
    expect(at("2 ^ 3 ^ 2")).toBe(512); // right-associative: 2^(3^2) = 2^9
    expect(at("-2 ^ 2")).toBe(-4); // −(2²)
    expect(at("2 ^ -1")).toBe(0.5);
    expect(at("x - -y", { x: 1, y: 2 })).toBe(3);
    expect(at("+x", { x: 4 })).toBe(4);
  });

  it("reads decimal numbers with exponents and the four functions", () => {
    expect(at("1.5e2 / .5")).toBe(300);
    expect(at("2E-1 * 10")).toBe(2);
    // √16 + e⁰ + ln 1 + |−3| = 4 + 1 + 0 + 3 = 8
    expect(at("sqrt(16) + exp(0) + log(1) + abs(-3)")).toBe(8);
    expect(at("log(exp(2.5))")).toBeCloseTo(2.5, 15);
  });

  it("names an unknown input and its column", () => {
    expect(() => compileExpression("a * b + c", ["a", "b"])).toThrow(
      'compileExpression: unknown name "c" at column 9 (inputs: a, b)',
    );
  });

  it("refuses malformed expressions with the place of the fault", () => {
    expect(() => parseExpression("a +")).toThrow(
      'parseExpression: expected a number, name or "(" but found end of expression (column 4)',
    );
    expect(() => parseExpression("a b")).toThrow('parseExpression: unexpected "b" at column 3');
    expect(() => parseExpression("sqrt 4")).toThrow('function "sqrt" at column 1 must be followed by "("');
    expect(() => parseExpression("foo(1)")).toThrow('unknown function "foo" at column 1');
    expect(() => parseExpression("2 $ 3")).toThrow('unexpected character "$" at column 3');
    expect(() => parseExpression("2 \u2028 3")).toThrow("unexpected character U+2028 at column 3");
    expect(() => parseExpression("2 × 3")).toThrow('unexpected character "×" (U+00D7) at column 3');
    expect(() => parseExpression("(a + 1")).toThrow('expected ")" to close "(" at column 1');
    expect(() => parseExpression("1e999")).toThrow("is too large");
    expect(() => parseExpression("-".repeat(500) + "1")).toThrow("nested more than 200 deep");
  });

  it("never runs code: property access and calls of other names are syntax errors", () => {
    expect(() => parseExpression("constructor.constructor('x')()")).toThrow("parseExpression");
    expect(() => parseExpression("process")).not.toThrow();
    expect(() => compileExpression("process", [])).toThrow('unknown name "process"');
  });

  it("evaluates element by element over arrays longer than one chunk", () => {
    const n = 10_000;
    const x = Float64Array.from({ length: n }, (_, i) => i / 100);
    const y = Float64Array.from({ length: n }, (_, i) => 1 + (i % 7));
    const c = compileExpression("x * y + sqrt(x) - 2 / y", ["y", "x", "unused"]);
    expect(c.names).toEqual(["x", "y"]);
    const out = c.evaluate({ x, y });
    for (const i of [0, 1, 4095, 4096, 4097, 9999]) {
      expect(out[i]).toBe(x[i]! * y[i]! + Math.sqrt(x[i]!) - 2 / y[i]!);
    }
    expect(x[5]).toBe(0.05); // inputs untouched
  });

  it("agrees with a direct evaluation of random expression trees", () => {
    type Tree =
      | { n: number }
      | { v: "a" | "b" | "c" }
      | { neg: Tree }
      | { op: string; l: Tree; r: Tree }
      | { fn: string; x: Tree };
    const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
      tree: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        fc.double({ min: 0, max: 1e3, noNaN: true }).map((n) => ({ n })),
        fc.constantFrom("a", "b", "c").map((v) => ({ v }) as Tree),
        tie("tree").map((t) => ({ neg: t })),
        fc.record({ op: fc.constantFrom("+", "-", "*", "/", "^"), l: tie("tree"), r: tie("tree") }),
        fc.record({ fn: fc.constantFrom("sqrt", "exp", "log", "abs"), x: tie("tree") }),
      ),
    }));
    const render = (t: Tree): string =>
      "n" in t
        ? String(t.n)
        : "v" in t
          ? t.v
          : "neg" in t
            ? `(-${render(t.neg)})`
            : "op" in t
              ? `(${render(t.l)} ${t.op} ${render(t.r)})`
              : `${t.fn}(${render(t.x)})`;
    const fns: Record<string, (x: number) => number> = {
      sqrt: Math.sqrt,
      exp: Math.exp,
      log: Math.log,
      abs: Math.abs,
    };
    const direct = (t: Tree, env: Record<string, number>): number => {
      if ("n" in t) return t.n;
      if ("v" in t) return env[t.v]!;
      if ("neg" in t) return -direct(t.neg, env);
      if ("fn" in t) return fns[t.fn]!(direct(t.x, env));
      const l = direct(t.l, env);
      const r = direct(t.r, env);
      return t.op === "+"
        ? l + r
        : t.op === "-"
          ? l - r
          : t.op === "*"
            ? l * r
            : t.op === "/"
              ? l / r
              : Math.pow(l, r);
    };
    fc.assert(
      fc.property(
        tree,
        fc.double({ noNaN: true, min: -10, max: 10 }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (t, a, b) => {
          const env = { a, b, c: 1.5 };
          const compiled = compileExpression(render(t), ["a", "b", "c"]);
          expect(compiled.evaluateAt(env)).toBe(direct(t, env));
          const vec = compiled.evaluate({
            a: Float64Array.of(a, b),
            b: Float64Array.of(b, a),
            c: Float64Array.of(1.5, 1.5),
          });
          expect(vec[1]).toBe(direct(t, { a: b, b: a, c: 1.5 }));
        },
      ),
      { numRuns: 300 },
    );
  });
});
