/**
 * The indicator framework of the 区域绩效目标表 (财预〔2015〕163号) as set out in the indicator guidance of
 * 财预〔2021〕101号 (财预〔2020〕10号 is the 项目支出绩效评价管理办法, not a form): which 二级指标 belong under
 * which 一级指标, plus the names real tables use for them. Everything that places or checks a level
 * label goes through `classifyLevelLabel` so the tolerated variants live in one place.
 */

export type Level1 = '产出指标' | '成本指标' | '效益指标' | '满意度指标';

export const LEVEL1_ORDER: readonly Level1[] = ['产出指标', '成本指标', '效益指标', '满意度指标'];

export const STANDARD_CHILDREN: Record<Level1, readonly string[]> = {
  产出指标: ['数量指标', '质量指标', '时效指标'],
  成本指标: ['经济成本指标', '社会成本指标', '生态环境成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
};

/** Standard 二级 name → its 一级. */
export const PARENT_OF: Record<string, Level1> = Object.fromEntries(
  LEVEL1_ORDER.flatMap((l1) => STANDARD_CHILDREN[l1].map((l2) => [l2, l1] as const)),
);

/** Written forms of 二级 names → the standard name. */
const LEVEL2_ALIASES: Record<string, string> = {
  服务对象满意度: '服务对象满意度指标',
  服务对象满意: '服务对象满意度指标',
  满意度指标: '服务对象满意度指标',
  经济成本: '经济成本指标',
  社会成本: '社会成本指标',
  生态环境成本: '生态环境成本指标',
  生态成本指标: '生态环境成本指标',
  经济效益: '经济效益指标',
  社会效益: '社会效益指标',
  生态效益: '生态效益指标',
  生态环境效益指标: '生态效益指标',
  可持续影响: '可持续影响指标',
  可持续发展指标: '可持续影响指标',
  社会公众或服务对象满意度指标: '服务对象满意度指标',
  社会公众或服务对象满意度: '服务对象满意度指标',
  环境效益指标: '生态效益指标',
  产出数量: '数量指标',
  产出质量: '质量指标',
  产出时效: '时效指标',
  数量: '数量指标',
  质量: '质量指标',
  时效: '时效指标',
  成本指标: '经济成本指标',
};

const LEVEL1_ALIASES: Record<string, Level1> = {
  产出: '产出指标',
  效益: '效益指标',
  满意度: '满意度指标',
  成本: '成本指标',
};

/** Whitespace, full-width spaces, trailing colons and numbering removed: "绩 效 指 标" → "绩效指标". */
export function normalizeLabel(text: string): string {
  return text
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/^[（(]?[一二三四五六七八九十\d]+[)）、.．]/, '')
    .replace(/[：:]+$/, '')
    // "产出指标（50分）": a weight or note in brackets after a level name.
    .replace(/^(.{2,12}指标)[（(][^（()）]*[)）]$/, '$1');
}

export type LevelClass =
  /** A standard 一级 name. */
  | { kind: 'level1'; level1: Level1 }
  /** A 二级 name (standard or a known written form); `standard` is the framework name. */
  | { kind: 'level2'; standard: string; parent: Level1 }
  /** Looks like a level label ("公平性指标", "综合指标") but is not in the framework. */
  | { kind: 'unknown' }
  /** Not a level label at all. */
  | { kind: 'none' };

/** Short text ending in 指标 without digits or sentence punctuation: a level label, known or not. */
export function looksLikeLevelLabel(text: string): boolean {
  const t = normalizeLabel(text);
  return t.length >= 3 && t.length <= 10 && /指标$/.test(t) && !/[\d，,。；;:：%]/.test(t);
}

export function level1Of(text: string): Level1 | undefined {
  const t = normalizeLabel(text);
  if ((LEVEL1_ORDER as readonly string[]).includes(t)) return t as Level1;
  return LEVEL1_ALIASES[t];
}

export function level2Of(text: string): { standard: string; parent: Level1 } | undefined {
  const t = normalizeLabel(text);
  const standard = PARENT_OF[t] ? t : LEVEL2_ALIASES[t];
  if (!standard) return undefined;
  return { standard, parent: PARENT_OF[standard] };
}

/**
 * Classify a label by the column it stands in: in a 一级 column a name that is both (满意度指标, 成本指标)
 * is a 一级; in a 二级 column it is the 二级 written the short way.
 */
export function classifyLevelLabel(text: string, column: 'level1' | 'level2'): LevelClass {
  const l1 = level1Of(text);
  const l2 = level2Of(text);
  if (l1 && (column === 'level1' || !l2)) return { kind: 'level1', level1: l1 };
  if (l2) return { kind: 'level2', standard: l2.standard, parent: l2.parent };
  if (looksLikeLevelLabel(text)) return { kind: 'unknown' };
  return { kind: 'none' };
}

/**
 * Is `written` (a 二级 as the table writes it) acceptable under `level1`? Older tables put 成本指标 under
 * 产出指标 and write just 满意度指标 under 满意度指标; both are tolerated.
 */
export function isAcceptedChild(level1: Level1, written: string): boolean {
  const t = normalizeLabel(written);
  if (level1 === '产出指标' && t === '成本指标') return true;
  const l2 = level2Of(t);
  return !!l2 && l2.parent === level1;
}

/** The 一级 a 二级 belongs to under the standard, for messages and for repair. */
export function standardParent(written: string): Level1 | undefined {
  return level2Of(written)?.parent;
}

/** The standard list of 二级 under a 一级, for messages: "数量指标、质量指标、时效指标". */
export function childrenText(level1: Level1): string {
  return STANDARD_CHILDREN[level1].join('、');
}

/** Names of 二级 that hold cost indicators (money values compared with the funds). */
export function isCostLevel2(written: string | undefined, level1: string | undefined): boolean {
  const t = written ? normalizeLabel(written) : '';
  if (/成本/.test(t)) return true;
  return level1 === '成本指标';
}
