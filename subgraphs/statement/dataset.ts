import type { EvidenceInput } from "../lib/evidence";
import { ARTICLES } from "./articles";
import { CitationKind, DatePrecision, FigureMetric, FigureQualifier, FigureRank, StanceKind, StatementChannel, StatementMode } from "./enums";
import type { StatementDataset } from "./seed";

// The sources, statements and reported figures of the five bundled articles (shared/seeds). One
// statement reported by several articles is one statement with several appearances; figures that
// disagree are all kept, each with its source, and ranked.

const S0 = "src-000";
const S1 = "src-001";
const S2 = "src-002";
const S3 = "src-003";
const S4 = "src-004";

const FILES = {
  [S0]: "000_af8bf53d472cd049.txt",
  [S1]: "001_3dd804058064a703.txt",
  [S2]: "002_8a76b7190b3a3255.txt",
  [S3]: "003_506ace9673bd317f.txt",
  [S4]: "004_65d1f33240f570a9.txt",
} as const;

function ev(sourceId: string, sentence: string, extra: { note?: string; garbled?: boolean } = {}): EvidenceInput {
  return { sourceId, sentence, ...extra };
}

// Incident ids (owned by the incident subgraph)
const CAMPAIGN = "inc-2023-10-17-attacks-on-us-forces";
const US_STRIKES = "inc-2023-10-17-us-strikes";
const SHIP_SEIZURE = "inc-2023-11-01-yemen-ship-seizure";
const KIRKUK = "inc-2023-12-01-kirkuk-strike";
const RED_SEA = "inc-2023-12-02-red-sea-ship-attacks";
const WAVE = "inc-2023-12-08-attack-wave";
const EMBASSY = "inc-2023-12-08-baghdad-embassy";
const AIN_AL_ASAD_8 = "inc-2023-12-08-ain-al-asad";
const SYRIA_BASES_8 = "inc-2023-12-08-syria-bases";
const CONOCO_8 = "inc-2023-12-08-conoco";
const ERBIL_8 = "inc-2023-12-08-erbil-drones";
const ARRESTS = "inc-2023-12-08-embassy-arrests";
const AIN_AL_ASAD_11 = "inc-2023-12-11-ain-al-asad";
const SHADDADI_11 = "inc-2023-12-11-ash-shaddadi";

// Resolutions shared by several undated statements
const AFTER_EMBASSY_000_003 =
  "Undated: it answers the embassy attack of Friday 8 December 2023 and is reported on 9 December (000, 003), so it was made on 8 or 9 December; recorded as the week beginning 8 December 2023.";
const AFTER_EMBASSY_002 =
  "Undated: after the embassy attack of Friday 8 December 2023 and reported in the article of Thursday 14 December 2023 (002); recorded as the week 8-14 December 2023.";
const WEEK_BEFORE_000 =
  "Undated, in the past tense in the article of Saturday 9 December 2023 (000); recorded as the week ending on that date (3-9 December 2023).";

// ---------------------------------------------------------------------------------------------
// Statements, one block each; `add` spreads a block over the statement tables.

type Data = StatementDataset;
type StatementRow = Data["statements"][number];

interface StatementBlock {
  statement: StatementRow;
  quotes?: { text: string; evidence: EvidenceInput }[];
  stances: { kind: StanceKind; incidentId?: string; actorId?: string; object?: string }[];
  incidents?: string[];
  actors?: string[];
  appearances: EvidenceInput[];
}

const statements: Data["statements"] = [];
const quotes: Data["quotes"] = [];
const stances: Data["stances"] = [];
const statementIncidents: Data["statementIncidents"] = [];
const statementActors: Data["statementActors"] = [];
const appearances: Data["appearances"] = [];

function add(block: StatementBlock): void {
  const id = block.statement.id;
  statements.push(block.statement);
  (block.quotes ?? []).forEach((quote, i) => quotes.push({ id: `${id}-q${i + 1}`, statementId: id, ...quote }));
  block.stances.forEach((stance, i) => stances.push({ id: `${id}-s${i + 1}`, statementId: id, ...stance }));
  for (const incidentId of block.incidents ?? []) statementIncidents.push({ statementId: id, incidentId });
  for (const actorId of block.actors ?? []) statementActors.push({ statementId: id, actorId });
  block.appearances.forEach((evidence, i) => appearances.push({ id: `${id}-a${i + 1}`, statementId: id, evidence }));
}

// --- 000 (Al Jazeera, 9 December) -------------------------------------------------------------

add({
  statement: {
    id: "stmt-austin-call-al-sudani",
    speakerId: "act-lloyd-austin",
    onBehalfOfId: "act-us-dod",
    viaId: "act-us-dod",
    saidOn: "2023-12-08",
    saidOnPrecision: DatePrecision.WEEK,
    saidOnResolution:
      "Undated: a call after the embassy attack of Friday 8 December 2023, reported by the Pentagon and in the article of 9 December 2023 (000); recorded as the week beginning 8 December 2023.",
    channel: StatementChannel.CALL,
    mode: StatementMode.PARAPHRASE,
    text: "In a call with Iraqi Prime Minister Mohammed Shia al-Sudani, Austin condemned the attack on the embassy in Baghdad; they discussed the Iraqi government's commitment to protecting diplomats and international coalition advisers (as the Pentagon reported it).",
  },
  stances: [
    { kind: StanceKind.CONDEMNS, incidentId: EMBASSY },
    {
      kind: StanceKind.DEMANDS,
      actorId: "act-iraqi-government",
      object: "the Iraqi government's commitment to protecting diplomats and international coalition advisers",
    },
  ],
  incidents: [EMBASSY],
  actors: ["act-mohammed-shia-al-sudani", "act-iraqi-government", "act-coalition-against-is"],
  appearances: [
    ev(
      S0,
      "The Pentagon said Defense Secretary Lloyd Austin condemned the attack on the embassy in Baghdad during a call with Iraqi Prime Minister Mohammed Shia al-Sudani in which they discussed the Iraqi government's commitment to protecting diplomats and international coalition advisers.",
    ),
  ],
});

add({
  statement: {
    id: "stmt-miller-embassy-attack",
    speakerId: "act-matthew-miller",
    onBehalfOfId: "act-us-state-department",
    saidOn: "2023-12-08",
    saidOnPrecision: DatePrecision.WEEK,
    saidOnResolution: AFTER_EMBASSY_000_003,
    channel: StatementChannel.UNSPECIFIED,
    mode: StatementMode.PARTIAL_QUOTE,
    text: 'The State Department condemned the attack and called on Iraqi Security Forces “to immediately investigate and arrest the perpetrators”. Miller: "The many Iran-aligned militias that operate freely in Iraq threaten the security and stability of Iraq, our personnel, and our partners in the region...Prime Minister Sudani rightly called these attacks acts of terrorism." “The Iraqi Government has repeatedly committed to protect diplomatic missions as well as US military personnel, who are present in the country at Iraq’s invitation. This is non-negotiable, as is our right to self-defense.”',
  },
  quotes: [
    {
      text: "to immediately investigate and arrest the perpetrators",
      evidence: ev(S3, "The US called on Iraqi Security Forces “to immediately investigate and arrest the perpetrators” of the attack."),
    },
    {
      text: "The many Iran-aligned militias that operate freely in Iraq threaten the security and stability of Iraq, our personnel, and our partners in the region...Prime Minister Sudani rightly called these attacks acts of terrorism",
      evidence: ev(
        S3,
        '"The many Iran-aligned militias that operate freely in Iraq threaten the security and stability of Iraq, our personnel, and our partners in the region...Prime Minister Sudani rightly called these attacks acts of terrorism," said US State Department spokesperson Matthew Miller.',
      ),
    },
    {
      text: "The Iraqi Government has repeatedly committed to protect diplomatic missions as well as US military personnel, who are present in the country at Iraq’s invitation. This is non-negotiable, as is our right to self-defense",
      evidence: ev(
        S3,
        "“The Iraqi Government has repeatedly committed to protect diplomatic missions as well as US military personnel, who are present in the country at Iraq’s invitation. This is non-negotiable, as is our right to self-defense,” he said.",
      ),
    },
  ],
  stances: [
    { kind: StanceKind.CONDEMNS, incidentId: EMBASSY },
    {
      kind: StanceKind.ACCUSES,
      actorId: "act-iran-aligned-militias",
      object: "threatening the security and stability of Iraq, US personnel and partners in the region",
    },
    { kind: StanceKind.DEMANDS, actorId: "act-iraqi-security-forces", object: "immediately investigate and arrest the perpetrators and bring them to justice" },
    { kind: StanceKind.DEMANDS, actorId: "act-iraqi-government", object: "protect diplomatic missions and US military personnel (non-negotiable)" },
    { kind: StanceKind.ASSERTS_RIGHT, object: "the United States' right to self-defense" },
  ],
  incidents: [EMBASSY],
  actors: ["act-iran-aligned-militias", "act-iraqi-security-forces", "act-iraqi-government", "act-mohammed-shia-al-sudani", "act-us-military"],
  appearances: [
    ev(
      S0,
      "The State Department also condemned the attack on the embassy and said Iran-aligned militias threatened the security of Iraq, U.S. personnel and partners in the region.",
    ),
    ev(
      S0,
      "State Department spokesman Matthew Miller called on Iraqi security forces to immediately investigate and arrest the perpetrators of these attacks and bring them to justice.",
    ),
    ev(
      S0,
      "Miller said the Iraqi government's commitment to protecting diplomatic missions is non-negotiable, as is the United States' right to self-defense.",
    ),
    ev(S3, "The US called on Iraqi Security Forces “to immediately investigate and arrest the perpetrators” of the attack."),
    ev(
      S3,
      '"The many Iran-aligned militias that operate freely in Iraq threaten the security and stability of Iraq, our personnel, and our partners in the region...Prime Minister Sudani rightly called these attacks acts of terrorism," said US State Department spokesperson Matthew Miller.',
    ),
    ev(
      S3,
      "“The Iraqi Government has repeatedly committed to protect diplomatic missions as well as US military personnel, who are present in the country at Iraq’s invitation. This is non-negotiable, as is our right to self-defense,” he said.",
    ),
  ],
});

