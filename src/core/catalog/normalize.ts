/**
 * Name comparison that forgives what typing and copying do to a 科目 name — spaces, full/half width,
 * quote styles, a trailing 、 — but not a different word.
 */
import { isAsciiDigits } from '../layout/text';

const normalizedNames = new Map<string, string>();

export function normalizeName(name: string): string {
  // A sheet repeats the same few thousand names; the cache is dropped when it grows past any real catalog.
  const hit = normalizedNames.get(name);
  if (hit !== undefined) return hit;
  if (normalizedNames.size > 50_000) normalizedNames.clear();
  const out = normalizeNameUncached(name);
  normalizedNames.set(name, out);
  return out;
}

function normalizeNameUncached(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[“”"‘’'「」『』]/g, '"')
    .replace(/[—–－―-]/g, '-')
    .replace(/[、，,;；.。]+$/, '')
    // 其它 and 其他 are one word written two ways (其它行政事业单位养老支出 in a 2025 budget).
    .replace(/其它/g, '其他')
    .toLowerCase();
}

/** Digits of a code as typed: full-width digits become ASCII, spaces and dashes inside are dropped. */
export function normalizeCodeText(text: string): string {
  if (isAsciiDigits(text)) return text;
  return text.normalize('NFKC').replace(/[\s\u3000]/g, '');
}

const CODE_WITH_NAME_RE = /^(\d{3}|\d{5}|\d{7}|\d{9})(?:\s*[-—–－:：、.．_]?\s*)([^\d\s].*)?$/;

/** "2101501 行政运行", "31002办公设备购置", "201一般公共服务支出", "2101501" → code and name. */
export function splitCodeAndName(text: string): { code: string; name: string } | null {
  const t = text.normalize('NFKC').replace(/\u3000/g, ' ').trim();
  const m = CODE_WITH_NAME_RE.exec(t);
  if (!m) return null;
  return { code: m[1], name: (m[2] ?? '').trim() };
}
