#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx livsval` needs no build step.
import { register } from "tsx/esm/api";

register();
await import("./livsval.ts");
