// SCIM dateTimes (RFC 7643 §2.3.5, xsd:dateTime) as filters carry them. Written by hand rather than trusting
// Date.parse: IdPs send .NET's 7-digit fractions (`2015-10-10T14:38:21.8617979-07:00`, Microsoft's reference
// suite) and year 1 (`0001-01-03T00:00:00.0000000Z`, Entra's "SCIM Inbound" watermark), which engines disagree on.

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|z|[+-]\d{2}:?\d{2})?$/;

/** Milliseconds since the epoch, or null if `s` is not an ISO 8601 date or date-time. No zone means UTC. */
export function parseScimDate(s: string): number | null {
  const m = ISO_DATE_TIME.exec(s.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', sec = '00', frac = '', zone = 'Z'] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(sec) > 59) {
    return null;
  }
  const ms = (frac + '000').slice(0, 3);
  const offset = zone === 'Z' || zone === 'z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  // A four-digit year in the full ISO form is read literally (Date.UTC would map years 0–99 to 1900–1999).
  const t = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${sec}.${ms}${offset}`);
  if (Number.isNaN(t)) return null;
  // Date.parse rolls 2021-02-30 over to March; a date that doesn't round-trip its day is not a date.
  const check = new Date(t + offsetMinutes(offset) * 60_000);
  return check.getUTCDate() === day ? t : null;
}

function offsetMinutes(offset: string): number {
  if (offset === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
}
