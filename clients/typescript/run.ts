import { execute, isSendAs, SEND_AS, type SendAs } from "./client";
import { ActorClaimsDocument, EmbassyAttackDocument, IncidentsInCountriesDocument, StatementsOnBehalfOfDocument } from "./generated/graphql";

/** The example operations' typed results. */
export async function runExamples(url: string, sendAs: SendAs = "text") {
  const embassy = await execute(url, EmbassyAttackDocument, {}, sendAs);
  const syria = await execute(url, IncidentsInCountriesDocument, { countryCodes: ["SY"], from: "2023-12-01T00:00:00Z", first: 3 }, sendAs);
  const claims = await execute(url, ActorClaimsDocument, { name: "islamic resistance" }, sendAs);
  const stateDepartment = await execute(url, StatementsOnBehalfOfDocument, { actorId: "act-us-state-department", from: "2023-12-01" }, sendAs);
  return { embassy, syria, claims, stateDepartment };
}

/** Prints what the examples found: `node dist/clients/typescript/run.js [gateway URL] [text|documentId|persistedQuery]`. */
async function main(): Promise<void> {
  const url = process.argv[2] ?? process.env.GATEWAY_URL ?? "http://127.0.0.1:4000/graphql";
  const sendAs = process.argv[3] ?? "text";
  if (!isSendAs(sendAs)) throw new Error(`Send operations as one of ${SEND_AS.join(", ")}, not "${sendAs}".`);
  const { embassy, syria, claims, stateDepartment } = await runExamples(url, sendAs);
  console.log(`${embassy.incident?.title} (${embassy.incident?.startsAt}): ${embassy.incident?.statements?.length ?? 0} statements`);
  console.log(`Syria since 1 December: ${syria.incidents.totalCount} incidents; newest: ${syria.incidents.edges[0]?.node.title}`);
  const match = claims.resolveActor[0];
  console.log(`"islamic resistance" is ${match?.actor.name} (${match?.actor.kind}), claimed ${match?.actor.incidents?.totalCount ?? 0} incidents`);
  console.log(`On behalf of the State Department since 1 December: ${stateDepartment.statements.totalCount} statements`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
