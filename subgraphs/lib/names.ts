/**
 * Arabic article prefixes as they appear in English transliterations ("al-Sudani", "Ash Sadadi",
 * "ad-Dawla"). Matching ignores them, so "Sudani" and "al-Sudani" meet.
 */
const ARTICLE = /^(?:al|el|ad|adh|ash|as|an|at|ath|ar|az)$/;

/**
 * Folds a name to the form used for matching: no case, no diacritics, no apostrophes or quote marks,
 * hyphens and punctuation as spaces, Arabic article prefixes dropped, white space collapsed.
 * "Kata'ib Hezbollah" and "KATAIB hezbollah" both fold to "kataib hezbollah".
 */
export function foldName(name: string): string {
  const words = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    // Apostrophes, quote marks and modifier letters (ʿ ʾ ʼ in transliterated Arabic) vanish.
    .replace(/['’‘`"“”\p{Lm}]/gu, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter((word) => word !== "" && !ARTICLE.test(word));
  return words.join(" ");
}
