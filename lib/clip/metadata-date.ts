/**
 * A declared publication date as the calendar day the page itself states, `YYYY-MM-DD` (the
 * date-only form Anytype's date properties accept, tests/sandbox/spec). A time with an offset is
 * read on the page's clock, not shifted to UTC: "2024-03-05T23:30:00-05:00" is the 5th, which
 * `toISOString()` would have made the 6th.
 */

const LEADING_DAY = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])/;
/** An explicit zone at the end of a date string: Z, GMT/UTC, or a numeric offset. */
const ZONE = /(?:\b(?:GMT|UTC)|Z|\s*([+-])(\d{2}):?(\d{2}))\s*$/i;

function day(year: number, month: number, date: number): string | undefined {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || date < 1 || date > 31) return undefined;
  const check = new Date(Date.UTC(year, month - 1, date));
  // 2024-02-31 is no day.
  if (check.getUTCMonth() !== month - 1) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

export function calendarDay(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const text = raw.trim();
  const leading = LEADING_DAY.exec(text);
  // An ISO date (with or without time and offset) already names the page's day first.
  if (leading) return day(Number(leading[1]), Number(leading[2]), Number(leading[3]));
  const time = Date.parse(text);
  if (Number.isNaN(time)) return undefined;
  const zone = ZONE.exec(text);
  if (zone) {
    // RFC 2822 and kin: read the day on the offset the page wrote.
    const offset = zone[1] ? (zone[1] === '-' ? -1 : 1) * (Number(zone[2]) * 60 + Number(zone[3])) : 0;
    const shifted = new Date(time + offset * 60_000);
    return day(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
  }
  // No zone: Date.parse read it as local time, so the local fields are the day as written.
  const local = new Date(time);
  return day(local.getFullYear(), local.getMonth() + 1, local.getDate());
}
