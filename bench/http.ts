/** A GraphQL answer as the benchmark reads it. */
export interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string }[] };
  ms: number;
}

/** POSTs a JSON body and reads the answer, timed from send to the last byte. */
export async function postJson(url: string, body: string): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
  const text = await response.text();
  const ms = performance.now() - started;
  let parsed: Answer["body"] = {};
  try {
    parsed = JSON.parse(text) as Answer["body"];
  } catch {
    parsed = { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
  }
  return { status: response.status, body: parsed, ms };
}

/** JSON with object keys sorted, so that two answers compare by content, not key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

/** The first error of an answer, or its HTTP status when it failed without one; undefined when it is clean. */
export function problem(answer: Answer): string | undefined {
  if (answer.body.errors?.length) return answer.body.errors.map((error) => error.message).join("; ");
  if (answer.status < 200 || answer.status >= 300) return `HTTP ${answer.status}`;
  if (answer.body.data === undefined || answer.body.data === null) return "no data";
  return undefined;
}