add({
  statement: {
    id: "stmt-pentagon-official-dec-8-attacks",
    speakerId: "act-anon-pentagon-official-000",
    onBehalfOfId: "act-us-dod",
    saidOn: "2023-12-08",
    saidOnPrecision: DatePrecision.WEEK,
    saidOnResolution:
      "Undated: the official spoke of the attacks of 'yesterday' (8 December 2023) in the article of 9 December 2023 (000), so on 8 or 9 December; recorded as the week beginning 8 December 2023.",
    channel: StatementChannel.ANONYMOUS_BRIEFING,
    mode: StatementMode.PARAPHRASE,
    text: "Two attacks targeted Ain al-Assad base in Anbar province, which houses US forces and coalition forces; at the same time, three attacks targeted bases housing US troops in Syria.",
  },
  stances: [
    { kind: StanceKind.REPORTS, incidentId: AIN_AL_ASAD_8 },
    { kind: StanceKind.REPORTS, incidentId: SYRIA_BASES_8 },
  ],
  incidents: [AIN_AL_ASAD_8, SYRIA_BASES_8, WAVE],
  actors: ["act-us-military", "act-coalition-against-is"],
  appearances: [
    ev(
      S0,
      "A Pentagon official spoke of two attacks yesterday targeting Ain al-Assad base in Anbar province (western Iraq), which houses US forces and others from the international coalition against Islamic State.",
    ),
    ev(S0, "At the same time, three attacks targeted bases housing US troops in Syria, according to the Pentagon official."),
  ],
});

add({
  statement: {
    id: "stmt-kurdistan-source-erbil-drones",
    speakerId: "act-anon-kurdistan-security-source-000",
    saidOn: "2023-12-08",
    saidOnPrecision: DatePrecision.WEEK,
    saidOnResolution:
      "Undated: the source told of drones shot down 'yesterday' (8 December 2023) in the article of 9 December 2023 (000), so on 8 or 9 December; recorded as the week beginning 8 December 2023.",
    channel: StatementChannel.ANONYMOUS_BRIEFING,
    mode: StatementMode.PARAPHRASE,
    text: "The defenses shot down four drones north of Erbil before they entered the airport area and the US base.",
  },
  stances: [{ kind: StanceKind.REPORTS, incidentId: ERBIL_8 }],
  incidents: [ERBIL_8],
  actors: ["act-anon-erbil-defenses-000", "act-us-military"],
  appearances: [
    ev(
      S0,
      "According to a security source in Iraqi Kurdistan, the defenses shot down yesterday 4 drones north of Erbil before entering the airport area and the US base.",
    ),
  ],
});

add({
  statement: {
    id: "stmt-us-17-attacks-since-oct-80",
    speakerId: "act-us",
    saidOn: "2023-12-03",
    saidOnPrecision: DatePrecision.WEEK,
    saidOnResolution: WEEK_BEFORE_000,
    channel: StatementChannel.UNSPECIFIED,
    mode: StatementMode.PARAPHRASE,
    text: "Groups Washington describes as pro-Iranian have launched 'about 17 attacks on US forces in Iraq and Syria since Oct. 80' (garbled in the article).",
  },
  stances: [
    { kind: StanceKind.REPORTS, incidentId: CAMPAIGN },
    { kind: StanceKind.ACCUSES, actorId: "act-iran-aligned-militias", object: "launching the attacks on US forces in Iraq and Syria" },
  ],
  incidents: [CAMPAIGN],
  actors: ["act-iran-aligned-militias", "act-us-military"],
  appearances: [
    ev(S0, "Washington confirmed that groups it described as pro-Iranian have launched about 17 attacks on US forces in Iraq and Syria since Oct. 80.", {
      garbled: true,
      note: "'since Oct. 80' is no date and 'about 17' is far below every other tally of the series; the figure is kept as printed and ranked DEPRECATED.",
    }),
  ],
});

add({
  statement: {
    id: "stmt-pentagon-dozens-lightly-wounded",
    speakerId: "act-us-dod",
    saidOn: "2023-12-03",
    saidOnPrecision: DatePrecision.WEEK,
    saidOnResolution: WEEK_BEFORE_000,
    channel: StatementChannel.UNSPECIFIED,
    mode: StatementMode.PARAPHRASE,
    text: "The attacks resulted in dozens of US soldiers being lightly wounded.",
  },
  stances: [{ kind: StanceKind.REPORTS, incidentId: CAMPAIGN, object: "dozens of US soldiers lightly wounded" }],
  incidents: [CAMPAIGN],
  actors: ["act-us-military"],
  appearances: [ev(S0, "The Pentagon confirmed that these attacks resulted in dozens of US soldiers being lightly wounded.")],
});

add({
  statement: {
    id: "stmt-pro-iranian-factions-gaza-response",
    speakerId: "act-iran-aligned-militias",
    saidOn: "2023-12-09",
    saidOnPrecision: DatePrecision.DAY,
    saidOnResolution: "Present tense ('pro-Iranian factions say') in the article of 9 December 2023 (000): recorded as standing on that date.",
    channel: StatementChannel.UNSPECIFIED,
    mode: StatementMode.PARAPHRASE,
    text: "The series of operations against US forces is a response to the Israeli war on the Gaza Strip.",
  },
  stances: [{ kind: StanceKind.JUSTIFIES, incidentId: CAMPAIGN, object: "a response to the Israeli war on the Gaza Strip" }],
  incidents: [CAMPAIGN, WAVE],
  actors: ["act-israel", "act-us-military"],
  appearances: [
    ev(
      S0,
      "At least six new attacks have targeted US forces in Iraq and Syria, including a rocket attack on the US embassy in Baghdad, as part of a series of operations that pro-Iranian factions say are a response to the Israeli war on the Gaza Strip.",
    ),
  ],
});

// --- 001 (AFP, inferred; 11 December) ---------------------------------------------------------

add({
  statement: {
    id: "stmt-us-military-official-dec-11-attacks",
    speakerId: "act-anon-us-military-official-001",
    onBehalfOfId: "act-us-military",
    saidOn: "2023-12-11",
    saidOnPrecision: DatePrecision.DAY,
    saidOnResolution: "Said the day of the attacks it describes ('on Monday'), in the article of Monday 11 December 2023 (001; date inferred, see the source).",
    channel: StatementChannel.ANONYMOUS_BRIEFING,
    mode: StatementMode.PARTIAL_QUOTE,
    text: "A drone attack and rocket launches on Monday targeted two bases housing coalition forces: a “drone attack” on the Ain al-Assad air base, with no casualties or damage, and “rockets” fired at a base in Ash Sadadi district in northern Syria.",
  },
  quotes: [
    {
      text: "drone attack",
      evidence: ev(
        S1,
        "In western Iraq, a “drone attack” targeted the Ain al-Assad air base, with no casualties or damage, according to the US official, who spoke on condition of anonymity.",
      ),
    },
    { text: "rockets", evidence: ev(S1, "In northern Syria, “rockets” were fired at a base in Ash Sadadi district, he added.") },
  ],
  stances: [
    { kind: StanceKind.REPORTS, incidentId: AIN_AL_ASAD_11 },
    { kind: StanceKind.REPORTS, incidentId: SHADDADI_11 },
  ],
  incidents: [AIN_AL_ASAD_11, SHADDADI_11],
  actors: ["act-coalition-against-is"],
  appearances: [
    ev(
      S1,
      "A drone attack and rocket launches on Monday targeted two military bases in Iraq and Syria that house forces of the international anti-jihadist coalition, a US military official said.",
    ),
    ev(
      S1,
      "In western Iraq, a “drone attack” targeted the Ain al-Assad air base, with no casualties or damage, according to the US official, who spoke on condition of anonymity.",
    ),
    ev(S1, "In northern Syria, “rockets” were fired at a base in Ash Sadadi district, he added."),
  ],
});

