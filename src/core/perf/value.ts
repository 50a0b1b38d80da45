import Decimal from 'decimal.js';
import { toHalfWidth } from '../money/parse';
import type { AmountUnit } from '../money/units';

/**
 * One 指标值 as an officer writes it: "≥2次", ">=1 个", "不低于40%", "90%以上", "≤160万元",
 * "=1.5 万元/人/年", "2022年12月30日前", "12月底前", "良好以上 (优秀/良好/合格/不合格)", "显著提升".
 */
export type Comparator = '>=' | '<=' | '=' | '>' | '<';

export interface ParsedValue {
  raw: string;
  kind: 'empty' | 'number' | 'date' | 'grade' | 'text';
  comparator?: Comparator;
  /** How the comparator was written ("不低于", "以上", "≥"). */
  comparatorText?: string;
  /** The number as a decimal string (exact). */
  number?: string;
  /** The unit after the number ("次", "%", "万元/人/年"); undefined when none is written. */
  unit?: string;
  /** Set when the unit is money: the money unit and the per-what denominators ("万元/人/年" → 万元, [人, 年]). */
  money?: { unit: AmountUnit; per: string[] };
  date?: { year?: number; month?: number; day?: number; text: string };
  grade?: string;
}

const PREFIX_COMPARATORS: [RegExp, Comparator][] = [
  [/^(>=|=>|≥|≧|＞=|大于等于|大于或等于|不低于|不少于|不小于|不短于|至少|达到)/, '>='],
  [/^(<=|=<|≤|≦|＜=|小于等于|小于或等于|不高于|不多于|不大于|不超过|不超出|最多|控制在)/, '<='],
  [/^(>|＞|大于|高于|多于|超过)/, '>'],
  [/^(<|＜|小于|低于|少于)/, '<'],
  [/^(=|＝|等于)/, '='],
];

const SUFFIX_COMPARATORS: [RegExp, Comparator][] = [
  [/(及以上|或以上|以上)$/, '>='],
  [/(及以内|以内|及以下|以下|之内|内)$/, '<='],
];

const MONEY_RE = /^(亿元|万元|千元|元)(?:\/(.+))?$/;

/** Known qualitative grades, and the verb endings that make a phrase a grade ("有所提高", "稳定运行"). */
const GRADE_WORDS = ['优秀', '良好', '合格', '较好', '较高', '达标', '满意', '基本满意', '全覆盖', '常态化', '明显', '显著', '较为显著'];
const GRADE_ENDINGS = /(提升|提高|改善|增强|加强|完善|优化|降低|减少|下降|推开|推进|运行|显著|明显|达标|合格|良好|优秀|以上|覆盖|常态化|有效|落实|规范)$/;

function stripParenthetical(s: string): string {
  return s.replace(/[（(][^（()）]*[)）]\s*$/, '').trim();
}

export function parseIndicatorValue(input: string | null | undefined): ParsedValue {
  const raw = (input ?? '').trim();
  // A dash or a slash is a placeholder, not a target; "无" ("none", e.g. 重大安全事故 | 无) is a real value.
  if (raw === '' || /^[-—－–]+$/.test(raw) || raw === '/' || raw === '／') return { raw, kind: 'empty' };
  const s = toHalfWidth(raw).replace(/[\s\u00a0]+/g, '');

  const date = parseDateValue(s);
  if (date) return { raw, kind: 'date', date };

  let rest = s;
  let comparator: Comparator | undefined;
  let comparatorText: string | undefined;
  for (const [re, c] of PREFIX_COMPARATORS) {
    const m = re.exec(rest);
    if (m) {
      comparator = c;
      comparatorText = m[1];
      rest = rest.slice(m[1].length);
      break;
    }
  }
  const num = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)/.exec(rest);
  if (num) {
    let after = rest.slice(num[1].length);
    if (!comparator) {
      for (const [re, c] of SUFFIX_COMPARATORS) {
        const m = re.exec(after);
        // "30分钟以内": the comparator follows the unit; "6个县(区)" has none.
        if (m) {
          comparator = c;
          comparatorText = m[1];
          after = after.slice(0, after.length - m[1].length);
          break;
        }
      }
    }
    const unit = stripParenthetical(after) || (after ? after : '');
    const out: ParsedValue = { raw, kind: 'number', number: new Decimal(num[1].replace(/,/g, '')).toString() };
    if (comparator) {
      out.comparator = comparator;
      out.comparatorText = comparatorText;
    }
    if (unit) {
      out.unit = unit;
      const money = MONEY_RE.exec(unit);
      if (money) out.money = { unit: money[1] as AmountUnit, per: money[2] ? money[2].split('/').filter(Boolean) : [] };
    }
    return out;
  }
  if (comparator && rest === '') {
    return { raw, kind: 'number', comparator, comparatorText };
  }
  const bare = stripParenthetical(s);
  if (GRADE_WORDS.includes(bare) || GRADE_ENDINGS.test(bare)) return { raw, kind: 'grade', grade: bare };
  return { raw, kind: 'text' };
}

/** "2022年12月30日前", "12月底前", "2023年12月15日前", "每年12月底前完成当年任务", "12月底前完成". */
export function parseDateValue(s: string): ParsedValue['date'] | undefined {
  const m = /(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日|底|末|中旬|上旬|下旬)?(?:前|之前|以前|内|完成|底前)/.exec(s);
  if (!m) {
    const y = /^(\d{4})年(?:底|末|内|前|年底前)/.exec(s);
    if (y) return { year: Number(y[1]), text: s };
    return undefined;
  }
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  const out: NonNullable<ParsedValue['date']> = { month, text: s };
  if (m[1]) out.year = Number(m[1]);
  if (m[3]) out.day = Number(m[3]);
  return out;
}

/** The comparator as the standard writes it in the 指标性质 column. */
export function comparatorSymbol(c: Comparator | undefined): string {
  switch (c) {
    case '>=':
      return '≥';
    case '<=':
      return '≤';
    case '>':
      return '>';
    case '<':
      return '<';
    case '=':
      return '=';
    default:
      return '';
  }
}

/** Money in a given unit, exactly: 1322 元 → 0.1322 万元. */
export function convertMoney(value: Decimal, from: AmountUnit, to: AmountUnit): Decimal {
  const scale: Record<AmountUnit, number> = { 元: 0, 千元: 3, 万元: 4, 亿元: 8 };
  const shift = scale[from] - scale[to];
  return shift === 0 ? value : value.times(new Decimal(10).pow(shift));
}
