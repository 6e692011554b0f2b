import { apiSuite } from "./support/api-suite";
import { startTestSystem } from "./support/system";

describe("analyst API through the gateway on SQLite", () => {
  apiSuite(() => startTestSystem("embedded"));
});
