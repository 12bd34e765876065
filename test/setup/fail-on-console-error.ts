import { afterEach, beforeEach, vi } from "vitest";

// An unexpected console.error fails the test (STYLE: Tests). A test that expects one
// replaces the spy with its own and checks what was said.
let errors: unknown[][] = [];

beforeEach(() => {
  errors = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  if (errors.length > 0) {
    const first = errors[0]!.map(String).join(" ");
    throw new Error(`unexpected console.error (${errors.length}×): ${first}`);
  }
});