add({
  statement: {
    id: "stmt-islamic-resistance-claims-dec-11",
    speakerId: "act-islamic-resistance-in-iraq",
    saidOn: "2023-12-11",
    saidOnPrecision: DatePrecision.DAY,
    saidOnResolution: "The claim of Monday's attacks, in the article of Monday 11 December 2023 (001; date inferred, see the source).",
    channel: StatementChannel.UNSPECIFIED,
    mode: StatementMode.PARAPHRASE,
    text: "The Islamic Resistance in Iraq took responsibility, once again, for Monday's attacks, which it says are due to US support for Israel in the war against Hamas in the Gaza Strip.",
  },
  stances: [
    { kind: StanceKind.CLAIMS_RESPONSIBILITY, incidentId: AIN_AL_ASAD_11 },
    { kind: StanceKind.CLAIMS_RESPONSIBILITY, incidentId: SHADDADI_11 },
    { kind: StanceKind.JUSTIFIES, incidentId: CAMPAIGN, object: "the US support for Israel in the war against Hamas in the Gaza Strip" },
  ],
  incidents: [AIN_AL_ASAD_11, SHADDADI_11, CAMPAIGN],
  actors: ["act-us", "act-israel", "act-hamas"],
  appearances: [
    ev(
      S1,
      "The responsibility was taken once again by the “Islamic Resistance in Iraq”, a nebula of fighters considered to belong to pro-Iranian armed groups, components of the Hasd al-Shaabi (“Popular Mobilization Units”), an alliance officially integrated into the Iraqi regular forces.",
    ),
    ev(
      S1,
      "The attacks by pro-Iranian paramilitaries are due, according to the “Islamic Resistance in Iraq”, to the US support for Israel in the war against Hamas in the Gaza Strip since October 7.",
    ),
  ],
});

add({
  statement: {
    id: "stmt-us-92-attacks",
    speakerId: "act-us",
    saidOn: "2023-12-11",
    saidOnPrecision: DatePrecision.DAY,
    saidOnResolution: "Present tense ('Washington counts') in the article of Monday 11 December 2023 (001; date inferred): recorded as of that date.",
    channel: StatementChannel.UNSPECIFIED,
    mode: StatementMode.PARAPHRASE,
    text: "At least 92 attacks in Iraq and Syria since October 17.",
  },
  stances: [{ kind: StanceKind.REPORTS, incidentId: CAMPAIGN, object: "at least 92 attacks since 17 October" }],
  incidents: [CAMPAIGN],
  appearances: [
    ev(S1, "In total, Washington counts at least 92 attacks in Iraq and Syria since October 17, i.e. ten days after the outbreak of the Israel/Hamas war."),
  ],
});

add({
  statement: {
    id: "stmt-kataeb-hezbollah-new-rules",
    speakerId: "act-kataib-hezbollah",
    saidOn: "2023-12-09",
    saidOnPrecision: DatePrecision.DAY,
    saidOnResolution: "'On Saturday' in the article of Monday 11 December 2023 (001; date inferred): Saturday 9 December 2023.",
    channel: StatementChannel.UNSPECIFIED,
    mode: StatementMode.PARTIAL_QUOTE,
    text: "The latest attacks were part of the implementation of “new rules of engagement”. “Our operations against the American occupation forces will continue until the departure of the last American soldier from Iraqi territory.”",
  },
  quotes: [
    {
      text: "new rules of engagement",
      evidence: ev(
        S1,
        "On Saturday, Kataeb Hezbollah (“Brigades of the Party of God”), a powerful component of Hashd, said the latest attacks were part of the implementation of “new rules of engagement”.",
      ),
    },
    {
      text: "Our operations against the American occupation forces will continue until the departure of the last American soldier from Iraqi territory",
      evidence: ev(
        S1,
        "“Our operations against the American occupation forces will continue until the departure of the last American soldier from Iraqi territory,” he stressed.",
        { note: "'he': the article does not name who spoke for Kataeb Hezbollah." },
      ),
    },
  ],
  stances: [
    { kind: StanceKind.JUSTIFIES, incidentId: CAMPAIGN, object: "the latest attacks, as the implementation of 'new rules of engagement'" },
    { kind: StanceKind.THREATENS, actorId: "act-us-military", object: "operations until the departure of the last American soldier from Iraqi territory" },
  ],
  incidents: [CAMPAIGN],
  actors: ["act-us-military"],
  appearances: [
    ev(
      S1,
      "On Saturday, Kataeb Hezbollah (“Brigades of the Party of God”), a powerful component of Hashd, said the latest attacks were part of the implementation of “new rules of engagement”.",
    ),
    ev(
      S1,
      "“Our operations against the American occupation forces will continue until the departure of the last American soldier from Iraqi territory,” he stressed.",
      { note: "'he': the article does not name who spoke for Kataeb Hezbollah." },
    ),
  ],
});

add({
  statement: {
    id: "stmt-austin-accuses-kh-and-nujaba",
    speakerId: "act-lloyd-austin",
    onBehalfOfId: "act-us-dod",
    saidOn: "2023-12-04",
    saidOnPrecision: DatePrecision.WEEK,
    saidOnResolution: "'Last week' in the article of Monday 11 December 2023 (001; date inferred): the week of 4-10 December 2023.",
    channel: StatementChannel.PRESS_RELEASE,
    mode: StatementMode.PARTIAL_QUOTE,
    text: "Kataeb Hezbollah and al-Nujaba are “responsible for most of the attacks against coalition personnel”; the US “reserves the right to retaliate with decisive way against these organizations”.",
  },
  quotes: [
    {
      text: "responsible for most of the attacks against coalition personnel",
      evidence: ev(
        S1,
        "Last week, US Defense Secretary Lloyd Austin accused Kataeb Hezbollah and al-Nujaba, another pro-Iranian paramilitary group, of being “responsible for most of the attacks against coalition personnel” and said the US “reserves the right to retaliate with decisive way against these organizations”, according to a press release released by his services.",
      ),
    },
    {
      text: "reserves the right to retaliate with decisive way against these organizations",
      evidence: ev(
        S1,
        "Last week, US Defense Secretary Lloyd Austin accused Kataeb Hezbollah and al-Nujaba, another pro-Iranian paramilitary group, of being “responsible for most of the attacks against coalition personnel” and said the US “reserves the right to retaliate with decisive way against these organizations”, according to a press release released by his services.",
      ),
    },
  ],
  stances: [
    {
      kind: StanceKind.ACCUSES,
      actorId: "act-kataib-hezbollah",
      incidentId: CAMPAIGN,
      object: "responsible for most of the attacks against coalition personnel",
    },
    { kind: StanceKind.ACCUSES, actorId: "act-al-nujaba", incidentId: CAMPAIGN, object: "responsible for most of the attacks against coalition personnel" },
    { kind: StanceKind.ASSERTS_RIGHT, object: "to retaliate decisively against Kataeb Hezbollah and al-Nujaba" },
  ],
  incidents: [CAMPAIGN],
  actors: ["act-kataib-hezbollah", "act-al-nujaba", "act-coalition-against-is"],
  appearances: [
    ev(
      S1,
      "Last week, US Defense Secretary Lloyd Austin accused Kataeb Hezbollah and al-Nujaba, another pro-Iranian paramilitary group, of being “responsible for most of the attacks against coalition personnel” and said the US “reserves the right to retaliate with decisive way against these organizations”, according to a press release released by his services.",
    ),
  ],
});

add({
  statement: {
    id: "stmt-pentagon-iran-linked-facilities",
    speakerId: "act-us-dod",
    saidOn: "2023-12-11",
    saidOnPrecision: DatePrecision.DAY,
    saidOnResolution: "Present tense ('it says') in the article of Monday 11 December 2023 (001; date inferred): recorded as of that date.",
    channel: StatementChannel.UNSPECIFIED,
    mode: StatementMode.PARAPHRASE,
    text: "The facilities in Syria struck by the US were linked to Iran.",
  },
  stances: [{ kind: StanceKind.ACCUSES, actorId: "act-iran", incidentId: US_STRIKES, object: "links to the facilities struck in Syria" }],
  incidents: [US_STRIKES],
  actors: ["act-iran", "act-kataib-hezbollah", "act-al-nujaba"],
  appearances: [
    ev(
      S1,
      "The Pentagon has already launched strikes against fighters of these two organizations in Iraq as well as facilities it says were linked to Iran in Syria.",
    ),
  ],
});

// --- 001, 003, 004: al-Sudani's statement of Friday 8 December ---------------------------------

