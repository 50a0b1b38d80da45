/** Chinese (and English) wording of a sum mismatch, with amounts shown at their displayed decimals. */
import Decimal from 'decimal.js';
import type { RuleId } from '../types';

export interface CellRef {
  row: number;
  col: number;
}

export interface Mismatch {
  rule: RuleId;
  /** How the parts were found; chooses the words for "the sum of …". */
  basis: 'code' | 'qizhong' | 'numbering' | 'indent' | 'subtotal' | 'rows' | 'columns' | 'balance';
  total: CellRef;
  parts: CellRef[];
  /** Σ parts, exact, in the table's scaled units (TableNumbers.amount gives the amount). */
  sum: Decimal;
  rowLabel: string;
  colLabel: string;
  /** Said after the difference, for the whole table ("本表合计列多处不符，请核对口径"). */
  note?: string;
}

const PARTS_ZH: Record<Mismatch['basis'], string> = {
  code: '下级科目之和',
  qizhong: '其中各项之和',
  numbering: '下级各项之和',
  indent: '下级各项之和',
  subtotal: '本组各行之和',
  rows: '所列各行之和',
  columns: '同行各分项之和',
  balance: '收入总计',
};

const PARTS_EN: Record<Mismatch['basis'], string> = {
  code: 'the sum of its sub-items',
  qizhong: 'the sum of its "of which" items',
  numbering: 'the sum of its sub-items',
  indent: 'the sum of its sub-items',
  subtotal: 'the sum of its group',
  rows: 'the sum of the rows it totals',
  columns: 'the sum of its component columns',
  balance: 'total income',
};

export function formatAmount(v: Decimal, decimals: number): string {
  return v.toFixed(Math.max(0, Math.min(decimals, 10)));
}

/** Places that show a value as its cell shows it ("6", not "6.0"), or more when the cell hides digits it holds. */
function placesFor(v: Decimal, shown: number): number {
  const exact = Math.min(v.decimalPlaces(), 9);
  return Math.max(0, Math.min(shown, 10), exact > shown ? exact : 0);
}

const NOTE_EN: Record<string, string> = {
  '本表合计列多处不符，请核对口径': 'many rows of this table break it: check how the total is defined',
  '本表合计行多处不符，请核对口径': 'most columns of this total row break it: check what it totals',
  '本表科目层级多处不符，请核对口径': 'many 科目 of this table break it: check how the totals are defined',
};

/**
 * The stated total as its cell shows it, the sum of the parts as theirs show them, and the difference
 * with as many decimals as it takes to see it (a cell holding 100.004 shown as 100.00).
 */
export function describeMismatch(
  m: Mismatch,
  stated: Decimal,
  expected: Decimal,
  diff: Decimal,
  shown: { stated: number; parts: number },
  rounding: boolean,
): { zh: string; en: string } {
  const widest = Math.max(shown.stated, shown.parts);
  let places = widest;
  while (places < 9 && new Decimal(formatAmount(diff.abs(), places)).isZero()) places++;
  // A difference the display hides shows every amount with the decimals it needs.
  const hidden = places > widest;
  const s = formatAmount(stated, hidden ? places : placesFor(stated, shown.stated));
  const e = formatAmount(expected, hidden ? places : placesFor(expected, m.rule === 'sum.balance' ? shown.stated : shown.parts));
  const d = formatAmount(diff.abs(), hidden ? places : Math.max(places, Math.min(diff.decimalPlaces(), 9)));
  const where = placeOf(m.rowLabel, m.colLabel);
  const noteZh = m.note ? `；${m.note}` : '';
  const noteEn = m.note ? `; ${NOTE_EN[m.note] ?? m.note}` : '';
  if (m.rule === 'sum.balance') {
    return {
      zh: `${m.rowLabel || '支出总计'} ${s} ≠ ${m.colLabel || '收入总计'} ${e}（相差 ${d}${rounding ? '，疑似四舍五入误差' : ''}）${noteZh}`,
      en: `Total expenditure ${s} ≠ total income ${e} (difference ${d}${rounding ? ', looks like rounding' : ''})${noteEn}`,
    };
  }
  return {
    zh: `${where.zh ? where.zh + ' ' : ''}${s} ≠ ${PARTS_ZH[m.basis]} ${e}（相差 ${d}${rounding ? '，疑似四舍五入误差' : ''}）${noteZh}`,
    en: `${where.en ? where.en + ' ' : ''}${s} ≠ ${PARTS_EN[m.basis]} ${e} (difference ${d}${rounding ? ', looks like rounding' : ''})${noteEn}`,
  };
}

/**
 * The cell in an officer's words, naming the row and the column once each: “合计”行“合计”列, “卫生健康支出”行“总计”列.
 * Just the row or the column when the other has no label.
 */
export function placeOf(rowLabel: string, colLabel: string): { zh: string; en: string } {
  const row = rowLabel.trim();
  const col = colLabel.trim();
  return {
    zh: `${row ? `“${row}”行` : ''}${col ? `“${col}”列` : ''}`,
    en: [row ? `row "${row}"` : '', col ? `column "${col}"` : ''].filter(Boolean).join(', '),
  };
}
