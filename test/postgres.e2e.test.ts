import { gatewaySuite } from "./support/gateway-suite";
import { createTestDatabases, describeWithPostgres } from "./support/postgres";
import { startTestSystem } from "./support/system";

describeWithPostgres("gateway over HTTP subgraphs on PostgreSQL", () => {
  gatewaySuite(async () => {
    const databases = await createTestDatabases(`cg_e2e_${process.pid}`);
    const system = await startTestSystem("embedded", {}, databases.urls);
    return {
      ...system,
      async stop() {
        await system.stop();
        await databases.drop();
      },
    };
  });
});
