import { describeInputError, type Command } from "./cli";
import { commandUsage, helpText, type CommandName } from "./command-usage";

const commands: Record<CommandName, () => Promise<{ run: Command }>> = {
  setup: () => import("./commands/setup"),
  import: () => import("./commands/import"),
  export: () => import("./commands/export"),
  analyse: () => import("./commands/analyse"),
  rasch: () => import("./commands/rasch"),
  survey: () => import("./commands/survey"),
  inequality: () => import("./commands/inequality"),
  propagate: () => import("./commands/propagate"),
  audit: () => import("./commands/audit"),
  users: () => import("./commands/users"),
};

const isHelp = (arg: string) => arg === "--help" || arg === "-h";

/** True when the arguments before a `--` ask for help. */
function asksForHelp(args: string[]): boolean {
  const end = args.indexOf("--");
  return (end === -1 ? args : args.slice(0, end)).some(isHelp);
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || isHelp(name)) {
    // Asked for: stdout and success. Missing command: stderr and bad input.
    (name ? process.stdout : process.stderr).write(helpText() + "\n");
    return name ? 0 : 2;
  }
  if (!Object.hasOwn(commands, name)) {
    process.stderr.write(`livsval: unknown command "${name}"\n${helpText()}\n`);
    return 2;
  }
  const command = name as CommandName;
  if (asksForHelp(rest)) {
    process.stdout.write(commandUsage(command) + "\n");
    return 0;
  }
  let mod: { run: Command };
  try {
    mod = await commands[command]();
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

// A reader that stops early (`livsval export … | head`) closes the pipe: that is not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code !== "EPIPE") throw e;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await main(process.argv.slice(2));
