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
  // Every number cell asks (Grid.amount): a sheet has a handful of formats, each worked out once.
  if (decimalsByFormat.has(numFmt)) return decimalsByFormat.get(numFmt);
  const decimals = formatDecimals(numFmt);
  if (decimalsByFormat.size < 1000) decimalsByFormat.set(numFmt, decimals);
  return decimals;
}

const decimalsByFormat = new Map<string, number | undefined>();

function formatDecimals(numFmt: string): number | undefined {
  const section = numFmt.split(';')[0].replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  const m = /\.([0#?]+)/.exec(section);
  if (m) return m[1].length;
  return /[0#]/.test(section) ? 0 : undefined;
}

interface NumberFormatInfo {
  /** No digit placeholder (General, @, text only): the number as it is. */
  plain: boolean;
  percent: boolean;
  decimals: number;
  grouped: boolean;
}

/** What formatNumber needs of a format, worked out once per format code (a sheet has a handful). */
const formatInfos = new Map<string, NumberFormatInfo>();

function formatInfo(numFmt: string | undefined): NumberFormatInfo {
  const key = numFmt ?? '';
  let info = formatInfos.get(key);
  if (!info) {
    const section = (numFmt ?? 'General').split(';')[0];
    const plain = !numFmt || numFmt === 'General' || numFmt === '@' || !/[0#]/.test(section);
    info = {
      plain,
      percent: !plain && /%/.test(section.replace(/"[^"]*"/g, '')),
      decimals: plain ? 0 : (decimalsOfFormat(numFmt) ?? 0),
      grouped: !plain && /#,##0|0,000|#,#/.test(section),
    };
    if (formatInfos.size < 1000) formatInfos.set(key, info);
  }
  return info;
}

/**
 * value.toFixed(decimals), exactly (decimal rounding of the shortest decimal form, as Decimal does): without
 * Decimal when the number already has no more decimals than shown and no exponent, as nearly every amount.
 */
function toFixedExact(value: number, decimals: number): string {
  const s = String(value);
  if (s.indexOf('e') < 0) {
    const dot = s.indexOf('.');
    const have = dot < 0 ? 0 : s.length - dot - 1;
    if (have === decimals) return s;
    if (have < decimals) return (dot < 0 ? `${s}.` : s) + '0'.repeat(decimals - have);
  }
  return new Decimal(s).toFixed(decimals);
}

/**
 * Display text for a number under a simple Excel format ("0.00", "#,##0.00", "0%", "General"). Hosts that can
 * ask the spreadsheet for the displayed text should prefer that; this covers files read without a renderer.
 */
export function formatNumber(value: number, numFmt: string | undefined): string {
  if (!Number.isFinite(value)) return String(value);
  const info = formatInfo(numFmt);
  if (info.plain) {
    const s = String(value);
    return s.indexOf('e') < 0 ? s : new Decimal(s).toString();
  }
  let s = info.percent ? new Decimal(String(value)).times(100).toFixed(info.decimals) : toFixedExact(value, info.decimals);
  if (info.grouped) {
    const dot = s.indexOf('.');
    const neg = s.charCodeAt(0) === 45; // '-'
    const digits = s.slice(neg ? 1 : 0, dot < 0 ? s.length : dot);
    if (digits.length > 3) s = (neg ? '-' : '') + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (dot < 0 ? '' : s.slice(dot));
  }
  return info.percent ? `${s}%` : s;
}
