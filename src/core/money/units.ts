export type AmountUnit = '元' | '千元' | '万元' | '亿元';

const UNIT_RE = /(亿元|万元|千元|元)/;

/** "单位：万元", "（万元）", "金额单位:元" → the unit named in it. */
export function unitIn(text: string): AmountUnit | undefined {
  const m = UNIT_RE.exec(text);
  return m ? (m[1] as AmountUnit) : undefined;
}
