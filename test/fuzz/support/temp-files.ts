import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";

/**
 * A temporary folder for the calling test file (made before its tests, removed after) and a writer
 * of numbered files in it, for commands that read a path.
 */
export function tempFileWriter(prefix: string): (text: string, ext: string) => Promise<string> {
  let dir = "";
  let n = 0;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return async (text, ext) => {
    const path = join(dir, `f${n++}.${ext}`);
    await writeFile(path, text);
    return path;
  };
}
