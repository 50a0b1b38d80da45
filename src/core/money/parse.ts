import Decimal from 'decimal.js';

/**
 * Reads an amount the way an officer reads it: "1,234.50", "1 234.50", full-width "１２３",
 * "(1,234.00)" or "-1234" negative, "—" / "-" / "－" for zero. Returns null for anything that is not
 * an amount (labels, codes with letters, dates, percentages).
 */
export interface ParsedAmount {
  value: Decimal;
  /** Digits after the decimal point as written ("21.30" → 2). */
  decimals: number;
  /** A dash or similar placeholder that means zero. */
  dash: boolean;
}

const DASHES = new Set(['-', '—', '－', '–', '——', '--', '―', '─']);

const WIDE = /[\uff01-\uff5e\u3000]/;

export function toHalfWidth(s: string): string {
  if (!WIDE.test(s)) return s;
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

const NUM_RE = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?$/;

/** What an amount can start with (after spaces): a digit, a sign, a bracket, a currency sign, a dash or a point. */
export const AMOUNT_START = /^[\s\u3000\u00a0]*[0-9０-９+＋\-－−—–―─(（¥￥.．]/;

export function parseAmountText(raw: string): ParsedAmount | null {
  // Labels ("行政运行") are most of a sheet's text: turned away before any copying.
  if (!AMOUNT_START.test(raw)) return null;
  let s = toHalfWidth(raw).replace(/[\s\u00a0]+/g, '');
  if (s === '') return null;
  if (DASHES.has(s)) return { value: new Decimal(0), decimals: 0, dash: true };
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  // Thousands separators written with spaces were folded above; a stray currency sign is allowed.
  s = s.replace(/^[¥￥]/, '');
  const m = NUM_RE.exec(s);
  if (!m || (m[2] === undefined && m[3] === undefined)) return null;
  if (m[1] === '-') negative = !negative;
  const intPart = (m[2] ?? '0').replace(/,/g, '');
  const frac = m[3] ?? '';
  let value = new Decimal(frac ? `${intPart}.${frac}` : intPart);
  if (negative) value = value.negated();
  return { value, decimals: frac.length, dash: false };
}

/** An amount from a cell value: numbers are exact to their shortest decimal form, never float-summed. */
export function toDecimal(value: unknown): Decimal | null {
  if (typeof value === 'number') return Number.isFinite(value) ? new Decimal(String(value)) : null;
  if (typeof value === 'string') {
    const p = parseAmountText(value);
    return p ? p.value : null;
  }
  return null;
}

/** Decimals shown by an Excel number format such as "0.00", "#,##0.0_ ", "0%". */
export function decimalsOfFormat(numFmt: string | undefined): number | undefined {
  if (!numFmt || numFmt === 'General' || numFmt === '@') return undefined;
  const section = numFmt.split(';')[0].replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  const m = /\.([0#?]+)/.exec(section);
  if (m) return m[1].length;
  return /[0#]/.test(section) ? 0 : undefined;
}

/**
 * Display text for a number under a simple Excel format ("0.00", "#,##0.00", "0%", "General"). Hosts that can
 * ask the spreadsheet for the displayed text should prefer that; this covers files read without a renderer.
 */
export function formatNumber(value: number, numFmt: string | undefined): string {
  if (!Number.isFinite(value)) return String(value);
  const section = (numFmt ?? 'General').split(';')[0];
  if (!numFmt || numFmt === 'General' || numFmt === '@' || !/[0#]/.test(section)) {
    return new Decimal(String(value)).toString();
  }
  const percent = /%/.test(section.replace(/"[^"]*"/g, ''));
  const decimals = decimalsOfFormat(numFmt) ?? 0;
  let d = new Decimal(String(value));
  if (percent) d = d.times(100);
  let s = d.toFixed(decimals);
  if (/#,##0|0,000|#,#/.test(section)) {
    const [i, f] = s.split('.');
    const neg = i.startsWith('-');
    const digits = neg ? i.slice(1) : i;
    s = (neg ? '-' : '') + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (f !== undefined ? `.${f}` : '');
  }
  return percent ? `${s}%` : s;
}
