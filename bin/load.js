#!/usr/bin/env node
// `npm run load`: the mixed read/write load test (bench/load.ts). Needs a build (`npm run build`).
import { register } from "tsx/esm/api";

register();
await import("../bench/load.ts");