add({
  statement: {
    id: "stmt-al-sudani-embassy-attack",
    speakerId: "act-mohammed-shia-al-sudani",
    onBehalfOfId: "act-iraq-pm-office",
    saidOn: "2023-12-08",
    saidOnPrecision: DatePrecision.DAY,
    saidOnResolution:
      "'On Friday' in 001 (Monday 11 December 2023) and 003 (Saturday 9 December 2023), reported the same day by 004 (Friday 8 December 2023): Friday 8 December 2023.",
    channel: StatementChannel.WRITTEN_STATEMENT,
    mode: StatementMode.PARTIAL_QUOTE,
    text: 'His government will “pursue the perpetrators of the attack” and “bring them to justice”; “targeting diplomatic missions is something that cannot be justified”, "regardless of the allegations and illusions behind these shameful acts"; Baghdad would “protect diplomatic missions.”',
  },
  quotes: [
    {
      text: "protect diplomatic missions.",
      evidence: ev(S1, "On Friday, Iraqi Prime Minister Mohammad Zia al-Sudani pledged again that Baghdad would “protect diplomatic missions.”"),
    },
    {
      text: "pursue the perpetrators of the attack",
      evidence: ev(
        S3,
        'Iraqi Prime Minister Mohammed Shia al-Sudani on Friday said that his government will “pursue the perpetrators of the attack” and “bring them to justice”, emphasising that targeting diplomatic missions cannot be justified under any circumstances "regardless of the allegations and illusions behind these shameful acts".',
      ),
    },
    {
      text: "bring them to justice",
      evidence: ev(
        S3,
        'Iraqi Prime Minister Mohammed Shia al-Sudani on Friday said that his government will “pursue the perpetrators of the attack” and “bring them to justice”, emphasising that targeting diplomatic missions cannot be justified under any circumstances "regardless of the allegations and illusions behind these shameful acts".',
      ),
    },
    {
      text: "regardless of the allegations and illusions behind these shameful acts",
      evidence: ev(
        S3,
        'Iraqi Prime Minister Mohammed Shia al-Sudani on Friday said that his government will “pursue the perpetrators of the attack” and “bring them to justice”, emphasising that targeting diplomatic missions cannot be justified under any circumstances "regardless of the allegations and illusions behind these shameful acts".',
      ),
    },
    {
      text: "targeting diplomatic missions is something that cannot be justified.",
      evidence: ev(
        S4,
        "In a statement, Iraq’s Prime Minister Mohammed Shia al-Sudani spoke out against the attack, saying that “targeting diplomatic missions is something that cannot be justified.”",
      ),
    },
  ],
  stances: [
    { kind: StanceKind.CONDEMNS, incidentId: EMBASSY },
    { kind: StanceKind.PLEDGES, incidentId: EMBASSY, object: "pursue the perpetrators of the attack and bring them to justice" },
    { kind: StanceKind.PLEDGES, object: "protect diplomatic missions" },
  ],
  incidents: [EMBASSY],
  actors: ["act-iraq", "act-iraqi-government"],
  appearances: [
    ev(S1, "On Friday, Iraqi Prime Minister Mohammad Zia al-Sudani pledged again that Baghdad would “protect diplomatic missions.”"),
    ev(
      S3,
      'Iraqi Prime Minister Mohammed Shia al-Sudani on Friday said that his government will “pursue the perpetrators of the attack” and “bring them to justice”, emphasising that targeting diplomatic missions cannot be justified under any circumstances "regardless of the allegations and illusions behind these shameful acts".',
    ),
    ev(S3, "Prime Minister Sudani rightly called these attacks acts of terrorism", {
      note: "Matthew Miller's account of the Prime Minister's words, inside Miller's quote.",
    }),
    ev(
      S4,
      "In a statement, Iraq’s Prime Minister Mohammed Shia al-Sudani spoke out against the attack, saying that “targeting diplomatic missions is something that cannot be justified.”",
    ),
  ],
});

// --- 002 (Ynetnews, inferred; 14 December) ---------------------------------------------------

add({
  statement: {
    id: "stmt-pentagon-official-97-attacks",
    speakerId: "act-anon-pentagon-official-002",
    onBehalfOfId: "act-us-dod",
    viaId: "act-al-jazeera",
    saidOn: "2023-12-14",
    saidOnPrecision: DatePrecision.DAY,
    saidOnResolution: "'on Thursday' in the article dated 2023-12-14, a Thursday: 14 December 2023.",
    channel: StatementChannel.INTERVIEW,
    mode: StatementMode.PARAPHRASE,
    text: "US forces have come under attack 97 times by missiles and attack drones in Syria and Iraq since October 17; this week alone, American troops were targeted five times.",
  },
  stances: [{ kind: StanceKind.REPORTS, incidentId: CAMPAIGN, object: "97 attacks since 17 October; five this week" }],
  incidents: [CAMPAIGN],
  actors: ["act-us-military"],
  appearances: [
    ev(
      S2,
      "U.S. force have come under attack 97 times by missiles and attack drones, in Syria and Iraq since October 17, a pentagon official said on Thursday.",
    ),
    ev(S2, "Speaking to the Qatari based Al Jazeera network the official said that this week alone, American troops were targeted five times."),
  ],
});

add({
  statement: {
    id: "stmt-iraqi-officials-embassy-arrests",
    speakerId: "act-anon-iraqi-officials-002",
    onBehalfOfId: "act-iraqi-government",
    viaId: "act-al-araby-al-jadeed",
    saidOn: "2023-12-08",
    saidOnPrecision: DatePrecision.WEEK,
    saidOnResolution: AFTER_EMBASSY_002,
    channel: StatementChannel.UNSPECIFIED,
    mode: StatementMode.PARAPHRASE,
    text: "Some arrests were made of people suspected of involvement in the attack on the embassy.",
  },
  stances: [{ kind: StanceKind.REPORTS, incidentId: ARRESTS }],
  incidents: [ARRESTS, EMBASSY],
  appearances: [
    ev(
      S2,
      "According to a report in the UK based, Qatari owned Al-Araby Al-Jadeed, Iraqi officials said some arrests were made of people suspected of involvement in the attack on the embassy.",
    ),
  ],
});

add({
  statement: {
    id: "stmt-pm-spokesperson-embassy-arrests",
    speakerId: "act-anon-iraq-pm-spokesperson-002",
    onBehalfOfId: "act-iraq-pm-office",
    viaId: "act-al-arabiya",
    saidOn: "2023-12-08",
    saidOnPrecision: DatePrecision.WEEK,
    saidOnResolution: AFTER_EMBASSY_002,
    channel: StatementChannel.UNSPECIFIED,
    mode: StatementMode.PARAPHRASE,
    text: "The security forces succeeded in identifying the perpetrators of the attack after considerable intelligence efforts; some were arrested (how many was not specified).",
  },
  stances: [{ kind: StanceKind.REPORTS, incidentId: ARRESTS }],
  incidents: [ARRESTS, EMBASSY],
  actors: ["act-iraqi-security-forces"],
  appearances: [
    ev(
      S2,
      "Saudi Arabia's Al Arabiya network reported that a spokesperson for Iraq's Prime Minister Mohammed Shia al-Sudani said the security forces succeeded in identifying the perpetrators of the attack after considerable intelligence efforts.",
    ),
    ev(S2, "He said some were arrested but did not specify how many."),
  ],
});

add({
  statement: {
    id: "stmt-al-sudani-criticizes-us-strikes",
    speakerId: "act-mohammed-shia-al-sudani",
    onBehalfOfId: "act-iraq-pm-office",
    saidOn: "2023-12-08",
    saidOnPrecision: DatePrecision.WEEK,
    saidOnResolution: AFTER_EMBASSY_002,
    channel: StatementChannel.UNSPECIFIED,
    mode: StatementMode.PARAPHRASE,
    text: "Al-Sudani condemned the attacks as a threat to national security and stability but also criticized US counter-strikes as a violation of Iraq's sovereignty.",
  },
  stances: [
    { kind: StanceKind.CONDEMNS, incidentId: CAMPAIGN, object: "a threat to national security and stability" },
    { kind: StanceKind.CRITICIZES, incidentId: US_STRIKES, actorId: "act-us", object: "a violation of Iraq's sovereignty" },
  ],
  incidents: [CAMPAIGN, US_STRIKES],
  actors: ["act-us"],
  appearances: [
    ev(
      S2,
      "Al-Sudani condemned the attacks claiming they were a threat to national security and stability but also criticized U.S. counter-strikes as a violation of his country’s sovereignty.",
    ),
  ],
});

add({
  statement: {
    id: "stmt-us-right-to-defend-itself",
    speakerId: "act-us",
    saidOn: "2023-12-08",
    saidOnPrecision: DatePrecision.WEEK,
    saidOnResolution: AFTER_EMBASSY_002,
    channel: StatementChannel.UNSPECIFIED,
    mode: StatementMode.PARAPHRASE,
    text: "The US has a right to defend itself against attack.",
  },
  stances: [{ kind: StanceKind.ASSERTS_RIGHT, incidentId: US_STRIKES, object: "to defend itself against attack" }],
  incidents: [US_STRIKES],
  appearances: [ev(S2, "The U.S. insisted it had a right to defend itself against attack")],
});

add({
  statement: {
    id: "stmt-report-sources-iraqi-condemnation",
    speakerId: "act-anon-report-sources-002",
    saidOn: "2023-12-08",
    saidOnPrecision: DatePrecision.WEEK,
    saidOnResolution: AFTER_EMBASSY_002,
    channel: StatementChannel.UNSPECIFIED,
    mode: StatementMode.PARAPHRASE,
    text: "The Iraqi government condemned the attack on the embassy but not the strikes targeting the US forces.",
  },
  stances: [
    { kind: StanceKind.REPORTS, actorId: "act-iraqi-government", object: "condemned the attack on the embassy but not the strikes targeting the US forces" },
  ],
  incidents: [EMBASSY, CAMPAIGN],
  actors: ["act-iraqi-government", "act-us-military"],
  appearances: [
    ev(S2, "sources quoted in the report, noted said the Iraqi government condemned the attack on the embassy but not the strikes targeting the U.S. forces", {
      note: "'the report': the article does not make clear whether Al Arabiya's or Al-Araby Al-Jadeed's.",
    }),
  ],
});

