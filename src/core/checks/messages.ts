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

export function describeMismatch(
  m: Mismatch,
  stated: Decimal,
  expected: Decimal,
  diff: Decimal,
  decimals: number,
  rounding: boolean,
): { zh: string; en: string } {
  // Shown at the table's decimals; when that hides the difference (a cell holding 100.004 shown as
  // 100.00), with as many more as it takes to see it.
  let places = decimals;
  while (places < 9 && new Decimal(formatAmount(diff.abs(), places)).isZero()) places++;
  const s = formatAmount(stated, places);
  const e = formatAmount(expected, places);
  const d = formatAmount(diff.abs(), places);
  const where = placeOf(m.rowLabel, m.colLabel);
  if (m.rule === 'sum.balance') {
    return {
      zh: `${m.rowLabel || '支出总计'} ${s} ≠ ${m.colLabel || '收入总计'} ${e}（相差 ${d}${rounding ? '，疑似四舍五入误差' : ''}）`,
      en: `Total expenditure ${s} ≠ total income ${e} (difference ${d}${rounding ? ', looks like rounding' : ''})`,
    };
  }
  return {
    zh: `${where.zh ? where.zh + ' ' : ''}${s} ≠ ${PARTS_ZH[m.basis]} ${e}（相差 ${d}${rounding ? '，疑似四舍五入误差' : ''}）`,
    en: `${where.en ? where.en + ' ' : ''}${s} ≠ ${PARTS_EN[m.basis]} ${e} (difference ${d}${rounding ? ', looks like rounding' : ''})`,
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
