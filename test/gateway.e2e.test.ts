import { gatewaySuite } from "./support/gateway-suite";
import { startTestSystem } from "./support/system";

describe("gateway over HTTP subgraphs on SQLite (npm start)", () => {
  gatewaySuite(() => startTestSystem("embedded"));
});

describe("gateway with in-process subgraphs on SQLite (npm run start:local)", () => {
  gatewaySuite(() => startTestSystem("in-process"));
});