add({
  statement: {
    id: "stmt-blinken-call-al-sudani",
    speakerId: "act-antony-blinken",
    onBehalfOfId: "act-us-state-department",
    viaId: "act-al-araby-al-jadeed",
    saidOn: "2023-12-08",
    saidOnPrecision: DatePrecision.WEEK,
    saidOnResolution: AFTER_EMBASSY_002,
    channel: StatementChannel.CALL,
    mode: StatementMode.PARAPHRASE,
    text: "In a call with al-Sudani, Blinken cautioned against continued assaults by the armed factions against American bases in Iraq and Syria, and alluded that a failure by the Iraqi government to protect American interests had prompted the US to take action against the Iran-backed militias and their leaders.",
  },
  stances: [
    { kind: StanceKind.WARNS, actorId: "act-iran-aligned-militias", object: "continued assaults against American bases in Iraq and Syria" },
    { kind: StanceKind.CRITICIZES, actorId: "act-iraqi-government", object: "a failure to protect American interests" },
    { kind: StanceKind.JUSTIFIES, incidentId: US_STRIKES, object: "action against the Iran-backed militias and their leaders" },
  ],
  incidents: [US_STRIKES, CAMPAIGN],
  actors: ["act-mohammed-shia-al-sudani", "act-iran-aligned-militias", "act-iraqi-government"],
  appearances: [
    ev(
      S2,
      "Al-Araby Al-Jadeed reported that Al-Sudani spoke with U.S. Secretary of State Antony Blinken who cautioned against continued assaults by the armed factions against American bases in Iraq and Syria.",
    ),
    ev(
      S2,
      "Blinken responded by alluding that a failure by the Iraqi government to protect American interests, has prompted the U.S. to take action against the Iran-backed militias and their leaders.",
    ),
  ],
});

add({
  statement: {
    id: "stmt-al-sudani-call-blinken",
    speakerId: "act-mohammed-shia-al-sudani",
    onBehalfOfId: "act-iraq-pm-office",
    viaId: "act-al-araby-al-jadeed",
    saidOn: "2023-12-08",
    saidOnPrecision: DatePrecision.WEEK,
    saidOnResolution: AFTER_EMBASSY_002,
    channel: StatementChannel.CALL,
    mode: StatementMode.PARAPHRASE,
    text: "In the call with Blinken, al-Sudani reiterated Iraq's commitment to protect diplomatic missions and said his security services could provide that protection without outside interference.",
  },
  stances: [
    { kind: StanceKind.PLEDGES, object: "protect diplomatic missions" },
    { kind: StanceKind.ASSERTS_RIGHT, object: "Iraq's security services protect diplomatic missions without outside interference" },
  ],
  actors: ["act-antony-blinken", "act-iraqi-security-forces"],
  incidents: [US_STRIKES],
  appearances: [
    ev(
      S2,
      "The Prime Minister reiterated his county's commitment to protect diplomatic missions and said his security services were able to provide that protection without outside interference.",
      { garbled: true, note: "'county's' for 'country's'." },
    ),
  ],
});

// --- 003 (India TV, inferred; 9 December) ----------------------------------------------------

add({
  statement: {
    id: "stmt-abu-alaa-al-walae-rejects-easing",
    speakerId: "act-abu-alaa-al-walae",
    onBehalfOfId: "act-kataib-sayyid-al-shuhada",
    saidOn: "2023-12-08",
    saidOnPrecision: DatePrecision.WEEK,
    saidOnResolution:
      "'later', after the embassy attack of Friday 8 December 2023, in the article of 9 December 2023 (003): 8 or 9 December; recorded as the week beginning 8 December 2023.",
    channel: StatementChannel.UNSPECIFIED,
    mode: StatementMode.PARTIAL_QUOTE,
    text: 'Without taking responsibility for the embassy attack, he said they rejected "talk about stopping or easing operations as long as Zionist crimes continue in Gaza and the American occupation continues in Iraq".',
  },
  quotes: [
    {
      text: "talk about stopping or easing operations as long as Zionist crimes continue in Gaza and the American occupation continues in Iraq",
      evidence: ev(
        S3,
        'Although the commander of the Iraqi militant group Kataib Sayyid al-Shuhada, Abu Alaa al-Walae, did not take responsibility for the attack, he later said that they have rejected "talk about stopping or easing operations as long as Zionist crimes continue in Gaza and the American occupation continues in Iraq".',
      ),
    },
  ],
  stances: [
    { kind: StanceKind.DECLINES_TO_CLAIM, incidentId: EMBASSY },
    {
      kind: StanceKind.THREATENS,
      actorId: "act-us-military",
      object: "no stopping or easing of operations as long as the war in Gaza and the American presence in Iraq continue",
    },
  ],
  incidents: [EMBASSY, CAMPAIGN],
  actors: ["act-israel", "act-us-military"],
  appearances: [
    ev(
      S3,
      'Although the commander of the Iraqi militant group Kataib Sayyid al-Shuhada, Abu Alaa al-Walae, did not take responsibility for the attack, he later said that they have rejected "talk about stopping or easing operations as long as Zionist crimes continue in Gaza and the American occupation continues in Iraq".',
    ),
  ],
});

add({
  statement: {
    id: "stmt-iran-backed-militia-vows-more-attacks",
    speakerId: "act-unnamed-embassy-militia",
    saidOn: "2023-12-03",
    saidOnPrecision: DatePrecision.WEEK,
    saidOnResolution: "Undated ('has vowed') in the article of 9 December 2023 (003); recorded as the week ending on that date (3-9 December 2023).",
    channel: StatementChannel.UNSPECIFIED,
    mode: StatementMode.PARAPHRASE,
    text: "More such attacks on US interests in Iraq as long as America continues to back Israel.",
  },
  stances: [{ kind: StanceKind.THREATENS, actorId: "act-us", object: "more such attacks on US interests in Iraq as America continues to back Israel" }],
  incidents: [EMBASSY],
  actors: ["act-us", "act-israel"],
  appearances: [ev(S3, "The Iran-backed militia has vowed more such attacks on US interests in Iraq as America continues to back Israel.")],
});

add({
  statement: {
    id: "stmt-houthis-claim-red-sea-attacks",
    speakerId: "act-houthis",
    saidOn: "2023-12-02",
    saidOnPrecision: DatePrecision.WEEK,
    saidOnResolution:
      "Undated claim of attacks of 'a few days ago' in the article of Saturday 9 December 2023 (003): the week 2-8 December 2023, as the attacks.",
    channel: StatementChannel.UNSPECIFIED,
    mode: StatementMode.PARAPHRASE,
    text: "The Houthis claimed responsibility for two of the attacks against the ships.",
  },
  stances: [{ kind: StanceKind.CLAIMS_RESPONSIBILITY, incidentId: RED_SEA, object: "two of the three attacks" }],
  incidents: [RED_SEA],
  appearances: [ev(S3, "The Houthis claimed responsibility for two of the attacks against the ships.")],
});

add({
  statement: {
    id: "stmt-us-identified-imminent-attack",
    speakerId: "act-us",
    saidOn: "2023-12-01",
    saidOnPrecision: DatePrecision.WEEK,
    saidOnResolution: "Undated; given for the strike that 000 places 'days' before 8 December 2023: recorded as the week 1-7 December 2023, as the strike.",
    channel: StatementChannel.UNSPECIFIED,
    mode: StatementMode.PARTIAL_QUOTE,
    text: "The US “identified an imminent attack” likely to be launched by militia forces in Iraq.",
  },
  quotes: [
    {
      text: "identified an imminent attack",
      evidence: ev(
        S3,
        "American troops killed at least five Iran-backed militia members in a drone strike after the US “identified an imminent attack” was likely to be launched by militia forces in Iraq.",
      ),
    },
  ],
  stances: [{ kind: StanceKind.JUSTIFIES, incidentId: KIRKUK, object: "an imminent attack likely to be launched by militia forces in Iraq" }],
  incidents: [KIRKUK],
  actors: ["act-iran-aligned-militias"],
  appearances: [
    ev(
      S3,
      "American troops killed at least five Iran-backed militia members in a drone strike after the US “identified an imminent attack” was likely to be launched by militia forces in Iraq.",
    ),
  ],
});

add({
  statement: {
    id: "stmt-officials-yemen-ship-seizure",
    speakerId: "act-anon-officials-003",
    saidOn: "2023-11-01",
    saidOnPrecision: DatePrecision.MONTH,
    saidOnResolution:
      "Undated: officials' account of a late-November event, reported on 9 December 2023 (003); recorded as November 2023, the month of the event (it may have been given in early December).",
    channel: StatementChannel.UNSPECIFIED,
    mode: StatementMode.PARAPHRASE,
    text: "The US Navy apprehended armed attackers who had seized an Israeli-linked ship off the coast of Yemen.",
  },
  stances: [{ kind: StanceKind.REPORTS, incidentId: SHIP_SEIZURE }],
  incidents: [SHIP_SEIZURE],
  actors: ["act-us-navy", "act-ship-seizure-attackers"],
  appearances: [
    ev(S3, "In late November, the US Navy apprehended armed attackers who seized an Israeli-linked shop off the coast of Yemen, according to officials.", {
      garbled: true,
      note: "The article prints 'shop' where it means 'ship' (the next sentence speaks of 'the Israel-linked ship'); the sentence is kept as printed.",
    }),
  ],
});

// --- 004 (New York Post, inferred; 8 December) -----------------------------------------------

