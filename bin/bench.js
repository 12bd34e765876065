#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.ts (or those whose name contains an argument) one after
// another, each in a fresh Node process, and prints their medians side by side (bench/run.ts).
// Never part of `npm test`.
import { register } from "tsx/esm/api";

register();
await import("../bench/run.ts");
