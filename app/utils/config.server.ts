import { z } from "zod";

const EnvSchema = z.object({
  DATABASE_URL: z.string().max(2000).optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LIVSVAL_SESSION_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(8),
  LIVSVAL_INSECURE_COOKIES: z.enum(["0", "1"]).default("0"),
  LIVSVAL_SIGNIN_ATTEMPTS: z.coerce.number().int().positive().default(5),
  LIVSVAL_PAGE_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
  // read by server.js through the build (entry.server's serverConfig)
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).max(255).default("0.0.0.0"),
  /** Proxies in front whose X-Forwarded-For names the client (0: none; the socket's address counts). */
  LIVSVAL_TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  LIVSVAL_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .max(1024 ** 3)
    .default(5 * 1024 * 1024),
});
export type Config = z.infer<typeof EnvSchema>;

let cached: Config | undefined;

/** The app's configuration from the environment; bad configuration stops the app with zod's messages. */
export function getConfig(): Config {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Livsval: bad configuration in the environment:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}
