import type { ImportTarget } from "./target";

/** The gateway as an import target (not built yet on this branch: use --direct). */
export async function openGatewayTarget(url: string, token: string | undefined): Promise<ImportTarget> {
  void token;
  throw new Error(`importing through the gateway (${url}) is not built yet: use --direct on the machine that holds the databases`);
}
