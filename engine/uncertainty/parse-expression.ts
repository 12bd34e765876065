import { EngineInputError } from "../errors";

/** The functions an expression may call, each of one argument. */
export const EXPRESSION_FUNCTIONS = ["sqrt", "exp", "log", "abs"] as const;
export type ExpressionFunction = (typeof EXPRESSION_FUNCTIONS)[number];

/** A parsed expression; `column` is the 1-based position of the node's first character. */
export type ExpressionNode =
  | { readonly kind: "number"; readonly value: number; readonly column: number }
  | { readonly kind: "name"; readonly name: string; readonly column: number }
  | { readonly kind: "negate"; readonly arg: ExpressionNode; readonly column: number }
  | {
      readonly kind: "binary";
      readonly op: "+" | "-" | "*" | "/" | "^";
      readonly left: ExpressionNode;
      readonly right: ExpressionNode;
      readonly column: number;
    }
  | {
      readonly kind: "call";
      readonly fn: ExpressionFunction;
      readonly arg: ExpressionNode;
      readonly column: number;
    };

interface Token {
  type: "number" | "name" | "op" | "end";
  text: string;
  value: number;
  column: number;
}

/** Longest expression accepted, in characters (a guard against pathological input). */
export const MAX_EXPRESSION_LENGTH = 10_000;
/** Deepest nesting accepted (parentheses, unary minus, powers), so recursion stays bounded. */
const MAX_DEPTH = 200;

const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r") {
      i++;
      continue;
    }
    const rest = source.slice(i);
    const num = NUMBER.exec(rest);
    if (num) {
      const value = Number(num[0]);
      if (!Number.isFinite(value)) fail(`number "${num[0]}" at column ${i + 1} is too large`);
      tokens.push({ type: "number", text: num[0], value, column: i + 1 });
      i += num[0].length;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      tokens.push({ type: "name", text: name[0], value: NaN, column: i + 1 });
      i += name[0].length;
      continue;
    }
    if ("+-*/^()".includes(ch)) {
      tokens.push({ type: "op", text: ch, value: NaN, column: i + 1 });
      i++;
      continue;
    }
    fail(`unexpected character ${showChar(source.codePointAt(i)!)} at column ${i + 1}`);
  }
  tokens.push({ type: "end", text: "end of expression", value: NaN, column: source.length + 1 });
  return tokens;
}

/** A character for a one-line message: visible ones quoted with their code, others by code only. */
function showChar(code: number): string {
  const ch = String.fromCodePoint(code);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  if (code >= 0x21 && code <= 0x7e) return `"${ch}"`;
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(ch) ? `"${ch}" (${hex})` : hex;
}

function fail(condition: string): never {
  throw new EngineInputError("parseExpression", condition);
}

function describe(t: Token): string {
  return t.type === "end" ? `end of expression (column ${t.column})` : `"${t.text}" at column ${t.column}`;
}

/**
 * Parse an arithmetic expression over named inputs, safely: a hand-written recursive-descent
 * parser, never `eval` or `new Function`. Grammar (usual precedence; ^ binds tighter than
 * unary minus and is right-associative, so −x^2 = −(x²) and 2^3^2 = 2^9):
 *
 *     expr    := term (("+" | "-") term)*
 *     term    := unary (("*" | "/") unary)*
 *     unary   := ("-" | "+") unary | power
 *     power   := primary ("^" unary)?
 *     primary := number | name | fn "(" expr ")" | "(" expr ")"
 *     fn      := sqrt | exp | log | abs        (log is the natural logarithm)
 *
 * Numbers are decimal with an optional exponent (1.5e-3). Names are identifiers; whether they
 * are known inputs is checked by {@link compileExpression}.
 *
 * @param source - the expression text
 * @returns the syntax tree
 * @throws EngineInputError naming the offending token and its 1-based column
 */
export function parseExpression(source: string): ExpressionNode {
  if (source.length > MAX_EXPRESSION_LENGTH) {
    fail(`expression is longer than ${MAX_EXPRESSION_LENGTH} characters`);
  }
  const tokens = tokenize(source);
  let pos = 0;
  let depth = 0;
  const peek = (): Token => tokens[pos]!;
  const isOp = (t: Token, ...ops: string[]): boolean => t.type === "op" && ops.includes(t.text);
  const enter = (t: Token): void => {
    if (++depth > MAX_DEPTH) fail(`expression is nested more than ${MAX_DEPTH} deep at column ${t.column}`);
  };

  const expr = (): ExpressionNode => {
    let left = term();
    while (isOp(peek(), "+", "-")) {
      const op = tokens[pos++]!;
      left = { kind: "binary", op: op.text as "+" | "-", left, right: term(), column: left.column };
    }
    return left;
  };
  const term = (): ExpressionNode => {
    let left = unary();
    while (isOp(peek(), "*", "/")) {
      const op = tokens[pos++]!;
      left = { kind: "binary", op: op.text as "*" | "/", left, right: unary(), column: left.column };
    }
    return left;
  };
  const unary = (): ExpressionNode => {
    const t = peek();
    if (isOp(t, "-", "+")) {
      pos++;
      enter(t);
      const arg = unary();
      depth--;
      return t.text === "-" ? { kind: "negate", arg, column: t.column } : arg;
    }
    return power();
  };
  const power = (): ExpressionNode => {
    const base = primary();
    if (isOp(peek(), "^")) {
      const t = tokens[pos++]!;
      enter(t);
      const exponent = unary();
      depth--;
      return { kind: "binary", op: "^", left: base, right: exponent, column: base.column };
    }
    return base;
  };
  const primary = (): ExpressionNode => {
    const t = tokens[pos++]!;
    if (t.type === "number") return { kind: "number", value: t.value, column: t.column };
    if (t.type === "name") {
      if ((EXPRESSION_FUNCTIONS as readonly string[]).includes(t.text)) {
        if (!isOp(peek(), "(")) fail(`function "${t.text}" at column ${t.column} must be followed by "("`);
        pos++;
        enter(t);
        const arg = expr();
        depth--;
        const close = tokens[pos++]!;
        if (!isOp(close, ")")) fail(`expected ")" to close "${t.text}(" but found ${describe(close)}`);
        return { kind: "call", fn: t.text as ExpressionFunction, arg, column: t.column };
      }
      if (isOp(peek(), "(")) fail(`unknown function "${t.text}" at column ${t.column}`);
      return { kind: "name", name: t.text, column: t.column };
    }
    if (isOp(t, "(")) {
      enter(t);
      const inner = expr();
      depth--;
      const close = tokens[pos++]!;
      if (!isOp(close, ")"))
        fail(`expected ")" to close "(" at column ${t.column} but found ${describe(close)}`);
      return inner;
    }
    fail(`expected a number, name or "(" but found ${describe(t)}`);
  };

  const tree = expr();
  if (peek().type !== "end") fail(`unexpected ${describe(peek())}`);
  return tree;
}
