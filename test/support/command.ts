import { spawn, type SpawnOptions } from "node:child_process";

/** How a command ended and what it printed. */
export interface CommandRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `file args` to its end, without stdin, collecting stdout and stderr. */
export function runCommand(file: string, args: string[], options: Pick<SpawnOptions, "cwd" | "env">): Promise<CommandRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
