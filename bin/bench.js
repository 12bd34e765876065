#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) one after
// another in this process and prints their medians side by side. Never part of `npm test`.
import { register } from "tsx/esm/api";

register();
await import("../bench/run.ts");
