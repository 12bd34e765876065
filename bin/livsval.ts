import { describeInputError, type Command } from "./cli";

const commands: Record<string, () => Promise<{ run: Command }>> = {
  analyse: () => import("./commands/analyse"),
  rasch: () => import("./commands/rasch"),
  survey: () => import("./commands/survey"),
  inequality: () => import("./commands/inequality"),
  propagate: () => import("./commands/propagate"),
  import: () => import("./commands/import"),
  export: () => import("./commands/export"),
  setup: () => import("./commands/setup"),
  audit: () => import("./commands/audit"),
};

const usage = `usage: livsval <command> [args]
commands: ${Object.keys(commands).join(", ")}
JSON goes to stdout, messages to stderr; exit 2 on bad input.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h") {
    process.stderr.write(usage + "\n");
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`livsval: unknown command "${name}"\n${usage}\n`);
    return 2;
  }
  let mod: { run: Command };
  try {
    mod = await load();
  } catch {
    process.stderr.write(`livsval: command "${name}" is not available in this build\n`);
    return 2;
  }
  try {
    const result = await mod.run(rest);
    if (result !== undefined) process.stdout.write(JSON.stringify(result, null, 2) + "\n");
    return 0;
  } catch (e) {
    const message = describeInputError(e);
    if (message !== null) {
      process.stderr.write(`livsval ${name}: ${message}\n`);
      return 2;
    }
    process.stderr.write(`livsval ${name}: unexpected error: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