add({
  statement: {
    id: "stmt-defense-officials-embassy-attack",
    speakerId: "act-anon-defense-officials-004",
    saidOn: "2023-12-08",
    saidOnPrecision: DatePrecision.DAY,
    saidOnResolution: "Given on the day of the attack ('on Friday') for the article of Friday 8 December 2023 (004; date inferred).",
    channel: StatementChannel.ANONYMOUS_BRIEFING,
    mode: StatementMode.PARAPHRASE,
    text: "Iran-backed militias fired a barrage of rockets at the US Embassy in Baghdad as enemy groups also launched strikes on American forces in Iraq and Syria; no group had claimed the embassy attack, and officials believe the perpetrator was an Iran-aligned group.",
  },
  stances: [
    { kind: StanceKind.ACCUSES, actorId: "act-iran-aligned-militias", incidentId: EMBASSY, object: "firing a barrage of rockets at the US Embassy in Baghdad" },
    { kind: StanceKind.ACCUSES, actorId: "act-unnamed-embassy-militia", incidentId: EMBASSY, object: "the perpetrator was an Iran-aligned group" },
    { kind: StanceKind.REPORTS, incidentId: WAVE },
  ],
  incidents: [EMBASSY, WAVE],
  actors: ["act-iran-aligned-militias", "act-unnamed-embassy-militia", "act-us-embassy-baghdad"],
  appearances: [
    ev(
      S4,
      "WASHINGTON – Iran-backed militias fired a barrage of rockets at the US Embassy in Baghdad on Friday — as enemy groups also launched strikes on American forces in Iraq and Syria, according to defense officials.",
    ),
    ev(
      S4,
      "No specific militia group had claimed responsibility for the strike, however, officials believe the perpetrator was an Iran-aligned group, of which there are many in the region.",
      { note: "'officials', read as the defense officials of the lead." },
    ),
  ],
});

add({
  statement: {
    id: "stmt-islamic-resistance-claims-dec-8",
    speakerId: "act-islamic-resistance-in-iraq",
    saidOn: "2023-12-08",
    saidOnPrecision: DatePrecision.DAY,
    saidOnResolution: "A claim of attacks 'Friday' in the article of Friday 8 December 2023 (004; date inferred): 8 December 2023.",
    channel: StatementChannel.UNSPECIFIED,
    mode: StatementMode.PARAPHRASE,
    text: "The Islamic Resistance claimed responsibility for separate attacks on US forces at al-Asaf (Ain al-Asad) airbase in western Iraq and the Conoco gas field in eastern Syria.",
  },
  stances: [
    { kind: StanceKind.CLAIMS_RESPONSIBILITY, incidentId: AIN_AL_ASAD_8 },
    { kind: StanceKind.CLAIMS_RESPONSIBILITY, incidentId: CONOCO_8 },
  ],
  incidents: [AIN_AL_ASAD_8, CONOCO_8, WAVE],
  actors: ["act-us-military"],
  appearances: [
    ev(
      S4,
      "Meanwhile, the Iran-backed Islamic Resistance claimed responsibility for separate attacks Friday on US forces stationed at al-Asaf airbase in western Iraq and Conoco gas field in eastern Syria.",
    ),
  ],
});

add({
  statement: {
    id: "stmt-singh-briefing-2023-12-07",
    speakerId: "act-sabrina-singh",
    onBehalfOfId: "act-us-dod",
    saidOn: "2023-12-07",
    saidOnPrecision: DatePrecision.DAY,
    saidOnResolution:
      "'Thursday' ('As of Thursday', 'Asked Thursday') in the article of Friday 8 December 2023 (004; date inferred): Thursday 7 December 2023. The quote on 66 injuries 'as of Dec. 4' is not dated by the article.",
    channel: StatementChannel.PRESS_BRIEFING,
    mode: StatementMode.PARTIAL_QUOTE,
    text: "About 78 attacks on US forces in the region since Oct. 17, some causing minor injuries and traumatic brain injuries; “as of Dec. 4, it’s still about 66 of our folks who have received non-serious, non-life threatening injuries”; no attacks in the past 24 hours, but “it’s really hard” to say the militias are slowing down, as it is not uncommon to “have like a day or two that will go without any attacks.”",
  },
  quotes: [
    {
      text: "I would say that as of Dec. 4, it’s still about 66 of our folks who have received non-serious, non-life threatening injuries [in the attacks], all who have returned to work",
      evidence: ev(
        S4,
        "“I would say that as of Dec. 4, it’s still about 66 of our folks who have received non-serious, non-life threatening injuries [in the attacks], all who have returned to work,” she said.",
      ),
    },
    {
      text: "it’s really hard",
      evidence: ev(
        S4,
        "Asked Thursday whether that meant the militias were slowing down their attacks, the defense spokesperson said “it’s really hard” to make that distinction because it was not uncommon to “have like a day or two that will go without any attacks.”",
      ),
    },
    {
      text: "have like a day or two that will go without any attacks.",
      evidence: ev(
        S4,
        "Asked Thursday whether that meant the militias were slowing down their attacks, the defense spokesperson said “it’s really hard” to make that distinction because it was not uncommon to “have like a day or two that will go without any attacks.”",
      ),
    },
  ],
  stances: [
    {
      kind: StanceKind.REPORTS,
      incidentId: CAMPAIGN,
      object: "about 78 attacks since 17 October; about 66 US personnel injured as of 4 December; no attacks in 24 hours",
    },
  ],
  incidents: [CAMPAIGN],
  actors: ["act-us-military", "act-iran-aligned-militias"],
  appearances: [
    ev(
      S4,
      "As of Thursday, there had been about 78 attacks on US forces in the region since Oct. 17 — some of which resulted in minor injuries and traumatic brain injuries, according to Pentagon deputy spokesperson Sabrina Singh",
    ),
    ev(
      S4,
      "“I would say that as of Dec. 4, it’s still about 66 of our folks who have received non-serious, non-life threatening injuries [in the attacks], all who have returned to work,” she said.",
      { note: "The article does not date this quote; it follows the 'As of Thursday' tally." },
    ),
    ev(
      S4,
      "The latest strikes came after a day of peace on Thursday, during which Singh said there had been no attacks on US forces in the region over a 24-hour period.",
    ),
    ev(
      S4,
      "Asked Thursday whether that meant the militias were slowing down their attacks, the defense spokesperson said “it’s really hard” to make that distinction because it was not uncommon to “have like a day or two that will go without any attacks.”",
    ),
  ],
});

add({
  statement: {
    id: "stmt-singh-minor-injury-reporting-delay",
    speakerId: "act-sabrina-singh",
    onBehalfOfId: "act-us-dod",
    saidOn: "2023-11-01",
    saidOnPrecision: DatePrecision.MONTH,
    saidOnResolution:
      "'In the past' in the article of 8 December 2023 (004): some time between the start of the attacks (17 October 2023) and 7 December 2023; no date given. Recorded as November 2023, the middle of that span; the true date is not known.",
    channel: StatementChannel.UNSPECIFIED,
    mode: StatementMode.PARAPHRASE,
    text: "It can take several days to get reports from those who experience minor injuries.",
  },
  stances: [{ kind: StanceKind.REPORTS, incidentId: CAMPAIGN, object: "several days' delay in reports of minor injuries" }],
  incidents: [CAMPAIGN],
  actors: ["act-us-military"],
  appearances: [ev(S4, "In the past, Singh has said it can take several days to get reports from those who experience minor injuries.")],
});

// ---------------------------------------------------------------------------------------------

