export type AmountUnit = '元' | '千元' | '万元' | '亿元';

/** How many 元 one of each unit is. */
export const UNIT_FACTOR: Record<AmountUnit, number> = { 元: 1, 千元: 1e3, 万元: 1e4, 亿元: 1e8 };

const UNIT_RE = /(亿元|万元|千元|元)/;

/** "单位：万元", "（万元）", "金额单位:元" → the unit named in it. */
export function unitIn(text: string): AmountUnit | undefined {
  const m = UNIT_RE.exec(text);
  return m ? (m[1] as AmountUnit) : undefined;
}
