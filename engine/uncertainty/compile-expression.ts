import { EngineInputError } from "../errors";
import { parseExpression, type ExpressionNode } from "./parse-expression";

/** An expression compiled for vectorised evaluation over named inputs. */
export interface CompiledExpression {
  /** the input names the expression uses, sorted */
  readonly names: readonly string[];
  /**
   * Evaluate element by element over equally long arrays, one per used name (a constant
   * expression takes the length of any array given); returns a new array.
   * Domain errors follow IEEE arithmetic (log of a negative number is NaN, x/0 is ±Infinity):
   * the caller decides what a non-finite value means.
   */
  evaluate(inputs: Readonly<Record<string, Float64Array>>): Float64Array;
  /** Evaluate at one point. */
  evaluateAt(point: Readonly<Record<string, number>>): number;
}

/** Elements evaluated at a time: keeps the temporaries in cache and memory flat. */
const CHUNK = 4096;

interface Slot {
  a: Float64Array;
  own: boolean;
}
type Val = number | Slot;
interface Ctx {
  n: number;
  inputs: Float64Array[];
  free: Float64Array[];
}
type Eval = (ctx: Ctx) => Val;

function take(ctx: Ctx): Float64Array {
  return ctx.free.pop() ?? new Float64Array(CHUNK);
}

type UnaryOp = "negate" | "sqrt" | "exp" | "log" | "abs";

function scalarUnary(op: UnaryOp, x: number): number {
  switch (op) {
    case "negate":
      return -x;
    case "sqrt":
      return Math.sqrt(x);
    case "exp":
      return Math.exp(x);
    case "log":
      return Math.log(x);
    case "abs":
      return Math.abs(x);
  }
}

/** out[i] = op(a[i]); one loop per function so that each stays monomorphic. */
function unaryKernel(op: UnaryOp, out: Float64Array, a: Float64Array, n: number): void {
  switch (op) {
    case "negate":
      for (let i = 0; i < n; i++) out[i] = -a[i]!;
      return;
    case "sqrt":
      for (let i = 0; i < n; i++) out[i] = Math.sqrt(a[i]!);
      return;
    case "exp":
      for (let i = 0; i < n; i++) out[i] = Math.exp(a[i]!);
      return;
    case "log":
      for (let i = 0; i < n; i++) out[i] = Math.log(a[i]!);
      return;
    case "abs":
      for (let i = 0; i < n; i++) out[i] = Math.abs(a[i]!);
      return;
  }
}

function scalarBinary(op: string, x: number, y: number): number {
  switch (op) {
    case "+":
      return x + y;
    case "-":
      return x - y;
    case "*":
      return x * y;
    case "/":
      return x / y;
    default:
      return Math.pow(x, y);
  }
}

/** out[i] = a[i] op b[i], where a or b may be a scalar (never both). */
function binaryKernel(op: string, out: Float64Array, a: Val, b: Val, n: number): void {
  const av = typeof a === "number" ? null : a.a;
  const bv = typeof b === "number" ? null : b.a;
  const as = typeof a === "number" ? a : 0;
  const bs = typeof b === "number" ? b : 0;
  if (av && bv) {
    switch (op) {
      case "+":
        for (let i = 0; i < n; i++) out[i] = av[i]! + bv[i]!;
        return;
      case "-":
        for (let i = 0; i < n; i++) out[i] = av[i]! - bv[i]!;
        return;
      case "*":
        for (let i = 0; i < n; i++) out[i] = av[i]! * bv[i]!;
        return;
      case "/":
        for (let i = 0; i < n; i++) out[i] = av[i]! / bv[i]!;
        return;
      default:
        for (let i = 0; i < n; i++) out[i] = Math.pow(av[i]!, bv[i]!);
        return;
    }
  }
  if (av) {
    switch (op) {
      case "+":
        for (let i = 0; i < n; i++) out[i] = av[i]! + bs;
        return;
      case "-":
        for (let i = 0; i < n; i++) out[i] = av[i]! - bs;
        return;
      case "*":
        for (let i = 0; i < n; i++) out[i] = av[i]! * bs;
        return;
      case "/":
        for (let i = 0; i < n; i++) out[i] = av[i]! / bs;
        return;
      default:
        for (let i = 0; i < n; i++) out[i] = Math.pow(av[i]!, bs);
        return;
    }
  }
  switch (op) {
    case "+":
      for (let i = 0; i < n; i++) out[i] = as + bv![i]!;
      return;
    case "-":
      for (let i = 0; i < n; i++) out[i] = as - bv![i]!;
      return;
    case "*":
      for (let i = 0; i < n; i++) out[i] = as * bv![i]!;
      return;
    case "/":
      for (let i = 0; i < n; i++) out[i] = as / bv![i]!;
      return;
    default:
      for (let i = 0; i < n; i++) out[i] = Math.pow(as, bv![i]!);
      return;
  }
}

