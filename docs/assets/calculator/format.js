// Display formats, as the rules core writes them (cip_core/money.py): the contract gives money as
// "829.10" strings and dates as ISO strings; the page shows "829,10 €" / "€ 829,10".
// Works on the strings directly, so no amount ever passes through a float.
const NBSP = "\u00a0";
const NNBSP = "\u202f";
const MONTHS = {
  fr: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre"],
  nl: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december"],
};

/** "1234.5" -> "1 234,5" (fr) / "1.234,5" (nl); anything that is not a plain number is returned as is. */
export function formatNumber(text, lang) {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(text));
  if (!match) return String(text);
  const group = lang === "nl" ? "." : NNBSP;
  const whole = match[2].replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return match[1] + whole + (match[3] ? "," + match[3] : "");
}

export function formatMoney(text, lang) {
  const number = formatNumber(text, lang);
  return lang === "nl" ? `€${NBSP}${number}` : `${number}${NBSP}€`;
}

/** A share written as a decimal string ("0.5263") or a percentage ("76") -> "52,6 %" / "76 %". */
export function formatPercent(text, lang, isShare) {
  let value = Number(text);
  if (!Number.isFinite(value)) return String(text);
  if (isShare) value *= 100;
  const rounded = (Math.round(value * 10) / 10).toString();
  return `${formatNumber(rounded, lang)}${NBSP}%`;
}

/** "2025-02-01" -> "1er février 2025" / "1 februari 2025". */
export function formatDate(iso, lang) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso));
  if (!match) return String(iso);
  const months = MONTHS[lang === "nl" ? "nl" : "fr"];
  const day = Number(match[3]);
  const month = months[Number(match[2]) - 1];
  if (!month) return String(iso);
  const number = day === 1 && lang !== "nl" ? "1er" : String(day);
  return `${number} ${month} ${match[1]}`;
}