export const statementDataset: StatementDataset = {
  sources: [
    {
      id: S0,
      fileName: FILES[S0],
      title: "Wreckage of a drone dropped at Ain al-Assad base in western Iraq (Reuters-Archive)",
      outletId: "act-al-jazeera",
      outletStated: true,
      outletReasoning: "The article ends 'Source : Al Jazeera + Agencies'.",
      publishedOn: "2023-12-09",
      publishedOnStated: false,
      publishedOnReasoning:
        "Not stated. The article reports the rocket attack on the US embassy in Baghdad as 'yesterday'; that attack was on Friday 8 December 2023 (003, dated 2023-12-09, says 'on Friday'; 004 says 'around 4:15 a.m. Friday'), so the article is of Saturday 9 December 2023.",
      text: ARTICLES[FILES[S0]],
    },
    {
      id: S1,
      fileName: FILES[S1],
      title:
        "A drone attack and rocket launches on Monday targeted two military bases in Iraq and Syria that house forces of the international anti-jihadist coalition, a US military official said.",
      outletId: "act-afp",
      outletStated: false,
      outletReasoning:
        "Not stated. Reads as AFP wire copy translated from French: 'international anti-jihadist coalition', 'a nebula of fighters', 'Hasd al-Shaabi', 'according to a press release released by his services', and a US official speaking on condition of anonymity.",
      publishedOn: "2023-12-11",
      publishedOnStated: false,
      publishedOnReasoning:
        "Not stated. The article's news is the attacks 'on Monday', while the embassy attack 'On Friday' and Kataeb Hezbollah's statement 'On Saturday' are past; the embassy attack was Friday 8 December 2023 (003, dated 2023-12-09), so Monday is 11 December 2023. Its tally of 'at least 92' lies between 82 (9 December, 003) and 97 (14 December, 002).",
      text: ARTICLES[FILES[S1]],
    },
    {
      id: S2,
      fileName: FILES[S2],
      title:
        "U.S. force have come under attack 97 times by missiles and attack drones, in Syria and Iraq since October 17, a pentagon official said on Thursday.",
      outletId: "act-ynetnews",
      outletStated: false,
      outletReasoning:
        "Not stated. The '2 View gallery' photo markers and '( Photo: ... )' credits are Ynetnews' page layout, and the article explains Al Jazeera, Al-Araby Al-Jadeed and Al Arabiya to a non-Arab readership.",
      publishedOn: "2023-12-14",
      publishedOnStated: true,
      publishedOnReasoning:
        "Stated: the text begins 'date 2023-12-14'; consistent with 'a pentagon official said on Thursday' (14 December 2023 was a Thursday) and the embassy attack 'last week'.",
      text: ARTICLES[FILES[S2]],
    },
    {
      id: S3,
      fileName: FILES[S3],
      title: "The US embassy in Iraq came under fire by a multi-mortar attack allegedly by an Iran-backed militia on Friday morning",
      outletId: "act-india-tv",
      outletStated: false,
      outletReasoning:
        "Not stated. The page furniture 'Follow us on' and the caption credit 'Image Source : REUTERS/FILE' are India TV's (indiatvnews.com) layout.",
      publishedOn: "2023-12-09",
      publishedOnStated: true,
      publishedOnReasoning: "Stated: the text begins 'date 2023-12-09'; consistent with the embassy attack 'on Friday morning' (8 December 2023).",
      text: ARTICLES[FILES[S3]],
    },
    {
      id: S4,
      fileName: FILES[S4],
      title: "Iran-backed militias strike US embassy in Baghdad, Middle East military bases",
      outletId: "act-new-york-post",
      outletStated: false,
      outletReasoning:
        "Not stated (only 'Source link'). Inferred from the New York Post house style: the 'WASHINGTON –' dateline with an en dash, the headline, and photo captions credited 'REUTERS' and 'AP' on their own line.",
      publishedOn: "2023-12-08",
      publishedOnStated: false,
      publishedOnReasoning:
        "Not stated. The article reports Friday's strikes as current news ('on Friday', 'It was immediately unclear whether any US troops were injured in the Friday strikes') and gives the tally 'As of Thursday' after 'a day of peace on Thursday'; the embassy attack was on Friday 8 December 2023 (003, dated 2023-12-09), so the article is of Friday 8 December 2023.",
      text: ARTICLES[FILES[S4]],
    },
  ],

  citations: [
    {
      id: `${S0}-cit-reuters-photo-1`,
      sourceId: S0,
      actorId: "act-reuters",
      kind: CitationKind.PHOTO_CREDIT,
      sentence: "Wreckage of a drone dropped at Ain al-Assad base in western Iraq (Reuters-Archive)",
    },
    {
      id: `${S0}-cit-reuters-report`,
      sourceId: S0,
      actorId: "act-reuters",
      kind: CitationKind.REPORTED_BY,
      sentence: "The US embassy in Baghdad was hit yesterday by the first rocket attack in more than a year, according to Reuters.",
    },
    {
      id: `${S0}-cit-reuters-photo-2`,
      sourceId: S0,
      actorId: "act-reuters",
      kind: CitationKind.PHOTO_CREDIT,
      sentence: "Apache helicopters fire light bombs over US embassy in Baghdad (Reuters - Archive)",
    },
    { id: `${S0}-cit-agencies`, sourceId: S0, actorId: "act-unnamed-agencies-000", kind: CitationKind.AGENCY, sentence: "Source : Al Jazeera + Agencies" },
    {
      id: `${S2}-cit-al-jazeera`,
      sourceId: S2,
      actorId: "act-al-jazeera",
      kind: CitationKind.REPORTED_BY,
      sentence: "Speaking to the Qatari based Al Jazeera network the official said that this week alone, American troops were targeted five times.",
    },
    {
      id: `${S2}-cit-ap-photo`,
      sourceId: S2,
      actorId: "act-ap",
      kind: CitationKind.PHOTO_CREDIT,
      sentence: "The U.S. embassy in Baghdad ( Photo:Khalid Mohammed / AP )",
    },
    {
      id: `${S2}-cit-al-araby-1`,
      sourceId: S2,
      actorId: "act-al-araby-al-jadeed",
      kind: CitationKind.REPORTED_BY,
      sentence:
        "According to a report in the UK based, Qatari owned Al-Araby Al-Jadeed, Iraqi officials said some arrests were made of people suspected of involvement in the attack on the embassy.",
    },
    {
      id: `${S2}-cit-al-arabiya`,
      sourceId: S2,
      actorId: "act-al-arabiya",
      kind: CitationKind.REPORTED_BY,
      sentence:
        "Saudi Arabia's Al Arabiya network reported that a spokesperson for Iraq's Prime Minister Mohammed Shia al-Sudani said the security forces succeeded in identifying the perpetrators of the attack after considerable intelligence efforts.",
    },
    {
      id: `${S2}-cit-al-araby-2`,
      sourceId: S2,
      actorId: "act-al-araby-al-jadeed",
      kind: CitationKind.REPORTED_BY,
      sentence:
        "Al-Araby Al-Jadeed reported that Al-Sudani spoke with U.S. Secretary of State Antony Blinken who cautioned against continued assaults by the armed factions against American bases in Iraq and Syria.",
    },
    {
      id: `${S2}-cit-afp-photo`,
      sourceId: S2,
      actorId: "act-afp",
      kind: CitationKind.PHOTO_CREDIT,
      sentence:
        "Iraq Iran-backed militias including al-Nujaba and Kataib Hezbollah in funeral for five militants killed in a U.S. strike ( Photo: Ahmad Al Rubaye / AFP )",
    },
    {
      id: `${S3}-cit-reuters-photo`,
      sourceId: S3,
      actorId: "act-reuters",
      kind: CitationKind.PHOTO_CREDIT,
      sentence: "Image Source : REUTERS/FILE US embassy in Iraq.",
    },
    {
      id: `${S3}-cit-cnn`,
      sourceId: S3,
      actorId: "act-cnn",
      kind: CitationKind.REPORTED_BY,
      sentence:
        "A few hours later, US and coalition forces were attacked three more times - once in Syria and twice in Iraq - in a mixture of rocket and drone attacks, reported CNN.",
    },
    {
      id: `${S3}-cit-usa-today`,
      sourceId: S3,
      actorId: "act-usa-today",
      kind: CitationKind.REPORTED_BY,
      sentence: "The attacks took place in international waters over seven hours, as per USA Today.",
    },
    {
      id: `${S4}-cit-reuters-photo`,
      sourceId: S4,
      actorId: "act-reuters",
      kind: CitationKind.PHOTO_CREDIT,
      sentence: "Iran-backed militias fired a barrage of rockets at the US Embassy in Baghdad on Friday. REUTERS",
    },
    {
      id: `${S4}-cit-ap-photo`,
      sourceId: S4,
      actorId: "act-ap",
      kind: CitationKind.PHOTO_CREDIT,
      sentence: "The US Embassy is seen from across the Tigris River in Baghdad, Iraq. AP",
    },
  ],

  statements,
  quotes,
  stances,
  statementIncidents,
  statementActors,
  appearances,

  figures: [
    // Attacks on US forces since 17 October 2023: one series, five disagreeing values
    {
      id: "fig-attacks-since-oct-17-004-78",
      metric: FigureMetric.ATTACKS_ON_US_FORCES,
      value: 78,
      qualifier: FigureQualifier.ABOUT,
      periodStart: "2023-10-17",
      asOf: "2023-12-07",
      scope: "attacks on US forces in the region",
      reportedById: "act-sabrina-singh",
      statementId: "stmt-singh-briefing-2023-12-07",
      incidentId: CAMPAIGN,
      rank: FigureRank.NORMAL,
      rawText: "about 78 attacks on US forces in the region since Oct. 17",
      evidence: ev(
        S4,
        "As of Thursday, there had been about 78 attacks on US forces in the region since Oct. 17 — some of which resulted in minor injuries and traumatic brain injuries, according to Pentagon deputy spokesperson Sabrina Singh",
        { note: "'As of Thursday' in the article of Friday 8 December 2023: 7 December 2023." },
      ),
    },
    {
      id: "fig-attacks-since-oct-17-003-82",
      metric: FigureMetric.ATTACKS_ON_US_FORCES,
      value: 82,
      qualifier: FigureQualifier.AT_LEAST,
      periodStart: "2023-10-17",
      asOf: "2023-12-09",
      scope: "attacks on US and coalition forces 'by Iran-backed militia in Iraq and Houthi rebels in Syria' (as printed)",
      incidentId: CAMPAIGN,
      rank: FigureRank.NORMAL,
      rankReason: "Unattributed: stated in the article's own voice.",
      rawText: "at least 82 times",
      evidence: ev(
        S3,
        "The US and coalition forces have been attacked at least 82 times by Iran-backed militia in Iraq and Houthi rebels in Syria since October 17",
        { note: "asOf: the article's date, 9 December 2023." },
      ),
    },
    {
      id: "fig-attacks-since-oct-17-001-92",
      metric: FigureMetric.ATTACKS_ON_US_FORCES,
      value: 92,
      qualifier: FigureQualifier.AT_LEAST,
      periodStart: "2023-10-17",
      asOf: "2023-12-11",
      scope: "attacks in Iraq and Syria",
      reportedById: "act-us",
      statementId: "stmt-us-92-attacks",
      incidentId: CAMPAIGN,
      rank: FigureRank.NORMAL,
      rawText: "at least 92 attacks in Iraq and Syria since October 17",
      evidence: ev(
        S1,
        "In total, Washington counts at least 92 attacks in Iraq and Syria since October 17, i.e. ten days after the outbreak of the Israel/Hamas war.",
        { note: "asOf: the article's (inferred) date, 11 December 2023." },
      ),
    },
    {
      id: "fig-attacks-since-oct-17-002-97",
      metric: FigureMetric.ATTACKS_ON_US_FORCES,
      value: 97,
      qualifier: FigureQualifier.EXACT,
      periodStart: "2023-10-17",
      asOf: "2023-12-14",
      scope: "attacks on US forces in Syria and Iraq by missiles and attack drones",
      reportedById: "act-anon-pentagon-official-002",
      statementId: "stmt-pentagon-official-97-attacks",
      incidentId: CAMPAIGN,
      rank: FigureRank.PREFERRED,
      rankReason: "The latest official figure of the series (a Pentagon official, Thursday 14 December 2023).",
      rawText: "97 times",
      evidence: ev(
        S2,
        "U.S. force have come under attack 97 times by missiles and attack drones, in Syria and Iraq since October 17, a pentagon official said on Thursday.",
      ),
    },
    {
      id: "fig-attacks-since-oct-80-000-17",
      metric: FigureMetric.ATTACKS_ON_US_FORCES,
      value: 17,
      qualifier: FigureQualifier.ABOUT,
      asOf: "2023-12-09",
      scope: "attacks on US forces in Iraq and Syria by groups Washington describes as pro-Iranian",
      reportedById: "act-us",
      statementId: "stmt-us-17-attacks-since-oct-80",
      incidentId: CAMPAIGN,
      rank: FigureRank.DEPRECATED,
      rankReason:
        "Garbled in the article: 'about 17 attacks ... since Oct. 80'. 'Oct. 80' is no date (probably a mangled 'Oct. 17'), and 17 is far below every other tally of the same series (about 78 on 7 December, at least 82 on 9 December), so the number is probably mangled too.",
      rawText: "about 17 attacks on US forces in Iraq and Syria since Oct. 80",
      evidence: ev(
        S0,
        "Washington confirmed that groups it described as pro-Iranian have launched about 17 attacks on US forces in Iraq and Syria since Oct. 80.",
        {
          garbled: true,
          note: "'since Oct. 80' is no date; periodStart left empty. asOf: the article's (inferred) date, 9 December 2023.",
        },
      ),
    },
    // Shorter counts
    {
      id: "fig-attacks-this-week-002-5",
      metric: FigureMetric.ATTACKS_ON_US_FORCES,
      value: 5,
      qualifier: FigureQualifier.EXACT,
      periodStart: "2023-12-11",
      asOf: "2023-12-14",
      scope: "attacks on American troops 'this week alone'",
      reportedById: "act-anon-pentagon-official-002",
      statementId: "stmt-pentagon-official-97-attacks",
      incidentId: CAMPAIGN,
      rank: FigureRank.NORMAL,
      rawText: "this week alone, American troops were targeted five times",
      evidence: ev(S2, "Speaking to the Qatari based Al Jazeera network the official said that this week alone, American troops were targeted five times.", {
        note: "'this week' on Thursday 14 December 2023: Monday 11 to Thursday 14 December.",
      }),
    },
    {
      id: "fig-attacks-2023-12-08-000-6",
      metric: FigureMetric.ATTACKS_ON_US_FORCES,
      value: 6,
      qualifier: FigureQualifier.AT_LEAST,
      periodStart: "2023-12-08",
      asOf: "2023-12-08",
      scope: "new attacks on US forces in Iraq and Syria on 8 December 2023, including the embassy",
      incidentId: WAVE,
      rank: FigureRank.NORMAL,
      rawText: "At least six new attacks",
      evidence: ev(
        S0,
        "At least six new attacks have targeted US forces in Iraq and Syria, including a rocket attack on the US embassy in Baghdad, as part of a series of operations that pro-Iranian factions say are a response to the Israeli war on the Gaza Strip.",
      ),
    },
    {
      id: "fig-attacks-2023-12-08-001-5",
      metric: FigureMetric.ATTACKS_ON_US_FORCES,
      value: 5,
      qualifier: FigureQualifier.AT_LEAST,
      periodStart: "2023-12-08",
      asOf: "2023-12-08",
      scope: "attacks against US and international coalition troops in Iraq and Syria on 8 December 2023",
      incidentId: WAVE,
      rank: FigureRank.NORMAL,
      rawText: "at least five attacks",
      evidence: ev(S1, "On the same day, there were at least five attacks against US and international coalition troops in Iraq and Syria.", {
        note: "'the same day': Friday 8 December 2023, the day of the embassy attack.",
      }),
    },
    {
      id: "fig-attacks-24-hours-004-0",
      metric: FigureMetric.ATTACKS_ON_US_FORCES,
      value: 0,
      qualifier: FigureQualifier.EXACT,
      periodStart: "2023-12-07",
      asOf: "2023-12-07",
      scope: "attacks on US forces in the region over a 24-hour period",
      reportedById: "act-sabrina-singh",
      statementId: "stmt-singh-briefing-2023-12-07",
      incidentId: CAMPAIGN,
      rank: FigureRank.NORMAL,
      rawText: "no attacks on US forces in the region over a 24-hour period",
      evidence: ev(
        S4,
        "The latest strikes came after a day of peace on Thursday, during which Singh said there had been no attacks on US forces in the region over a 24-hour period.",
      ),
    },
    // US personnel injured
    {
      id: "fig-injured-000-dozens",
      metric: FigureMetric.US_PERSONNEL_INJURED,
      qualifier: FigureQualifier.VAGUE,
      asOf: "2023-12-09",
      scope: "US soldiers lightly wounded in the attacks",
      reportedById: "act-us-dod",
      statementId: "stmt-pentagon-dozens-lightly-wounded",
      incidentId: CAMPAIGN,
      rank: FigureRank.NORMAL,
      rawText: "dozens of US soldiers being lightly wounded",
      evidence: ev(S0, "The Pentagon confirmed that these attacks resulted in dozens of US soldiers being lightly wounded.", {
        note: "asOf: the article's (inferred) date, 9 December 2023.",
      }),
    },
    {
      id: "fig-injured-004-66",
      metric: FigureMetric.US_PERSONNEL_INJURED,
      value: 66,
      qualifier: FigureQualifier.ABOUT,
      periodStart: "2023-10-17",
      asOf: "2023-12-04",
      scope: "US personnel with non-serious, non-life threatening injuries in the attacks, all returned to work",
      reportedById: "act-sabrina-singh",
      statementId: "stmt-singh-briefing-2023-12-07",
      incidentId: CAMPAIGN,
      rank: FigureRank.PREFERRED,
      rankReason: "The only dated, numeric figure for US personnel injured; consistent with 000's 'dozens'.",
      rawText: "about 66 of our folks",
      evidence: ev(
        S4,
        "“I would say that as of Dec. 4, it’s still about 66 of our folks who have received non-serious, non-life threatening injuries [in the attacks], all who have returned to work,” she said.",
      ),
    },
    // US troops deployed
    {
      id: "fig-troops-syria-001-900",
      metric: FigureMetric.US_TROOPS_DEPLOYED,
      value: 900,
      qualifier: FigureQualifier.ABOUT,
      asOf: "2023-12-11",
      scope: "US troops deployed in Syria (anti-IS coalition operation)",
      rank: FigureRank.NORMAL,
      rawText: "some 900 troops deployed in Syria",
      evidence: ev(
        S1,
        "Washington maintains some 900 troops deployed in Syria and another nearly 2,500 in Iraq as part of the operation against the Islamic State (IS) jihadist group, by an international coalition formed in 2014.",
      ),
    },
    {
      id: "fig-troops-iraq-001-2500",
      metric: FigureMetric.US_TROOPS_DEPLOYED,
      value: 2500,
      qualifier: FigureQualifier.NEARLY,
      asOf: "2023-12-11",
      scope: "US troops deployed in Iraq (anti-IS coalition operation)",
      rank: FigureRank.NORMAL,
      rawText: "another nearly 2,500 in Iraq",
      evidence: ev(
        S1,
        "Washington maintains some 900 troops deployed in Syria and another nearly 2,500 in Iraq as part of the operation against the Islamic State (IS) jihadist group, by an international coalition formed in 2014.",
      ),
    },
    {
      id: "fig-troops-iraq-004-2500",
      metric: FigureMetric.US_TROOPS_DEPLOYED,
      value: 2500,
      qualifier: FigureQualifier.ABOUT,
      asOf: "2023-12-08",
      scope: "US troops in Iraq",
      rank: FigureRank.NORMAL,
      rawText: "roughly 2,500 US troops in Iraq",
      evidence: ev(S4, "There are roughly 2,500 US troops in Iraq and around 900 others in eastern Syria."),
    },
    {
      id: "fig-troops-syria-004-900",
      metric: FigureMetric.US_TROOPS_DEPLOYED,
      value: 900,
      qualifier: FigureQualifier.ABOUT,
      asOf: "2023-12-08",
      scope: "US troops in eastern Syria",
      rank: FigureRank.NORMAL,
      rawText: "around 900 others in eastern Syria",
      evidence: ev(S4, "There are roughly 2,500 US troops in Iraq and around 900 others in eastern Syria."),
    },
  ],
};
