import { foldName } from "../subgraphs/lib/names";

describe("foldName", () => {
  it.each([
    ["Kata'ib Hezbollah", "kataib hezbollah"],
    ["KATAIB  hezbollah", "kataib hezbollah"],
    ["Kata’ib Hezbollah", "kataib hezbollah"],
    ["Mohammed Shia al-Sudani", "mohammed shia sudani"],
    ["Al-Sudani", "sudani"],
    ["Ash Sadadi", "sadadi"],
    ["Abu Alaa al-Walae", "abu alaa walae"],
    ["Ḥashd al-Shaʿbi", "hashd shabi"],
  ])("folds %p to %p", (name, folded) => {
    expect(foldName(name)).toBe(folded);
  });

  it("keeps different names apart", () => {
    expect(foldName("Kataib Hezbollah")).not.toBe(foldName("Kataib Sayyid al-Shuhada"));
  });

  it("folds a name of only punctuation or articles to the empty string", () => {
    expect(foldName(" -- ")).toBe("");
    expect(foldName("al-")).toBe("");
  });
});
