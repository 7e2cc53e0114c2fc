// The printed answer's own date, written as the core writes dates (cip_core/formatting.py:
// format_date) from the same [format] table of the catalogue: the only date the core's answer
// does not carry. Amounts and the answer's dates come written from the core (display, date_text).
import { data, fill } from "./page_data.js";

const format = data.format && typeof data.format === "object" ? data.format : {};

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
