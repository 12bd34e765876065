#!/usr/bin/env node
// `npm run screenshots`: the README's screenshots (bin/screenshots.ts). Needs a build (`npm run build`).
import { register } from "tsx/esm/api";

register();
await import("./screenshots.ts");
