import { apiSuite } from "./support/api-suite";
import { gatewaySuite } from "./support/gateway-suite";
import { createTestDatabases, describeWithPostgres } from "./support/postgres";
import { startTestSystem, type TestSystem } from "./support/system";

/** The embedded system on fresh PostgreSQL databases, dropped when it stops. */
async function startOnPostgres(prefix: string): Promise<TestSystem> {
  const databases = await createTestDatabases(`${prefix}_${process.pid}`);
  const system = await startTestSystem("embedded", {}, databases.urls);
  return {
    ...system,
    async stop() {
      await system.stop();
      await databases.drop();
    },
  };
}

describeWithPostgres("gateway over HTTP subgraphs on PostgreSQL", () => {
  gatewaySuite(() => startOnPostgres("cg_e2e"));
});

describeWithPostgres("analyst API through the gateway on PostgreSQL", () => {
  apiSuite(() => startOnPostgres("cg_api"));
});
