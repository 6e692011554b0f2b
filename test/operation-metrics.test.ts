import { Registry } from "prom-client";
import { OperationMetrics } from "../subgraphs/lib/operation-metrics";

// Label values of the per-operation metrics come from clients: they must stay a bounded set.
describe("operation labels", () => {
  it("bound names and codes: first 100 names, `anonymous`, `other`; codes from a fixed list else OTHER", async () => {
    const registry = new Registry();
    const metrics = new OperationMetrics(100);
    metrics.register(registry);
    expect(metrics.operationLabel(undefined)).toBe("anonymous");
    expect(metrics.operationLabel("A".repeat(65))).toBe("other");
    expect(metrics.operationLabel("drop table;")).toBe("other");
    expect(metrics.operationLabel("EmbassyAttack")).toBe("EmbassyAttack");
    for (let i = 0; i < 2000; i += 1) {
      metrics.record(`Op${i}`, "200", 0.01, [`JUNK_${i}`, "BAD_USER_INPUT", undefined]);
    }
    const text = await registry.metrics();
    expect(metrics.operationLabel("Op1")).toBe("Op1");
    expect(metrics.operationLabel("Op1999")).toBe("other");
    expect(text).not.toMatch(/JUNK_/);
    expect(text).toMatch(/code="OTHER"/);
    expect(text).toMatch(/code="BAD_USER_INPUT"/);
    expect(text.length).toBeLessThan(400_000);
  });
});
