import type { EvidenceInput } from "../lib/evidence";
import {
  AcledEventType,
  AcledSubEventType,
  CasualtyOutcome,
  CasualtyPopulation,
  ClaimStatus,
  CountQualifier,
  DamageLevel,
  IncidentLinkKind,
  IncidentType,
  MunitionKind,
  ParticipantRole,
  ParticipationBasis,
  PlaceAliasKind,
  PlaceKind,
  TimePrecision,
} from "./enums";
import type { IncidentDataset } from "./seed";

// The incidents of the five bundled articles (shared/seeds), deduplicated: one incident per event,
// one report per article that tells of it, and every fact (munitions, casualties, damage, who did
// it, whether anyone claimed it) as one row per source, so that disagreements stay side by side.
//
// Article dates (see the statement dataset's sources): 000 Sat 2023-12-09 (inferred), 001 Mon
// 2023-12-11 (inferred), 002 Thu 2023-12-14 (stated), 003 Sat 2023-12-09 (stated), 004 Fri
// 2023-12-08 (inferred). Baghdad is UTC+3.

const S0 = "src-000";
const S1 = "src-001";
const S2 = "src-002";
const S3 = "src-003";
const S4 = "src-004";

function ev(sourceId: string, sentence: string, extra: { note?: string; garbled?: boolean } = {}): EvidenceInput {
  return { sourceId, sentence, ...extra };
}

// Incident ids
const CAMPAIGN = "inc-2023-10-17-attacks-on-us-forces";
const US_STRIKES = "inc-2023-10-17-us-strikes";
const SHIP_SEIZURE = "inc-2023-11-01-yemen-ship-seizure";
const ADEN_MISSILES = "inc-2023-11-01-gulf-of-aden-missiles";
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

// Sentences used more than once
const S0_LEAD =
  "At least six new attacks have targeted US forces in Iraq and Syria, including a rocket attack on the US embassy in Baghdad, as part of a series of operations that pro-Iranian factions say are a response to the Israeli war on the Gaza Strip.";
const S0_KIRKUK =
  'The new attacks came yesterday, days after five militants of the "Islamic Resistance in Iraq" were killed in a US raid near Kirkuk (north) as they prepared to launch an attack on a US base in the region.';
const S0_ERBIL =
  "According to a security source in Iraqi Kurdistan, the defenses shot down yesterday 4 drones north of Erbil before entering the airport area and the US base.";
const S0_AIN_AL_ASAD =
  "A Pentagon official spoke of two attacks yesterday targeting Ain al-Assad base in Anbar province (western Iraq), which houses US forces and others from the international coalition against Islamic State.";
const S0_SYRIA = "At the same time, three attacks targeted bases housing US troops in Syria, according to the Pentagon official.";
const S0_EMBASSY_REUTERS = "The US embassy in Baghdad was hit yesterday by the first rocket attack in more than a year, according to Reuters.";
const S0_17 = "Washington confirmed that groups it described as pro-Iranian have launched about 17 attacks on US forces in Iraq and Syria since Oct. 80.";
const S0_WOUNDED = "The Pentagon confirmed that these attacks resulted in dozens of US soldiers being lightly wounded.";
const S0_US_STRIKES = "The U.S. military responded with five strikes in Iraq and Syria, killing militants from pro-Tehran factions.";

const S1_MONDAY =
  "A drone attack and rocket launches on Monday targeted two military bases in Iraq and Syria that house forces of the international anti-jihadist coalition, a US military official said.";
const S1_CLAIM =
  "The responsibility was taken once again by the “Islamic Resistance in Iraq”, a nebula of fighters considered to belong to pro-Iranian armed groups, components of the Hasd al-Shaabi (“Popular Mobilization Units”), an alliance officially integrated into the Iraqi regular forces.";
const S1_AIN_AL_ASAD =
  "In western Iraq, a “drone attack” targeted the Ain al-Assad air base, with no casualties or damage, according to the US official, who spoke on condition of anonymity.";
const S1_SHADDADI = "In northern Syria, “rockets” were fired at a base in Ash Sadadi district, he added.";
const S1_92 = "In total, Washington counts at least 92 attacks in Iraq and Syria since October 17, i.e. ten days after the outbreak of the Israel/Hamas war.";
const S1_EMBASSY = "On Friday, rocket barrages targeted the US embassy in Baghdad for the first time since the current escalation began.";
const S1_WAVE = "On the same day, there were at least five attacks against US and international coalition troops in Iraq and Syria.";
const S1_AUSTIN =
  "Last week, US Defense Secretary Lloyd Austin accused Kataeb Hezbollah and al-Nujaba, another pro-Iranian paramilitary group, of being “responsible for most of the attacks against coalition personnel” and said the US “reserves the right to retaliate with decisive way against these organizations”, according to a press release released by his services.";
const S1_US_STRIKES =
  "The Pentagon has already launched strikes against fighters of these two organizations in Iraq as well as facilities it says were linked to Iran in Syria.";

const S2_LEAD =
  "U.S. force have come under attack 97 times by missiles and attack drones, in Syria and Iraq since October 17, a pentagon official said on Thursday.";
const S2_EMBASSY =
  "A missile strike on the U.S. embassy in Baghdad last week was an uptick in the attacks after Iran-backed Kata'ib Hezbollah and other pro-Iranian militias had previously targeted only military bases and troops.";
const S2_ARRESTS =
  "According to a report in the UK based, Qatari owned Al-Araby Al-Jadeed, Iraqi officials said some arrests were made of people suspected of involvement in the attack on the embassy.";
const S2_SPOKESPERSON =
  "Saudi Arabia's Al Arabiya network reported that a spokesperson for Iraq's Prime Minister Mohammed Shia al-Sudani said the security forces succeeded in identifying the perpetrators of the attack after considerable intelligence efforts.";
const S2_CRITICIZED =
  "Al-Sudani condemned the attacks claiming they were a threat to national security and stability but also criticized U.S. counter-strikes as a violation of his country’s sovereignty.";
const S2_FUNERAL = "Iraq Iran-backed militias including al-Nujaba and Kataib Hezbollah in funeral for five militants killed in a U.S. strike";

const S3_EMBASSY =
  "The US embassy in Iraq came under fire by a multi-mortar attack allegedly by an Iran-backed militia on Friday morning as concerns grow over the fallout of Israel's escalating offensive against Hamas in the Gaza Strip.";
const S3_MORTARS =
  "At least seven rounds of mortar were launched against the US embassy compound in Baghdad on Friday, although no injuries or infrastructural damage was reported in the incident.";
const S3_WAVE =
  "A few hours later, US and coalition forces were attacked three more times - once in Syria and twice in Iraq - in a mixture of rocket and drone attacks, reported CNN.";
const S3_KSS =
  'Although the commander of the Iraqi militant group Kataib Sayyid al-Shuhada, Abu Alaa al-Walae, did not take responsibility for the attack, he later said that they have rejected "talk about stopping or easing operations as long as Zionist crimes continue in Gaza and the American occupation continues in Iraq".';
const S3_82 =
  "The US and coalition forces have been attacked at least 82 times by Iran-backed militia in Iraq and Houthi rebels in Syria since October 17, days after the Israel-Hamas war, as Washington bolstered its military presence as a sign of deterrence aimed at stopping the Israel-Hamas conflict spilling out into the region.";
const S3_RED_SEA =
  "A few days ago, the US Navy shot down three drones by Houthis in Yemen during ballistic missile attacks on three commercial ships in the Red Sea.";
const S3_RED_SEA_CLAIM = "The Houthis claimed responsibility for two of the attacks against the ships.";
const S3_RED_SEA_DAMAGE = "Two of the carriers were damaged although the destroyer USS Carney was unharmed.";
const S3_KIRKUK =
  "American troops killed at least five Iran-backed militia members in a drone strike after the US “identified an imminent attack” was likely to be launched by militia forces in Iraq.";
const S3_US_STRIKES = "The US military has launched several airstrikes at different locations in Iraq and Syria targeting Iran-backed troops.";
const S3_SEIZURE =
  "In late November, the US Navy apprehended armed attackers who seized an Israeli-linked shop off the coast of Yemen, according to officials.";
const SHOP_NOTE = "The article prints 'shop' where it means 'ship' (the next sentence speaks of 'the Israel-linked ship'); the sentence is kept as printed.";
const S3_ADEN =
  "The Yemen-based Houthi rebels then launched two ballistic missiles in apparent retaliation near a US warship aiding the Israel-linked ship in the Gulf of Aden, further heightening tensions in the ongoing Israel-Hamas war.";

const S4_HEADLINE = "Iran-backed militias strike US embassy in Baghdad, Middle East military bases";
const S4_LEAD =
  "WASHINGTON – Iran-backed militias fired a barrage of rockets at the US Embassy in Baghdad on Friday — as enemy groups also launched strikes on American forces in Iraq and Syria, according to defense officials.";
const S4_ROCKETS = "Roughly 14 Katyusha rockets were fired around 4:15 a.m. Friday, of which some landed near the embassy’s gates.";
const S4_DAMAGE = "No injuries were reported but the attack caused superficial damage to facilities.";
const S4_UNCLAIMED =
  "No specific militia group had claimed responsibility for the strike, however, officials believe the perpetrator was an Iran-aligned group, of which there are many in the region.";
const S4_IRI_CLAIM =
  "Meanwhile, the Iran-backed Islamic Resistance claimed responsibility for separate attacks Friday on US forces stationed at al-Asaf airbase in western Iraq and Conoco gas field in eastern Syria.";
const S4_STREAK = "The strikes continue a streak of recurring attacks on US forces in Iraq and Syria since the Israel-Hamas conflict broke out in October.";
const S4_66 =
  "“I would say that as of Dec. 4, it’s still about 66 of our folks who have received non-serious, non-life threatening injuries [in the attacks], all who have returned to work,” she said.";

