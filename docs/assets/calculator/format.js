// Amounts and dates written as the core writes them (cip_core/formatting.py: format_money,
// format_iso_date), from the same [format] table of the catalogue, handed over in the page's
// data block: the card's "pay at least" figure and the steps' dates read like the rest.
import { data } from "./page_data.js";

const format = data.format && typeof data.format === "object" ? data.format : {};
const fill = (template, values) => String(template ?? "").replace(/\{(\w+)\}/g, (w, k) => values[k] ?? w);

/** "1120.80" (the contract's money string) as the reader writes it: "1 120,80 €", "€ 1.120,80". */
export function money(amount) {
  const match = /^(\d+)\.(\d{2})$/.exec(String(amount ?? ""));
  if (!match) return null;
  const whole = match[1].replace(/\B(?=(\d{3})+$)/g, "\u0000");
  const number = `${whole.replaceAll("\u0000", format.group ?? "")}${format.decimal ?? "."}${match[2]}`;
  return fill(format.money ?? "{number}", { number });
}

/** "2027-01-04" written out: "4 janvier 2027", "1er septembre 2021". */
export function longDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso ?? ""));
  const months = Array.isArray(format.months) ? format.months : [];
  if (!match || months.length !== 12) return null;
  const day = Number(match[3]);
  const ordinals = Array.isArray(format.day_ordinals) ? format.day_ordinals : [];
  const shown = day <= ordinals.length ? ordinals[day - 1] : String(day);
  return fill(format.date ?? "{day} {month} {year}", { day: shown, month: months[Number(match[2]) - 1], year: match[1] });
}

/** Today in the page's time zone, as YYYY-MM-DD (the printed answer's date). */
export function todayIso(now = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