function build(node: ExpressionNode, index: ReadonlyMap<string, number>): Eval | number {
  switch (node.kind) {
    case "number":
      return node.value;
    case "name": {
      const k = index.get(node.name)!;
      return (ctx) => ({ a: ctx.inputs[k]!, own: false });
    }
    case "negate":
    case "call": {
      const op: UnaryOp = node.kind === "negate" ? "negate" : node.fn;
      const arg = build(node.arg, index);
      if (typeof arg === "number") return scalarUnary(op, arg);
      return (ctx) => {
        const v = arg(ctx) as Slot;
        const out = v.own ? v.a : take(ctx);
        unaryKernel(op, out, v.a, ctx.n);
        return { a: out, own: true };
      };
    }
    case "binary": {
      const { op } = node;
      const left = build(node.left, index);
      const right = build(node.right, index);
      if (typeof left === "number" && typeof right === "number") return scalarBinary(op, left, right);
      return (ctx) => {
        const a: Val = typeof left === "number" ? left : left(ctx);
        const b: Val = typeof right === "number" ? right : right(ctx);
        const aOwn = typeof a !== "number" && a.own;
        const bOwn = typeof b !== "number" && b.own;
        const out = aOwn ? (a as Slot).a : bOwn ? (b as Slot).a : take(ctx);
        binaryKernel(op, out, a, b, ctx.n);
        if (aOwn && bOwn) ctx.free.push((b as Slot).a);
        return { a: out, own: true };
      };
    }
  }
}

function namesIn(node: ExpressionNode, found: Map<string, number>): void {
  switch (node.kind) {
    case "name":
      if (!found.has(node.name)) found.set(node.name, node.column);
      return;
    case "negate":
    case "call":
      namesIn(node.arg, found);
      return;
    case "binary":
      namesIn(node.left, found);
      namesIn(node.right, found);
      return;
    case "number":
      return;
  }
}

/**
 * Compile an expression ({@link parseExpression}) for vectorised evaluation over Float64Arrays.
 * Constant sub-expressions are folded once; the rest runs as tight loops over chunks of 4096
 * elements with reused temporaries, so a million draws need no more memory than the output.
 * Operations are applied in a fixed order, so equal inputs give bit-for-bit equal outputs.
 *
 * @param expression - the expression text, or a tree from {@link parseExpression}
 * @param inputNames - the names that may appear in it
 * @returns the compiled expression
 * @throws EngineInputError on a syntax error, or naming the first unknown name and its column
 */
export function compileExpression(
  expression: string | ExpressionNode,
  inputNames: readonly string[],
): CompiledExpression {
  const tree = typeof expression === "string" ? parseExpression(expression) : expression;
  const used = new Map<string, number>();
  namesIn(tree, used);
  const known = new Set(inputNames);
  for (const [name, column] of used) {
    if (!known.has(name)) {
      const list = [...known].sort().join(", ") || "none";
      throw new EngineInputError(
        "compileExpression",
        `unknown name "${name}" at column ${column} (inputs: ${list})`,
      );
    }
  }
  const names = [...used.keys()].sort();
  const index = new Map(names.map((n, i) => [n, i] as const));
  const root = build(tree, index);

  const evaluate = (inputs: Readonly<Record<string, Float64Array>>): Float64Array => {
    const arrays = names.map((n) => {
      const a = inputs[n];
      if (!a) throw new EngineInputError("compileExpression", `no values for input "${n}"`);
      return a;
    });
    // a constant expression takes its length from any array given, else 1
    const length = (arrays[0] ?? Object.values(inputs)[0])?.length ?? 1;
    if (arrays.some((a) => a.length !== length)) {
      throw new EngineInputError("compileExpression", "every input must have the same number of values");
    }
    const out = new Float64Array(length);
    if (typeof root === "number") return out.fill(root);
    const ctx: Ctx = { n: 0, inputs: [], free: [] };
    for (let start = 0; start < length; start += CHUNK) {
      const end = Math.min(length, start + CHUNK);
      ctx.n = end - start;
      ctx.inputs = arrays.map((a) => a.subarray(start, end));
      const v = root(ctx) as Slot;
      out.set(v.a.subarray(0, ctx.n), start);
      if (v.own) ctx.free.push(v.a);
    }
    return out;
  };
  const evaluateAt = (point: Readonly<Record<string, number>>): number => {
    const inputs: Record<string, Float64Array> = {};
    for (const n of names) {
      const v = point[n];
      if (v === undefined) throw new EngineInputError("compileExpression", `no value for input "${n}"`);
      inputs[n] = Float64Array.of(v);
    }
    return evaluate(inputs)[0]!;
  };
  return { names, evaluate, evaluateAt };
}