const DAY_8 = { startsAt: "2023-12-08T00:00:00.000Z", endsAt: "2023-12-08T23:59:59.999Z", timePrecision: TimePrecision.DAY };
const DAY_11 = { startsAt: "2023-12-11T00:00:00.000Z", endsAt: "2023-12-11T23:59:59.999Z", timePrecision: TimePrecision.DAY };

export const incidentDataset: IncidentDataset = {
  places: [
    {
      id: "place-iraq",
      name: "Iraq",
      kind: PlaceKind.COUNTRY,
      countryCode: "IQ",
      country: "Iraq",
      latitude: 33.2232,
      longitude: 43.6793,
      geoPrecision: 3,
      coordinatesFromGazetteer: true,
    },
    {
      id: "place-syria",
      name: "Syria",
      kind: PlaceKind.COUNTRY,
      countryCode: "SY",
      country: "Syria",
      latitude: 34.8021,
      longitude: 38.9968,
      geoPrecision: 3,
      coordinatesFromGazetteer: true,
    },
    {
      id: "place-yemen",
      name: "Yemen",
      kind: PlaceKind.COUNTRY,
      countryCode: "YE",
      country: "Yemen",
      latitude: 15.5527,
      longitude: 48.5164,
      geoPrecision: 3,
      coordinatesFromGazetteer: true,
    },
    {
      id: "place-baghdad",
      name: "Baghdad",
      kind: PlaceKind.TOWN,
      countryCode: "IQ",
      country: "Iraq",
      admin1: "Baghdad",
      latitude: 33.3152,
      longitude: 44.3661,
      geoPrecision: 1,
      coordinatesFromGazetteer: true,
      parentId: "place-iraq",
    },
    {
      id: "place-us-embassy-baghdad",
      name: "Embassy of the United States, Baghdad",
      kind: PlaceKind.FACILITY,
      countryCode: "IQ",
      country: "Iraq",
      admin1: "Baghdad",
      latitude: 33.2986,
      longitude: 44.3958,
      geoPrecision: 1,
      coordinatesFromGazetteer: true,
      parentId: "place-baghdad",
    },
    {
      id: "place-anbar",
      name: "Anbar Governorate",
      kind: PlaceKind.PROVINCE,
      countryCode: "IQ",
      country: "Iraq",
      admin1: "Anbar",
      latitude: 32.5597,
      longitude: 41.9197,
      geoPrecision: 3,
      coordinatesFromGazetteer: true,
      parentId: "place-iraq",
    },
    {
      id: "place-ain-al-asad",
      name: "Ain al-Asad Air Base",
      kind: PlaceKind.FACILITY,
      countryCode: "IQ",
      country: "Iraq",
      admin1: "Anbar",
      latitude: 33.7856,
      longitude: 42.4412,
      geoPrecision: 1,
      coordinatesFromGazetteer: true,
      parentId: "place-anbar",
    },
    {
      id: "place-kurdistan-region",
      name: "Kurdistan Region",
      kind: PlaceKind.REGION,
      countryCode: "IQ",
      country: "Iraq",
      latitude: 36.41,
      longitude: 44.38,
      geoPrecision: 3,
      coordinatesFromGazetteer: true,
      parentId: "place-iraq",
    },
    {
      id: "place-erbil",
      name: "Erbil",
      kind: PlaceKind.TOWN,
      countryCode: "IQ",
      country: "Iraq",
      admin1: "Erbil",
      latitude: 36.1911,
      longitude: 44.0094,
      geoPrecision: 1,
      coordinatesFromGazetteer: true,
      parentId: "place-kurdistan-region",
    },
    {
      id: "place-kirkuk",
      name: "Kirkuk",
      kind: PlaceKind.TOWN,
      countryCode: "IQ",
      country: "Iraq",
      admin1: "Kirkuk",
      latitude: 35.4681,
      longitude: 44.3922,
      geoPrecision: 1,
      coordinatesFromGazetteer: true,
      parentId: "place-iraq",
    },
    {
      id: "place-ash-shaddadi",
      name: "Ash Shaddadi",
      kind: PlaceKind.DISTRICT,
      countryCode: "SY",
      country: "Syria",
      admin1: "Al-Hasakah",
      latitude: 36.0563,
      longitude: 40.7303,
      geoPrecision: 2,
      coordinatesFromGazetteer: true,
      parentId: "place-syria",
    },
    {
      id: "place-conoco-gas-field",
      name: "Conoco gas field",
      kind: PlaceKind.FACILITY,
      countryCode: "SY",
      country: "Syria",
      admin1: "Deir ez-Zor",
      latitude: 35.37,
      longitude: 40.28,
      geoPrecision: 2,
      coordinatesFromGazetteer: true,
      parentId: "place-syria",
    },
    { id: "place-red-sea", name: "Red Sea", kind: PlaceKind.BODY_OF_WATER, latitude: 20.0, longitude: 38.5, geoPrecision: 3, coordinatesFromGazetteer: true },
    {
      id: "place-gulf-of-aden",
      name: "Gulf of Aden",
      kind: PlaceKind.BODY_OF_WATER,
      latitude: 12.5,
      longitude: 47.5,
      geoPrecision: 3,
      coordinatesFromGazetteer: true,
    },
  ],

  placeAliases: [
    {
      id: "place-ain-al-asad-alias-ain-al-assad-base",
      placeId: "place-ain-al-asad",
      name: "Ain al-Assad base",
      kind: PlaceAliasKind.TRANSLITERATION,
      evidence: ev(S0, "Wreckage of a drone dropped at Ain al-Assad base in western Iraq (Reuters-Archive)"),
    },
    {
      id: "place-ain-al-asad-alias-ain-al-assad-air-base",
      placeId: "place-ain-al-asad",
      name: "Ain al-Assad air base",
      kind: PlaceAliasKind.TRANSLITERATION,
      evidence: ev(S1, S1_AIN_AL_ASAD),
    },
    {
      id: "place-ain-al-asad-alias-al-asaf-airbase",
      placeId: "place-ain-al-asad",
      name: "al-Asaf airbase",
      kind: PlaceAliasKind.MISSPELLING,
      evidence: ev(S4, S4_IRI_CLAIM, { note: "'al-Asaf' for 'al-Asad': the base in western Iraq the other articles call Ain al-Assad." }),
    },
    {
      id: "place-ash-shaddadi-alias-ash-sadadi",
      placeId: "place-ash-shaddadi",
      name: "Ash Sadadi",
      kind: PlaceAliasKind.MISSPELLING,
      evidence: ev(S1, S1_SHADDADI, { note: "'Ash Sadadi' for 'Ash Shaddadi'; the article places it in northern Syria." }),
    },
    {
      id: "place-us-embassy-baghdad-alias-us-embassy-in-baghdad",
      placeId: "place-us-embassy-baghdad",
      name: "US embassy in Baghdad",
      kind: PlaceAliasKind.DESCRIPTION,
      evidence: ev(S0, S0_EMBASSY_REUTERS),
    },
    {
      id: "place-us-embassy-baghdad-alias-embassy-compound",
      placeId: "place-us-embassy-baghdad",
      name: "US embassy compound in Baghdad",
      kind: PlaceAliasKind.DESCRIPTION,
      evidence: ev(S3, S3_MORTARS),
    },
    {
      id: "place-anbar-alias-anbar-province",
      placeId: "place-anbar",
      name: "Anbar province",
      kind: PlaceAliasKind.DESCRIPTION,
      evidence: ev(S0, S0_AIN_AL_ASAD),
    },
    {
      id: "place-kurdistan-region-alias-iraqi-kurdistan",
      placeId: "place-kurdistan-region",
      name: "Iraqi Kurdistan",
      kind: PlaceAliasKind.DESCRIPTION,
      evidence: ev(S0, S0_ERBIL),
    },
  ],

  incidents: [
    {
      id: CAMPAIGN,
      title: "Attacks on US forces in Iraq and Syria since 17 October 2023",
      summary:
        "The series of rocket, missile and drone attacks on US and coalition forces in Iraq and Syria that began on 17 October 2023, ten days after the outbreak of the Israel-Hamas war, and that the Islamic Resistance in Iraq and other pro-Iranian factions present as a response to the war in Gaza. The articles' running tallies disagree (about 78 as of 7 December, at least 82, at least 92, 97 as of 14 December, and a garbled 'about 17 since Oct. 80'); see the reported figures.",
      type: IncidentType.OTHER,
      acledEventType: AcledEventType.EXPLOSIONS_REMOTE_VIOLENCE,
      acledSubEventType: AcledSubEventType.OTHER,
      startsAt: "2023-10-17T00:00:00.000Z",
      endsAt: "2023-12-14T23:59:59.999Z",
      timePrecision: TimePrecision.MONTH,
      timeApproximate: true,
      timePhrase: "since October 17",
      timeResolution:
        "Start 17 October 2023 as the tallies state it ('since October 17', 'since Oct. 17'); the series was ongoing, so the end is the date of the latest tally, 14 December 2023 (002).",
      isAggregate: true,
    },
    {
      id: US_STRIKES,
      title: "US strikes on Iran-aligned militias in Iraq and Syria",
      summary:
        "US military strikes in response to the attacks: 'five strikes in Iraq and Syria, killing militants from pro-Tehran factions' (000); strikes against fighters of Kataeb Hezbollah and al-Nujaba in Iraq and facilities the Pentagon says were linked to Iran in Syria (001); 'U.S. counter-strikes' criticized by al-Sudani (002); 'several airstrikes at different locations in Iraq and Syria' (003). No article dates them.",
      type: IncidentType.AIR_OR_DRONE_STRIKE,
      acledEventType: AcledEventType.EXPLOSIONS_REMOTE_VIOLENCE,
      acledSubEventType: AcledSubEventType.AIR_DRONE_STRIKE,
      startsAt: "2023-10-17T00:00:00.000Z",
      endsAt: "2023-12-09T23:59:59.999Z",
      timePrecision: TimePrecision.MONTH,
      timeApproximate: true,
      timePhrase: "responded; has already launched",
      timeResolution:
        "Undated: the strikes answer the attacks that began on 17 October 2023 and are told in the past tense by the articles of 9 December 2023 (000, 003), so they fall between 17 October and 9 December 2023.",
      isAggregate: true,
      eventCount: 5,
    },
    {
      id: SHIP_SEIZURE,
      title: "Seizure of an Israeli-linked ship off Yemen; attackers apprehended by the US Navy",
      summary:
        "Armed attackers seized an Israeli-linked ship off the coast of Yemen in late November 2023 and were apprehended by the US Navy, according to officials (003). The article prints 'shop' for 'ship'.",
      type: IncidentType.SHIP_SEIZURE,
      acledEventType: AcledEventType.STRATEGIC_DEVELOPMENTS,
      acledSubEventType: AcledSubEventType.OTHER,
      startsAt: "2023-11-01T00:00:00.000Z",
      endsAt: "2023-11-30T23:59:59.999Z",
      timePrecision: TimePrecision.MONTH,
      timeApproximate: true,
      timePhrase: "In late November",
      timeResolution: "'In late November' in an article of 9 December 2023 (003): November 2023; the article gives no day.",
      placeId: "place-yemen",
      targetFacility: "an Israeli-linked ship off the coast of Yemen",
      isAggregate: false,
    },
    {
      id: ADEN_MISSILES,
      title: "Houthi ballistic missiles near a US warship in the Gulf of Aden",
      summary:
        "After the seizure, the Yemen-based Houthi rebels launched two ballistic missiles 'in apparent retaliation' near a US warship aiding the Israel-linked ship in the Gulf of Aden (003).",
      type: IncidentType.MISSILE,
      acledEventType: AcledEventType.EXPLOSIONS_REMOTE_VIOLENCE,
      acledSubEventType: AcledSubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK,
      startsAt: "2023-11-01T00:00:00.000Z",
      endsAt: "2023-11-30T23:59:59.999Z",
      timePrecision: TimePrecision.MONTH,
      timeApproximate: true,
      timePhrase: "then",
      timeResolution: "'then', right after the late-November seizure (003, 9 December 2023): recorded as November 2023; the article gives no day.",
      placeId: "place-gulf-of-aden",
      targetFacility: "a US warship aiding the Israel-linked ship",
      isAggregate: false,
    },
    {
      id: KIRKUK,
      title: "US strike near Kirkuk kills five Islamic Resistance militants",
      summary:
        "US forces killed five militants of the Islamic Resistance in Iraq near Kirkuk as they prepared to launch an attack on a US base (000, 'a US raid'); 003 tells of at least five Iran-backed militia members killed in a drone strike after the US 'identified an imminent attack'; 002 shows their funeral ('five militants killed in a U.S. strike'). The three are read as one event: same toll, same pre-emptive motive, same days.",
      type: IncidentType.AIR_OR_DRONE_STRIKE,
      acledEventType: AcledEventType.EXPLOSIONS_REMOTE_VIOLENCE,
      acledSubEventType: AcledSubEventType.AIR_DRONE_STRIKE,
      startsAt: "2023-12-01T00:00:00.000Z",
      endsAt: "2023-12-07T23:59:59.999Z",
      timePrecision: TimePrecision.WEEK,
      timeApproximate: true,
      timePhrase: "days after (the raid, before the attacks of 8 December)",
      timeResolution:
        "000 (9 December 2023) says the attacks of 'yesterday' (8 December) came 'days after' the raid, so it happened a few days before 8 December: recorded as the week 1-7 December 2023.",
      placeId: "place-kirkuk",
      targetFacility: "militants preparing to attack a US base in the region",
      isAggregate: false,
    },
    {
      id: RED_SEA,
      title: "Houthi attacks on three commercial ships in the Red Sea; US Navy shoots down three drones",
      summary:
        "Houthi ballistic missile attacks on three commercial ships in the Red Sea, over seven hours in international waters; the US Navy shot down three Houthi drones; the Houthis claimed two of the attacks; two ships were damaged, the destroyer USS Carney was unharmed (003, citing USA Today).",
      type: IncidentType.MARITIME_ATTACK,
      acledEventType: AcledEventType.EXPLOSIONS_REMOTE_VIOLENCE,
      acledSubEventType: AcledSubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK,
      startsAt: "2023-12-02T00:00:00.000Z",
      endsAt: "2023-12-08T23:59:59.999Z",
      timePrecision: TimePrecision.WEEK,
      timeApproximate: true,
      timePhrase: "A few days ago",
      timeResolution: "'A few days ago' in an article of Saturday 9 December 2023 (003): the week 2-8 December 2023.",
      placeId: "place-red-sea",
      targetFacility: "three commercial ships",
      isAggregate: false,
    },
    {
      id: WAVE,
      title: "Wave of attacks on US forces in Iraq and Syria, 8 December 2023",
      summary:
        "The attacks of Friday 8 December 2023, including the first attack on the US embassy in Baghdad since the escalation began. The count differs: 'at least six' (000: the embassy, two at Ain al-Asad, three in Syria), 'at least five' (001), the embassy attack and 'three more' (003).",
      type: IncidentType.OTHER,
      acledEventType: AcledEventType.EXPLOSIONS_REMOTE_VIOLENCE,
      acledSubEventType: AcledSubEventType.OTHER,
      ...DAY_8,
      timeApproximate: false,
      timePhrase: "yesterday; On Friday; on Friday",
      timeResolution:
        "'yesterday' in 000 (9 December 2023), 'On Friday' in 001 (Monday 11 December 2023), 'on Friday' in 003 (Saturday 9 December 2023) and 004 (Friday 8 December 2023): Friday 8 December 2023.",
      isAggregate: true,
      eventCount: 6,
    },
    {
      id: EMBASSY,
      title: "Attack on the US embassy in Baghdad",
      summary:
        "Rockets (or mortar rounds, or a missile: the articles differ) were fired at the US embassy compound in Baghdad at about 4:15 a.m. on Friday 8 December 2023, some landing near the gates; no injuries; damage none or superficial. No group claimed it; officials blame an Iran-aligned militia. The first attack on the embassy since the escalation began, and the first rocket attack on it in more than a year.",
      type: IncidentType.ROCKET,
      acledEventType: AcledEventType.EXPLOSIONS_REMOTE_VIOLENCE,
      acledSubEventType: AcledSubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK,
      startsAt: "2023-12-08T01:15:00.000Z",
      endsAt: "2023-12-08T01:15:00.000Z",
      timePrecision: TimePrecision.EXACT_TIME,
      timeApproximate: true,
      timePhrase: "around 4:15 a.m. Friday",
      timeResolution:
        "004 (Friday 8 December 2023): 'around 4:15 a.m. Friday', Baghdad time (UTC+3) = 01:15 UTC. Consistent with 'Friday morning' (003, 9 December), 'yesterday' (000, 9 December), 'On Friday' (001, 11 December) and 'last week' (002, 14 December).",
      placeId: "place-us-embassy-baghdad",
      targetFacility: "US embassy compound in Baghdad",
      isAggregate: false,
    },
    {
      id: AIN_AL_ASAD_8,
      title: "Attacks on Ain al-Asad air base, 8 December 2023",
      summary:
        "Two attacks targeted Ain al-Asad base in Anbar province, which houses US and coalition forces, according to a Pentagon official (000); the Islamic Resistance claimed attacks that Friday on US forces at 'al-Asaf airbase' in western Iraq (004). The weapons are not stated.",
      type: IncidentType.OTHER,
      acledEventType: AcledEventType.EXPLOSIONS_REMOTE_VIOLENCE,
      acledSubEventType: AcledSubEventType.OTHER,
      ...DAY_8,
      timeApproximate: false,
      timePhrase: "yesterday; Friday",
      timeResolution: "'yesterday' in 000 (9 December 2023) and 'Friday' in 004 (Friday 8 December 2023): 8 December 2023.",
      placeId: "place-ain-al-asad",
      targetFacility: "Ain al-Assad base",
      isAggregate: true,
      eventCount: 2,
    },
    {
      id: SYRIA_BASES_8,
      title: "Three attacks on bases housing US troops in Syria, 8 December 2023",
      summary:
        "At the same time as the attacks on Ain al-Asad, three attacks targeted bases housing US troops in Syria, according to the Pentagon official (000). Bases and weapons not named.",
      type: IncidentType.OTHER,
      acledEventType: AcledEventType.EXPLOSIONS_REMOTE_VIOLENCE,
      acledSubEventType: AcledSubEventType.OTHER,
      ...DAY_8,
      timeApproximate: false,
      timePhrase: "At the same time (yesterday)",
      timeResolution: "'At the same time' as the attacks of 'yesterday' in 000 (9 December 2023): 8 December 2023.",
      placeId: "place-syria",
      targetFacility: "bases housing US troops in Syria",
      isAggregate: true,
      eventCount: 3,
    },
    {
      id: CONOCO_8,
      title: "Attack on US forces at the Conoco gas field, 8 December 2023",
      summary:
        "The Islamic Resistance claimed an attack that Friday on US forces stationed at the Conoco gas field in eastern Syria (004). It may be one of the three attacks in Syria of 000; no article says so.",
      type: IncidentType.OTHER,
      acledEventType: AcledEventType.EXPLOSIONS_REMOTE_VIOLENCE,
      acledSubEventType: AcledSubEventType.OTHER,
      ...DAY_8,
      timeApproximate: false,
      timePhrase: "Friday",
      timeResolution: "'Friday' in 004 (Friday 8 December 2023): 8 December 2023.",
      placeId: "place-conoco-gas-field",
      targetFacility: "US forces stationed at Conoco gas field",
      isAggregate: false,
    },
    {
      id: ERBIL_8,
      title: "Four drones shot down north of Erbil, 8 December 2023",
      summary:
        "Defenses shot down four drones north of Erbil before they reached the airport area and the US base, according to a security source in Iraqi Kurdistan (000).",
      type: IncidentType.INTERCEPTION,
      acledEventType: AcledEventType.STRATEGIC_DEVELOPMENTS,
      acledSubEventType: AcledSubEventType.DISRUPTED_WEAPONS_USE,
      ...DAY_8,
      timeApproximate: false,
      timePhrase: "yesterday",
      timeResolution: "'yesterday' in 000 (9 December 2023): 8 December 2023.",
      placeId: "place-erbil",
      targetFacility: "the airport area and the US base (Erbil)",
      isAggregate: false,
    },
    {
      id: ARRESTS,
      title: "Arrests of suspects in the embassy attack",
      summary:
        "Iraqi security forces identified the perpetrators of the embassy attack and arrested some of them, according to Iraqi officials (via Al-Araby Al-Jadeed) and a spokesperson for the Prime Minister (via Al Arabiya); how many is not specified (002).",
      type: IncidentType.ARREST,
      acledEventType: AcledEventType.STRATEGIC_DEVELOPMENTS,
      acledSubEventType: AcledSubEventType.ARRESTS,
      startsAt: "2023-12-08T00:00:00.000Z",
      endsAt: "2023-12-14T23:59:59.999Z",
      timePrecision: TimePrecision.WEEK,
      timeApproximate: true,
      timePhrase: "some arrests were made",
      timeResolution: "Undated: after the embassy attack of 8 December 2023 and reported on 14 December 2023 (002): the week 8-14 December 2023.",
      placeId: "place-iraq",
      isAggregate: false,
    },
    {
      id: AIN_AL_ASAD_11,
      title: "Drone attack on Ain al-Asad air base, 11 December 2023",
      summary:
        "A drone attack targeted the Ain al-Asad air base in western Iraq on Monday, with no casualties or damage, according to a US military official; claimed by the Islamic Resistance in Iraq (001).",
      type: IncidentType.DRONE,
      acledEventType: AcledEventType.EXPLOSIONS_REMOTE_VIOLENCE,
      acledSubEventType: AcledSubEventType.AIR_DRONE_STRIKE,
      ...DAY_11,
      timeApproximate: false,
      timePhrase: "on Monday",
      timeResolution: "'on Monday' in 001, an article of Monday 11 December 2023 (date inferred, see its source): 11 December 2023.",
      placeId: "place-ain-al-asad",
      targetFacility: "Ain al-Assad air base",
      isAggregate: false,
    },
    {
      id: SHADDADI_11,
      title: "Rockets fired at a base in Ash Shaddadi district, Syria, 11 December 2023",
      summary:
        "Rockets were fired at a base in the Ash Shaddadi ('Ash Sadadi') district of (north-eastern) Syria on Monday, according to a US military official; claimed by the Islamic Resistance in Iraq (001).",
      type: IncidentType.ROCKET,
      acledEventType: AcledEventType.EXPLOSIONS_REMOTE_VIOLENCE,
      acledSubEventType: AcledSubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK,
      ...DAY_11,
      timeApproximate: false,
      timePhrase: "on Monday",
      timeResolution: "'on Monday' in 001, an article of Monday 11 December 2023 (date inferred, see its source): 11 December 2023.",
      placeId: "place-ash-shaddadi",
      targetFacility: "a base in Ash Sadadi district",
      isAggregate: false,
    },
  ],

  participations: [
    // Campaign
    {
      id: `${CAMPAIGN}-p-militias-003`,
      incidentId: CAMPAIGN,
      actorId: "act-iran-aligned-militias",
      role: ParticipantRole.PERPETRATOR,
      basis: ParticipationBasis.ALLEGED,
      evidence: ev(S3, S3_82),
    },
    {
      id: `${CAMPAIGN}-p-houthis-003`,
      incidentId: CAMPAIGN,
      actorId: "act-houthis",
      role: ParticipantRole.PERPETRATOR,
      basis: ParticipationBasis.ALLEGED,
      evidence: ev(S3, S3_82, { note: "As printed: 'Houthi rebels in Syria'; no other article names the Houthis among the attackers in Iraq and Syria." }),
    },
    {
      id: `${CAMPAIGN}-p-militias-000`,
      incidentId: CAMPAIGN,
      actorId: "act-iran-aligned-militias",
      role: ParticipantRole.PERPETRATOR,
      basis: ParticipationBasis.ATTRIBUTED_BY_OFFICIALS,
      evidence: ev(S0, S0_17, { note: "Only the attribution ('groups it described as pro-Iranian') is read from this sentence; its figures are garbled." }),
    },
    {
      id: `${CAMPAIGN}-p-kh-001`,
      incidentId: CAMPAIGN,
      actorId: "act-kataib-hezbollah",
      role: ParticipantRole.PERPETRATOR,
      basis: ParticipationBasis.ATTRIBUTED_BY_OFFICIALS,
      evidence: ev(S1, S1_AUSTIN),
    },
    {
      id: `${CAMPAIGN}-p-nujaba-001`,
      incidentId: CAMPAIGN,
      actorId: "act-al-nujaba",
      role: ParticipantRole.PERPETRATOR,
      basis: ParticipationBasis.ATTRIBUTED_BY_OFFICIALS,
      evidence: ev(S1, S1_AUSTIN),
    },
    {
      id: `${CAMPAIGN}-p-iri-001`,
      incidentId: CAMPAIGN,
      actorId: "act-islamic-resistance-in-iraq",
      role: ParticipantRole.PERPETRATOR,
      basis: ParticipationBasis.CLAIMED,
      evidence: ev(
        S1,
        "The attacks by pro-Iranian paramilitaries are due, according to the “Islamic Resistance in Iraq”, to the US support for Israel in the war against Hamas in the Gaza Strip since October 7.",
      ),
    },
    {
      id: `${CAMPAIGN}-p-us-military-004`,
      incidentId: CAMPAIGN,
      actorId: "act-us-military",
      role: ParticipantRole.TARGET,
      basis: ParticipationBasis.CONFIRMED,
      evidence: ev(S4, S4_STREAK),
    },
    {
      id: `${CAMPAIGN}-p-coalition-003`,
      incidentId: CAMPAIGN,
      actorId: "act-coalition-against-is",
      role: ParticipantRole.TARGET,
      basis: ParticipationBasis.CONFIRMED,
      evidence: ev(S3, S3_82),
    },

    // US strikes
    {
      id: `${US_STRIKES}-p-us-military-000`,
      incidentId: US_STRIKES,
      actorId: "act-us-military",
      role: ParticipantRole.PERPETRATOR,
      basis: ParticipationBasis.CONFIRMED,
      evidence: ev(S0, S0_US_STRIKES),
    },
    {
      id: `${US_STRIKES}-p-us-military-003`,
      incidentId: US_STRIKES,
      actorId: "act-us-military",
      role: ParticipantRole.PERPETRATOR,
      basis: ParticipationBasis.CONFIRMED,
      evidence: ev(S3, S3_US_STRIKES),
    },
    {
      id: `${US_STRIKES}-p-dod-001`,
      incidentId: US_STRIKES,
      actorId: "act-us-dod",
      role: ParticipantRole.PERPETRATOR,
      basis: ParticipationBasis.CONFIRMED,
      evidence: ev(S1, S1_US_STRIKES),
    },
    {
      id: `${US_STRIKES}-p-militias-000`,
      incidentId: US_STRIKES,
      actorId: "act-iran-aligned-militias",
      role: ParticipantRole.TARGET,
      basis: ParticipationBasis.CONFIRMED,
      evidence: ev(S0, S0_US_STRIKES),
    },
    {
      id: `${US_STRIKES}-p-militias-003`,
      incidentId: US_STRIKES,
      actorId: "act-iran-aligned-militias",
      role: ParticipantRole.TARGET,
      basis: ParticipationBasis.CONFIRMED,
      evidence: ev(S3, S3_US_STRIKES),
    },
    {
      id: `${US_STRIKES}-p-kh-001`,
      incidentId: US_STRIKES,
      actorId: "act-kataib-hezbollah",
      role: ParticipantRole.TARGET,
      basis: ParticipationBasis.CONFIRMED,
      evidence: ev(S1, S1_US_STRIKES, { note: "'these two organizations': Kataeb Hezbollah and al-Nujaba, named in the sentence before." }),
    },
    {
      id: `${US_STRIKES}-p-nujaba-001`,
      incidentId: US_STRIKES,
      actorId: "act-al-nujaba",
      role: ParticipantRole.TARGET,
      basis: ParticipationBasis.CONFIRMED,
      evidence: ev(S1, S1_US_STRIKES, { note: "'these two organizations': Kataeb Hezbollah and al-Nujaba, named in the sentence before." }),
    },
    {
      id: `${US_STRIKES}-p-iran-001`,
      incidentId: US_STRIKES,
      actorId: "act-iran",
      role: ParticipantRole.ASSOCIATED,
      basis: ParticipationBasis.ATTRIBUTED_BY_OFFICIALS,
      evidence: ev(S1, S1_US_STRIKES, { note: "Facilities in Syria the Pentagon 'says were linked to Iran'." }),
    },

    // Ship seizure off Yemen
    {
      id: `${SHIP_SEIZURE}-p-attackers-003`,
      incidentId: SHIP_SEIZURE,
      actorId: "act-ship-seizure-attackers",
      role: ParticipantRole.PERPETRATOR,
      basis: ParticipationBasis.ATTRIBUTED_BY_OFFICIALS,
      evidence: ev(S3, S3_SEIZURE, { garbled: true, note: SHOP_NOTE }),
    },
    {
      id: `${SHIP_SEIZURE}-p-us-navy-003`,
      incidentId: SHIP_SEIZURE,
      actorId: "act-us-navy",
      role: ParticipantRole.INTERCEPTOR,
      basis: ParticipationBasis.ATTRIBUTED_BY_OFFICIALS,
      evidence: ev(S3, S3_SEIZURE, { garbled: true, note: SHOP_NOTE }),
    },

    // Houthi missiles in the Gulf of Aden
    {
      id: `${ADEN_MISSILES}-p-houthis-003`,
      incidentId: ADEN_MISSILES,
      actorId: "act-houthis",
      role: ParticipantRole.PERPETRATOR,
      basis: ParticipationBasis.ALLEGED,
      evidence: ev(S3, S3_ADEN, { note: "Stated in the article's own voice, without attribution." }),
    },
    {
      id: `${ADEN_MISSILES}-p-warship-003`,
      incidentId: ADEN_MISSILES,
      actorId: "act-us-warship-gulf-of-aden",
      role: ParticipantRole.TARGET,
      basis: ParticipationBasis.IMPLIED,
      evidence: ev(S3, S3_ADEN, { note: "The missiles were launched 'near' the warship; the article does not say it was the target." }),
    },

    // Kirkuk strike
    {
      id: `${KIRKUK}-p-us-military-000`,
      incidentId: KIRKUK,
      actorId: "act-us-military",
      role: ParticipantRole.PERPETRATOR,
      basis: ParticipationBasis.CONFIRMED,
      evidence: ev(S0, S0_KIRKUK),
    },
    {
      id: `${KIRKUK}-p-us-military-003`,
      incidentId: KIRKUK,
      actorId: "act-us-military",
      role: ParticipantRole.PERPETRATOR,
      basis: ParticipationBasis.CONFIRMED,
      evidence: ev(S3, S3_KIRKUK),
    },
    {
      id: `${KIRKUK}-p-iri-000`,
      incidentId: KIRKUK,
      actorId: "act-islamic-resistance-in-iraq",
      role: ParticipantRole.TARGET,
      basis: ParticipationBasis.CONFIRMED,
      evidence: ev(S0, S0_KIRKUK),
    },
    {
      id: `${KIRKUK}-p-militias-003`,
      incidentId: KIRKUK,
      actorId: "act-iran-aligned-militias",
      role: ParticipantRole.TARGET,
      basis: ParticipationBasis.CONFIRMED,
      evidence: ev(S3, S3_KIRKUK),
    },
    {
      id: `${KIRKUK}-p-nujaba-002`,
      incidentId: KIRKUK,
      actorId: "act-al-nujaba",
      role: ParticipantRole.ASSOCIATED,
      basis: ParticipationBasis.IMPLIED,
      evidence: ev(S2, S2_FUNERAL, { note: "Photo caption: al-Nujaba members at the funeral of the five militants." }),
    },
    {
      id: `${KIRKUK}-p-kh-002`,
      incidentId: KIRKUK,
      actorId: "act-kataib-hezbollah",
      role: ParticipantRole.ASSOCIATED,
      basis: ParticipationBasis.IMPLIED,
      evidence: ev(S2, S2_FUNERAL, { note: "Photo caption: Kataib Hezbollah members at the funeral of the five militants." }),
    },

    // Red Sea
    {
      id: `${RED_SEA}-p-houthis-003`,
      incidentId: RED_SEA,
      actorId: "act-houthis",
      role: ParticipantRole.PERPETRATOR,
      basis: ParticipationBasis.CLAIMED,
      evidence: ev(S3, S3_RED_SEA_CLAIM, { note: "The Houthis claimed two of the three attacks." }),
    },
    {
      id: `${RED_SEA}-p-us-navy-003`,
      incidentId: RED_SEA,
      actorId: "act-us-navy",
      role: ParticipantRole.INTERCEPTOR,
      basis: ParticipationBasis.CONFIRMED,
      evidence: ev(S3, S3_RED_SEA),
    },
    {
      id: `${RED_SEA}-p-uss-carney-003`,
      incidentId: RED_SEA,
      actorId: "act-uss-carney",
      role: ParticipantRole.ASSOCIATED,
      basis: ParticipationBasis.CONFIRMED,
      evidence: ev(S3, S3_RED_SEA_DAMAGE),
    },

    // Wave of 8 December
    {
      id: `${WAVE}-p-militias-000`,
      incidentId: WAVE,
      actorId: "act-iran-aligned-militias",
      role: ParticipantRole.PERPETRATOR,
      basis: ParticipationBasis.IMPLIED,
      evidence: ev(S0, S0_LEAD, { note: "The attacks are 'part of a series of operations that pro-Iranian factions say are a response' to the war in Gaza." }),
    },
    {
      id: `${WAVE}-p-militias-004`,
      incidentId: WAVE,
      actorId: "act-iran-aligned-militias",
      role: ParticipantRole.PERPETRATOR,
      basis: ParticipationBasis.ATTRIBUTED_BY_OFFICIALS,
      evidence: ev(S4, S4_LEAD, { note: "'enemy groups', per defense officials, read as the Iran-backed militias of the same sentence." }),
    },
    {
      id: `${WAVE}-p-us-military-000`,
      incidentId: WAVE,
      actorId: "act-us-military",
      role: ParticipantRole.TARGET,
      basis: ParticipationBasis.CONFIRMED,
      evidence: ev(S0, S0_LEAD),
    },
    {
      id: `${WAVE}-p-coalition-001`,
      incidentId: WAVE,
      actorId: "act-coalition-against-is",
      role: ParticipantRole.TARGET,
      basis: ParticipationBasis.CONFIRMED,
      evidence: ev(S1, S1_WAVE),
    },

    // Embassy
    {
      id: `${EMBASSY}-p-militias-004`,
      incidentId: EMBASSY,
      actorId: "act-iran-aligned-militias",
      role: ParticipantRole.PERPETRATOR,
      basis: ParticipationBasis.ATTRIBUTED_BY_OFFICIALS,
      evidence: ev(S4, S4_LEAD),
    },
    {
      id: `${EMBASSY}-p-unnamed-militia-004`,
      incidentId: EMBASSY,
      actorId: "act-unnamed-embassy-militia",
      role: ParticipantRole.PERPETRATOR,
      basis: ParticipationBasis.ATTRIBUTED_BY_OFFICIALS,
      evidence: ev(S4, S4_UNCLAIMED),
    },
    {
      id: `${EMBASSY}-p-unnamed-militia-003`,
      incidentId: EMBASSY,
      actorId: "act-unnamed-embassy-militia",
      role: ParticipantRole.PERPETRATOR,
      basis: ParticipationBasis.ALLEGED,
      evidence: ev(S3, S3_EMBASSY),
    },
    {
      id: `${EMBASSY}-p-kh-002`,
      incidentId: EMBASSY,
      actorId: "act-kataib-hezbollah",
      role: ParticipantRole.PERPETRATOR,
      basis: ParticipationBasis.IMPLIED,
      evidence: ev(S2, S2_EMBASSY, {
        note: "The strike is called an uptick after Kata'ib Hezbollah and other militias 'had previously targeted only military bases and troops'.",
      }),
    },
    {
      id: `${EMBASSY}-p-militias-002`,
      incidentId: EMBASSY,
      actorId: "act-iran-aligned-militias",
      role: ParticipantRole.PERPETRATOR,
      basis: ParticipationBasis.IMPLIED,
      evidence: ev(S2, S2_EMBASSY),
    },
    {
      id: `${EMBASSY}-p-kss-003`,
      incidentId: EMBASSY,
      actorId: "act-kataib-sayyid-al-shuhada",
      role: ParticipantRole.PERPETRATOR,
      basis: ParticipationBasis.DECLINED_TO_CLAIM,
      evidence: ev(S3, S3_KSS, { note: "Its commander did not take responsibility for the attack; the article does not say the group carried it out." }),
    },
    {
      id: `${EMBASSY}-p-embassy-003`,
      incidentId: EMBASSY,
      actorId: "act-us-embassy-baghdad",
      role: ParticipantRole.TARGET,
      basis: ParticipationBasis.CONFIRMED,
      evidence: ev(S3, S3_MORTARS),
    },
    {
      id: `${EMBASSY}-p-embassy-004`,
      incidentId: EMBASSY,
      actorId: "act-us-embassy-baghdad",
      role: ParticipantRole.TARGET,
      basis: ParticipationBasis.CONFIRMED,
      evidence: ev(S4, S4_LEAD),
    },
    {
      id: `${EMBASSY}-p-us-003`,
      incidentId: EMBASSY,
      actorId: "act-us",
      role: ParticipantRole.TARGET,
      basis: ParticipationBasis.CONFIRMED,
      evidence: ev(S3, "The Iran-backed militia has vowed more such attacks on US interests in Iraq as America continues to back Israel.", {
        note: "The attack is one of the 'attacks on US interests in Iraq'.",
      }),
    },

    // Ain al-Asad, 8 December
    {
      id: `${AIN_AL_ASAD_8}-p-iri-004`,
      incidentId: AIN_AL_ASAD_8,
      actorId: "act-islamic-resistance-in-iraq",
      role: ParticipantRole.PERPETRATOR,
      basis: ParticipationBasis.CLAIMED,
      evidence: ev(S4, S4_IRI_CLAIM),
    },
    {
      id: `${AIN_AL_ASAD_8}-p-us-military-000`,
      incidentId: AIN_AL_ASAD_8,
      actorId: "act-us-military",
      role: ParticipantRole.TARGET,
      basis: ParticipationBasis.CONFIRMED,
      evidence: ev(S0, S0_AIN_AL_ASAD),
    },
    {
      id: `${AIN_AL_ASAD_8}-p-coalition-000`,
      incidentId: AIN_AL_ASAD_8,
      actorId: "act-coalition-against-is",
      role: ParticipantRole.TARGET,
      basis: ParticipationBasis.CONFIRMED,
      evidence: ev(S0, S0_AIN_AL_ASAD),
    },
    {
      id: `${AIN_AL_ASAD_8}-p-us-military-004`,
      incidentId: AIN_AL_ASAD_8,
      actorId: "act-us-military",
      role: ParticipantRole.TARGET,
      basis: ParticipationBasis.CONFIRMED,
      evidence: ev(S4, S4_IRI_CLAIM),
    },

    // Syria bases, 8 December
    {
      id: `${SYRIA_BASES_8}-p-us-military-000`,
      incidentId: SYRIA_BASES_8,
      actorId: "act-us-military",
      role: ParticipantRole.TARGET,
      basis: ParticipationBasis.CONFIRMED,
      evidence: ev(S0, S0_SYRIA),
    },

    // Conoco, 8 December
    {
      id: `${CONOCO_8}-p-iri-004`,
      incidentId: CONOCO_8,
      actorId: "act-islamic-resistance-in-iraq",
      role: ParticipantRole.PERPETRATOR,
      basis: ParticipationBasis.CLAIMED,
      evidence: ev(S4, S4_IRI_CLAIM),
    },
    {
      id: `${CONOCO_8}-p-us-military-004`,
      incidentId: CONOCO_8,
      actorId: "act-us-military",
      role: ParticipantRole.TARGET,
      basis: ParticipationBasis.CONFIRMED,
      evidence: ev(S4, S4_IRI_CLAIM),
    },

    // Erbil, 8 December
    {
      id: `${ERBIL_8}-p-defenses-000`,
      incidentId: ERBIL_8,
      actorId: "act-anon-erbil-defenses-000",
      role: ParticipantRole.INTERCEPTOR,
      basis: ParticipationBasis.ATTRIBUTED_BY_OFFICIALS,
      evidence: ev(S0, S0_ERBIL),
    },
    {
      id: `${ERBIL_8}-p-us-military-000`,
      incidentId: ERBIL_8,
      actorId: "act-us-military",
      role: ParticipantRole.TARGET,
      basis: ParticipationBasis.IMPLIED,
      evidence: ev(S0, S0_ERBIL, { note: "The drones were shot down 'before entering the airport area and the US base'." }),
    },

    // Arrests
    {
      id: `${ARRESTS}-p-isf-002`,
      incidentId: ARRESTS,
      actorId: "act-iraqi-security-forces",
      role: ParticipantRole.PERPETRATOR,
      basis: ParticipationBasis.ATTRIBUTED_BY_OFFICIALS,
      evidence: ev(S2, S2_SPOKESPERSON, { note: "'the security forces' identified the perpetrators; 'He said some were arrested'." }),
    },

    // 11 December
    {
      id: `${AIN_AL_ASAD_11}-p-iri-001`,
      incidentId: AIN_AL_ASAD_11,
      actorId: "act-islamic-resistance-in-iraq",
      role: ParticipantRole.PERPETRATOR,
      basis: ParticipationBasis.CLAIMED,
      evidence: ev(S1, S1_CLAIM),
    },
    {
      id: `${AIN_AL_ASAD_11}-p-coalition-001`,
      incidentId: AIN_AL_ASAD_11,
      actorId: "act-coalition-against-is",
      role: ParticipantRole.TARGET,
      basis: ParticipationBasis.CONFIRMED,
      evidence: ev(S1, S1_MONDAY),
    },
    {
      id: `${SHADDADI_11}-p-iri-001`,
      incidentId: SHADDADI_11,
      actorId: "act-islamic-resistance-in-iraq",
      role: ParticipantRole.PERPETRATOR,
      basis: ParticipationBasis.CLAIMED,
      evidence: ev(S1, S1_CLAIM),
    },
    {
      id: `${SHADDADI_11}-p-coalition-001`,
      incidentId: SHADDADI_11,
      actorId: "act-coalition-against-is",
      role: ParticipantRole.TARGET,
      basis: ParticipationBasis.CONFIRMED,
      evidence: ev(S1, S1_MONDAY),
    },
  ],

  claimStatusReports: [
    { id: `${EMBASSY}-cs-004`, incidentId: EMBASSY, status: ClaimStatus.UNCLAIMED, evidence: ev(S4, S4_UNCLAIMED) },
    { id: `${AIN_AL_ASAD_8}-cs-004`, incidentId: AIN_AL_ASAD_8, status: ClaimStatus.CLAIMED, evidence: ev(S4, S4_IRI_CLAIM) },
    { id: `${CONOCO_8}-cs-004`, incidentId: CONOCO_8, status: ClaimStatus.CLAIMED, evidence: ev(S4, S4_IRI_CLAIM) },
    { id: `${AIN_AL_ASAD_11}-cs-001`, incidentId: AIN_AL_ASAD_11, status: ClaimStatus.CLAIMED, evidence: ev(S1, S1_CLAIM) },
    { id: `${SHADDADI_11}-cs-001`, incidentId: SHADDADI_11, status: ClaimStatus.CLAIMED, evidence: ev(S1, S1_CLAIM) },
    {
      id: `${RED_SEA}-cs-003`,
      incidentId: RED_SEA,
      status: ClaimStatus.CLAIMED,
      evidence: ev(S3, S3_RED_SEA_CLAIM, { note: "Two of the three attacks claimed." }),
    },
  ],

  munitions: [
    // Embassy: the articles disagree on the weapon and the count
    {
      id: `${EMBASSY}-m-000`,
      incidentId: EMBASSY,
      kind: MunitionKind.ROCKET,
      description: "rocket attack",
      qualifier: CountQualifier.EXACT,
      evidence: ev(S0, S0_LEAD, { note: "No count given." }),
    },
    {
      id: `${EMBASSY}-m-001`,
      incidentId: EMBASSY,
      kind: MunitionKind.ROCKET,
      description: "rocket barrages",
      qualifier: CountQualifier.EXACT,
      evidence: ev(S1, S1_EMBASSY, { note: "No count given." }),
    },
    {
      id: `${EMBASSY}-m-002`,
      incidentId: EMBASSY,
      kind: MunitionKind.MISSILE,
      description: "missile strike",
      qualifier: CountQualifier.EXACT,
      evidence: ev(S2, S2_EMBASSY, { note: "No count given." }),
    },
    {
      id: `${EMBASSY}-m-003`,
      incidentId: EMBASSY,
      kind: MunitionKind.MORTAR_ROUND,
      description: "rounds of mortar (multi-mortar attack)",
      count: 7,
      qualifier: CountQualifier.AT_LEAST,
      evidence: ev(S3, S3_MORTARS),
    },
    {
      id: `${EMBASSY}-m-004`,
      incidentId: EMBASSY,
      kind: MunitionKind.ROCKET,
      description: "Katyusha rockets",
      count: 14,
      qualifier: CountQualifier.ABOUT,
      evidence: ev(S4, S4_ROCKETS),
    },
    // Others
    {
      id: `${CAMPAIGN}-m-002-missiles`,
      incidentId: CAMPAIGN,
      kind: MunitionKind.MISSILE,
      description: "missiles",
      qualifier: CountQualifier.EXACT,
      evidence: ev(S2, S2_LEAD, { note: "No count given." }),
    },
    {
      id: `${CAMPAIGN}-m-002-drones`,
      incidentId: CAMPAIGN,
      kind: MunitionKind.DRONE,
      description: "attack drones",
      qualifier: CountQualifier.EXACT,
      evidence: ev(S2, S2_LEAD, { note: "No count given." }),
    },
    {
      id: `${WAVE}-m-003-rockets`,
      incidentId: WAVE,
      kind: MunitionKind.ROCKET,
      description: "rocket attacks (in a mixture of rocket and drone attacks)",
      qualifier: CountQualifier.EXACT,
      evidence: ev(S3, S3_WAVE, { note: "No count given; the three attacks after the embassy attack." }),
    },
    {
      id: `${WAVE}-m-003-drones`,
      incidentId: WAVE,
      kind: MunitionKind.DRONE,
      description: "drone attacks (in a mixture of rocket and drone attacks)",
      qualifier: CountQualifier.EXACT,
      evidence: ev(S3, S3_WAVE, { note: "No count given; the three attacks after the embassy attack." }),
    },
    {
      id: `${ERBIL_8}-m-000`,
      incidentId: ERBIL_8,
      kind: MunitionKind.DRONE,
      description: "drones (shot down)",
      count: 4,
      qualifier: CountQualifier.EXACT,
      evidence: ev(S0, S0_ERBIL),
    },
    {
      id: `${KIRKUK}-m-003`,
      incidentId: KIRKUK,
      kind: MunitionKind.DRONE,
      description: "drone strike",
      qualifier: CountQualifier.EXACT,
      evidence: ev(S3, S3_KIRKUK, { note: "No count given; 000 calls it a 'raid' and names no weapon." }),
    },
    {
      id: `${AIN_AL_ASAD_11}-m-001`,
      incidentId: AIN_AL_ASAD_11,
      kind: MunitionKind.DRONE,
      description: "drone attack",
      qualifier: CountQualifier.EXACT,
      evidence: ev(S1, S1_AIN_AL_ASAD, { note: "No count given." }),
    },
    {
      id: `${SHADDADI_11}-m-001`,
      incidentId: SHADDADI_11,
      kind: MunitionKind.ROCKET,
      description: "rockets",
      qualifier: CountQualifier.EXACT,
      evidence: ev(S1, S1_SHADDADI, { note: "No count given." }),
    },
    {
      id: `${RED_SEA}-m-003-missiles`,
      incidentId: RED_SEA,
      kind: MunitionKind.BALLISTIC_MISSILE,
      description: "ballistic missile attacks",
      qualifier: CountQualifier.EXACT,
      evidence: ev(S3, S3_RED_SEA, { note: "No count given." }),
    },
    {
      id: `${RED_SEA}-m-003-drones`,
      incidentId: RED_SEA,
      kind: MunitionKind.DRONE,
      description: "drones by Houthis (shot down by the US Navy)",
      count: 3,
      qualifier: CountQualifier.EXACT,
      evidence: ev(S3, S3_RED_SEA),
    },
    {
      id: `${ADEN_MISSILES}-m-003`,
      incidentId: ADEN_MISSILES,
      kind: MunitionKind.BALLISTIC_MISSILE,
      description: "ballistic missiles",
      count: 2,
      qualifier: CountQualifier.EXACT,
      evidence: ev(S3, S3_ADEN),
    },
    {
      id: `${US_STRIKES}-m-003`,
      incidentId: US_STRIKES,
      kind: MunitionKind.UNSPECIFIED,
      description: "airstrikes",
      qualifier: CountQualifier.EXACT,
      evidence: ev(S3, S3_US_STRIKES, { note: "'several'; no number." }),
    },
  ],

  casualties: [
    {
      id: `${EMBASSY}-c-003`,
      incidentId: EMBASSY,
      population: CasualtyPopulation.UNSPECIFIED,
      outcome: CasualtyOutcome.INJURED,
      count: 0,
      qualifier: CountQualifier.EXACT,
      evidence: ev(S3, S3_MORTARS),
    },
    {
      id: `${EMBASSY}-c-004`,
      incidentId: EMBASSY,
      population: CasualtyPopulation.UNSPECIFIED,
      outcome: CasualtyOutcome.INJURED,
      count: 0,
      qualifier: CountQualifier.EXACT,
      evidence: ev(S4, S4_DAMAGE),
    },
    {
      id: `${AIN_AL_ASAD_11}-c-001-killed`,
      incidentId: AIN_AL_ASAD_11,
      population: CasualtyPopulation.UNSPECIFIED,
      outcome: CasualtyOutcome.KILLED,
      count: 0,
      qualifier: CountQualifier.EXACT,
      evidence: ev(S1, S1_AIN_AL_ASAD),
    },
    {
      id: `${AIN_AL_ASAD_11}-c-001-injured`,
      incidentId: AIN_AL_ASAD_11,
      population: CasualtyPopulation.UNSPECIFIED,
      outcome: CasualtyOutcome.INJURED,
      count: 0,
      qualifier: CountQualifier.EXACT,
      evidence: ev(S1, S1_AIN_AL_ASAD),
    },
    {
      id: `${KIRKUK}-c-000`,
      incidentId: KIRKUK,
      population: CasualtyPopulation.MILITANTS,
      outcome: CasualtyOutcome.KILLED,
      count: 5,
      qualifier: CountQualifier.EXACT,
      evidence: ev(S0, S0_KIRKUK),
    },
    {
      id: `${KIRKUK}-c-002`,
      incidentId: KIRKUK,
      population: CasualtyPopulation.MILITANTS,
      outcome: CasualtyOutcome.KILLED,
      count: 5,
      qualifier: CountQualifier.EXACT,
      evidence: ev(S2, S2_FUNERAL, { note: "Photo caption." }),
    },
    {
      id: `${KIRKUK}-c-003`,
      incidentId: KIRKUK,
      population: CasualtyPopulation.MILITANTS,
      outcome: CasualtyOutcome.KILLED,
      count: 5,
      qualifier: CountQualifier.AT_LEAST,
      evidence: ev(S3, S3_KIRKUK),
    },
    {
      id: `${US_STRIKES}-c-000`,
      incidentId: US_STRIKES,
      population: CasualtyPopulation.MILITANTS,
      outcome: CasualtyOutcome.KILLED,
      qualifier: CountQualifier.EXACT,
      evidence: ev(S0, S0_US_STRIKES, { note: "'killing militants': no number." }),
    },
    {
      id: `${CAMPAIGN}-c-000`,
      incidentId: CAMPAIGN,
      population: CasualtyPopulation.US_PERSONNEL,
      outcome: CasualtyOutcome.INJURED,
      qualifier: CountQualifier.EXACT,
      evidence: ev(S0, S0_WOUNDED, { note: "'dozens', lightly wounded: no number." }),
    },
    {
      id: `${CAMPAIGN}-c-004`,
      incidentId: CAMPAIGN,
      population: CasualtyPopulation.US_PERSONNEL,
      outcome: CasualtyOutcome.INJURED,
      count: 66,
      qualifier: CountQualifier.ABOUT,
      evidence: ev(S4, S4_66, { note: "As of 4 December 2023, per Sabrina Singh; all returned to work." }),
    },
  ],

  damage: [
    {
      id: `${EMBASSY}-d-003`,
      incidentId: EMBASSY,
      level: DamageLevel.NONE,
      description: "no infrastructural damage was reported",
      evidence: ev(S3, S3_MORTARS),
    },
    {
      id: `${EMBASSY}-d-004`,
      incidentId: EMBASSY,
      level: DamageLevel.SUPERFICIAL,
      description: "superficial damage to facilities",
      evidence: ev(S4, S4_DAMAGE),
    },
    { id: `${AIN_AL_ASAD_11}-d-001`, incidentId: AIN_AL_ASAD_11, level: DamageLevel.NONE, description: "no damage", evidence: ev(S1, S1_AIN_AL_ASAD) },
    {
      id: `${RED_SEA}-d-003-ships`,
      incidentId: RED_SEA,
      level: DamageLevel.DAMAGED,
      description: "two of the three commercial ships ('carriers') damaged",
      evidence: ev(S3, S3_RED_SEA_DAMAGE),
    },
    {
      id: `${RED_SEA}-d-003-carney`,
      incidentId: RED_SEA,
      level: DamageLevel.NONE,
      description: "the destroyer USS Carney unharmed",
      evidence: ev(S3, S3_RED_SEA_DAMAGE),
    },
  ],

  reports: [
    // Embassy: one per article
    {
      id: `${EMBASSY}-r-000`,
      incidentId: EMBASSY,
      account:
        "A rocket attack on the US embassy in Baghdad 'yesterday', one of at least six new attacks; the first rocket attack on the embassy in more than a year, according to Reuters.",
      evidence: ev(S0, S0_LEAD),
    },
    {
      id: `${EMBASSY}-r-001`,
      incidentId: EMBASSY,
      account: "'On Friday, rocket barrages targeted the US embassy in Baghdad for the first time since the current escalation began.'",
      evidence: ev(S1, S1_EMBASSY),
    },
    {
      id: `${EMBASSY}-r-002`,
      incidentId: EMBASSY,
      account:
        "'A missile strike on the U.S. embassy in Baghdad last week', an uptick after the militias had previously targeted only military bases and troops; Iraqi officials report arrests.",
      evidence: ev(S2, S2_EMBASSY),
    },
    {
      id: `${EMBASSY}-r-003`,
      incidentId: EMBASSY,
      account:
        "A multi-mortar attack on Friday morning allegedly by an Iran-backed militia: at least seven mortar rounds launched against the embassy compound, no injuries or infrastructural damage reported.",
      evidence: ev(S3, S3_EMBASSY),
    },
    {
      id: `${EMBASSY}-r-004`,
      incidentId: EMBASSY,
      account:
        "Iran-backed militias fired a barrage of roughly 14 Katyusha rockets around 4:15 a.m. Friday, some landing near the embassy's gates; no injuries, superficial damage; unclaimed, officials blame an Iran-aligned group.",
      evidence: ev(S4, S4_HEADLINE),
    },
    // Wave
    {
      id: `${WAVE}-r-000`,
      incidentId: WAVE,
      account: "'At least six new attacks' on US forces in Iraq and Syria 'yesterday', including the rocket attack on the embassy.",
      evidence: ev(S0, S0_LEAD),
    },
    {
      id: `${WAVE}-r-001`,
      incidentId: WAVE,
      account: "'at least five attacks against US and international coalition troops in Iraq and Syria' on the day of the embassy attack.",
      evidence: ev(S1, S1_WAVE),
    },
    {
      id: `${WAVE}-r-003`,
      incidentId: WAVE,
      account:
        "A few hours after the embassy attack, US and coalition forces were attacked three more times, once in Syria and twice in Iraq, with rockets and drones (per CNN).",
      evidence: ev(S3, S3_WAVE),
    },
    {
      id: `${WAVE}-r-004`,
      incidentId: WAVE,
      account: "As the embassy was attacked, 'enemy groups also launched strikes on American forces in Iraq and Syria', according to defense officials.",
      evidence: ev(S4, S4_LEAD),
    },
    // Campaign
    {
      id: `${CAMPAIGN}-r-000`,
      incidentId: CAMPAIGN,
      account:
        "'a series of operations that pro-Iranian factions say are a response to the Israeli war on the Gaza Strip'; 'about 17 attacks ... since Oct. 80' (garbled).",
      evidence: ev(S0, S0_LEAD),
    },
    {
      id: `${CAMPAIGN}-r-001`,
      incidentId: CAMPAIGN,
      account: "Washington counts at least 92 attacks in Iraq and Syria since 17 October; the Islamic Resistance ties them to US support for Israel.",
      evidence: ev(
        S1,
        "The attacks by pro-Iranian paramilitaries are due, according to the “Islamic Resistance in Iraq”, to the US support for Israel in the war against Hamas in the Gaza Strip since October 7.",
      ),
    },
    {
      id: `${CAMPAIGN}-r-002`,
      incidentId: CAMPAIGN,
      account: "97 attacks by missiles and attack drones in Syria and Iraq since 17 October, five of them this week, per a Pentagon official.",
      evidence: ev(S2, S2_LEAD),
    },
    {
      id: `${CAMPAIGN}-r-003`,
      incidentId: CAMPAIGN,
      account: "At least 82 attacks on US and coalition forces since 17 October 'by Iran-backed militia in Iraq and Houthi rebels in Syria'.",
      evidence: ev(S3, S3_82),
    },
    {
      id: `${CAMPAIGN}-r-004`,
      incidentId: CAMPAIGN,
      account:
        "'a streak of recurring attacks on US forces in Iraq and Syria since the Israel-Hamas conflict broke out in October': about 78 as of Thursday 7 December, per Sabrina Singh.",
      evidence: ev(S4, S4_STREAK),
    },
    // US strikes
    {
      id: `${US_STRIKES}-r-000`,
      incidentId: US_STRIKES,
      account: "The US military 'responded with five strikes in Iraq and Syria, killing militants from pro-Tehran factions'.",
      evidence: ev(S0, S0_US_STRIKES),
    },
    {
      id: `${US_STRIKES}-r-001`,
      incidentId: US_STRIKES,
      account:
        "The Pentagon 'has already launched strikes' against Kataeb Hezbollah and al-Nujaba fighters in Iraq and facilities it says were linked to Iran in Syria.",
      evidence: ev(S1, S1_US_STRIKES),
    },
    {
      id: `${US_STRIKES}-r-002`,
      incidentId: US_STRIKES,
      account: "'U.S. counter-strikes', which al-Sudani criticized as a violation of Iraq's sovereignty.",
      evidence: ev(S2, S2_CRITICIZED),
    },
    {
      id: `${US_STRIKES}-r-003`,
      incidentId: US_STRIKES,
      account: "'several airstrikes at different locations in Iraq and Syria targeting Iran-backed troops'.",
      evidence: ev(S3, S3_US_STRIKES),
    },
    // Kirkuk strike
    {
      id: `${KIRKUK}-r-000`,
      incidentId: KIRKUK,
      account:
        "Five Islamic Resistance in Iraq militants killed 'in a US raid near Kirkuk' as they prepared to attack a US base, days before the attacks of 8 December.",
      evidence: ev(S0, S0_KIRKUK),
    },
    {
      id: `${KIRKUK}-r-002`,
      incidentId: KIRKUK,
      account: "Photo caption: militias including al-Nujaba and Kataib Hezbollah at the funeral of 'five militants killed in a U.S. strike'.",
      evidence: ev(S2, S2_FUNERAL),
    },
    {
      id: `${KIRKUK}-r-003`,
      incidentId: KIRKUK,
      account: "American troops killed at least five Iran-backed militia members in a drone strike after the US 'identified an imminent attack'.",
      evidence: ev(S3, S3_KIRKUK),
    },
    // Single-source incidents
    {
      id: `${AIN_AL_ASAD_8}-r-000`,
      incidentId: AIN_AL_ASAD_8,
      account: "Two attacks 'yesterday' on Ain al-Assad base in Anbar, per a Pentagon official.",
      evidence: ev(S0, S0_AIN_AL_ASAD),
    },
    {
      id: `${AIN_AL_ASAD_8}-r-004`,
      incidentId: AIN_AL_ASAD_8,
      account: "Attacks on US forces at 'al-Asaf airbase' in western Iraq, claimed by the Islamic Resistance.",
      evidence: ev(S4, S4_IRI_CLAIM),
    },
    {
      id: `${SYRIA_BASES_8}-r-000`,
      incidentId: SYRIA_BASES_8,
      account: "Three attacks on bases housing US troops in Syria, per the Pentagon official.",
      evidence: ev(S0, S0_SYRIA),
    },
    {
      id: `${CONOCO_8}-r-004`,
      incidentId: CONOCO_8,
      account: "An attack on US forces at the Conoco gas field in eastern Syria, claimed by the Islamic Resistance.",
      evidence: ev(S4, S4_IRI_CLAIM),
    },
    {
      id: `${ERBIL_8}-r-000`,
      incidentId: ERBIL_8,
      account: "Defenses shot down four drones north of Erbil before they reached the airport area and the US base, per a Kurdish security source.",
      evidence: ev(S0, S0_ERBIL),
    },
    {
      id: `${ARRESTS}-r-002`,
      incidentId: ARRESTS,
      account:
        "Some people suspected of involvement in the embassy attack were arrested, per Iraqi officials and the Prime Minister's spokesperson; number not given.",
      evidence: ev(S2, S2_ARRESTS),
    },
    {
      id: `${AIN_AL_ASAD_11}-r-001`,
      incidentId: AIN_AL_ASAD_11,
      account: "A drone attack on Monday on the Ain al-Assad air base, no casualties or damage, per a US military official.",
      evidence: ev(S1, S1_MONDAY),
    },
    {
      id: `${SHADDADI_11}-r-001`,
      incidentId: SHADDADI_11,
      account: "Rockets fired on Monday at a base in 'Ash Sadadi district' in northern Syria, per a US military official.",
      evidence: ev(S1, S1_MONDAY),
    },
    {
      id: `${RED_SEA}-r-003`,
      incidentId: RED_SEA,
      account: "Houthi ballistic missile attacks on three commercial ships in the Red Sea; the US Navy shot down three drones; two ships damaged.",
      evidence: ev(S3, S3_RED_SEA),
    },
    {
      id: `${SHIP_SEIZURE}-r-003`,
      incidentId: SHIP_SEIZURE,
      account: "In late November the US Navy apprehended armed attackers who had seized an Israeli-linked ship (printed 'shop') off Yemen, per officials.",
      evidence: ev(S3, S3_SEIZURE, { garbled: true, note: SHOP_NOTE }),
    },
    {
      id: `${ADEN_MISSILES}-r-003`,
      incidentId: ADEN_MISSILES,
      account: "The Houthis then launched two ballistic missiles near a US warship in the Gulf of Aden, in apparent retaliation.",
      evidence: ev(S3, S3_ADEN),
    },
  ],

  links: [
    { id: `${EMBASSY}-part-of-wave`, fromIncidentId: EMBASSY, toIncidentId: WAVE, kind: IncidentLinkKind.PART_OF, evidence: ev(S0, S0_LEAD) },
    {
      id: `${AIN_AL_ASAD_8}-part-of-wave`,
      fromIncidentId: AIN_AL_ASAD_8,
      toIncidentId: WAVE,
      kind: IncidentLinkKind.PART_OF,
      evidence: ev(S0, S0_AIN_AL_ASAD, { note: "Two of the 'new attacks' of 'yesterday'." }),
    },
    { id: `${SYRIA_BASES_8}-part-of-wave`, fromIncidentId: SYRIA_BASES_8, toIncidentId: WAVE, kind: IncidentLinkKind.PART_OF, evidence: ev(S0, S0_SYRIA) },
    {
      id: `${CONOCO_8}-part-of-wave`,
      fromIncidentId: CONOCO_8,
      toIncidentId: WAVE,
      kind: IncidentLinkKind.PART_OF,
      evidence: ev(S4, S4_LEAD, { note: "One of the strikes 'enemy groups also launched' that Friday." }),
    },
    { id: `${WAVE}-part-of-campaign`, fromIncidentId: WAVE, toIncidentId: CAMPAIGN, kind: IncidentLinkKind.PART_OF, evidence: ev(S4, S4_STREAK) },
    {
      id: `${AIN_AL_ASAD_11}-part-of-campaign`,
      fromIncidentId: AIN_AL_ASAD_11,
      toIncidentId: CAMPAIGN,
      kind: IncidentLinkKind.PART_OF,
      evidence: ev(S1, S1_92, { note: "The tally follows the report of Monday's attacks." }),
    },
    {
      id: `${SHADDADI_11}-part-of-campaign`,
      fromIncidentId: SHADDADI_11,
      toIncidentId: CAMPAIGN,
      kind: IncidentLinkKind.PART_OF,
      evidence: ev(S1, S1_92, { note: "The tally follows the report of Monday's attacks." }),
    },
    {
      id: `${US_STRIKES}-retaliation-for-campaign`,
      fromIncidentId: US_STRIKES,
      toIncidentId: CAMPAIGN,
      kind: IncidentLinkKind.RETALIATION_FOR,
      evidence: ev(S0, S0_US_STRIKES),
    },
    {
      id: `${ARRESTS}-follow-up-to-embassy`,
      fromIncidentId: ARRESTS,
      toIncidentId: EMBASSY,
      kind: IncidentLinkKind.FOLLOW_UP_TO,
      evidence: ev(S2, S2_ARRESTS),
    },
    {
      id: `${ADEN_MISSILES}-retaliation-for-seizure`,
      fromIncidentId: ADEN_MISSILES,
      toIncidentId: SHIP_SEIZURE,
      kind: IncidentLinkKind.RETALIATION_FOR,
      evidence: ev(S3, S3_ADEN, { note: "'in apparent retaliation': the article's hedged reading; it does not say who judged it so." }),
    },
  ],
};
