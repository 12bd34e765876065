export { createRandom, deriveSeed, type Random } from "./rng";
export { normalQuantile } from "./normal-quantile";
export { DistSchema, distMean, distSd, sampleDist, type Dist } from "./dist";
