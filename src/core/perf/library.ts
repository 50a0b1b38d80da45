import type { Level1 } from './framework';
import { parseIndicatorValue, comparatorSymbol } from './value';
import type { PerfTable } from './types';

/**
 * Common indicators for the medical-insurance funds in the seeds, with their usual comparator, value and
 * unit: 医疗保障服务能力建设, 医保基金监管, 医药价格监测. Drawn from the target tables of 昌吉州 (2022),
 * 德宏州/梁河 (2021), 上饶市 (2023), 安康市 (2022) and 巴州医保局 (2023). A cost indicator's value is
 * left for the officer (it depends on the budget); everything else is a typical target, not a norm.
 */
export type FundTopic = 'service' | 'supervision' | 'price';

export const FUND_TOPICS: Record<FundTopic, { zh: string; en: string }> = {
  service: { zh: '医疗保障服务能力建设', en: 'Service capacity' },
  supervision: { zh: '医保基金监管', en: 'Fund supervision' },
  price: { zh: '医药价格监测', en: 'Price monitoring' },
};

export interface LibraryIndicator {
  id: string;
  topic: FundTopic;
  level1: Level1;
  level2: string;
  name: string;
  /** Typical 指标值 as written in a table ("≥90%", "12月底前", "显著提升", "≤万元" to fill). */
  value: string;
  /** 度量单位 when the value is a number (also for cost indicators whose amount is left empty). */
  unit?: string;
}

type Row = [FundTopic, Level1, string, string, string, string?];

const ROWS: Row[] = [
  // 医疗保障服务能力建设
  ['service', '产出指标', '数量指标', '召开医保工作新闻发布会、政策吹风会次数', '≥2次'],
  ['service', '产出指标', '数量指标', '召开医保工作信息公开工作会议或培训', '≥1次'],
  ['service', '产出指标', '数量指标', '开展经办培训次数', '≥2次'],
  ['service', '产出指标', '数量指标', '开展医保政策宣传次数', '≥3次'],
  ['service', '产出指标', '数量指标', '基本医保参保率', '≥95%'],
  ['service', '产出指标', '数量指标', '普通门诊费用跨省直接结算统筹地区覆盖率', '=100%'],
  ['service', '产出指标', '数量指标', '自助服务区设置自助服务终端机', '≥1台'],
  ['service', '产出指标', '数量指标', '医保经办工作人员办公设备配备', '≥4套'],
  ['service', '产出指标', '质量指标', '医保信息系统验收合格率', '≥90%'],
  ['service', '产出指标', '质量指标', '医保信息系统正常运行率', '≥90%'],
  ['service', '产出指标', '质量指标', '医保人才培养合格率', '=100%'],
  ['service', '产出指标', '质量指标', '异地就医网上备案实现率', '≥90%'],
  ['service', '产出指标', '质量指标', '医保经办服务能力', '有所提高'],
  ['service', '产出指标', '质量指标', '医保标准化水平', '显著提升'],
  ['service', '产出指标', '时效指标', '医保信息系统重大安全事件响应时间', '≤60分钟'],
  ['service', '产出指标', '时效指标', '医保信息系统运行维护响应时间', '≤30分钟'],
  ['service', '产出指标', '时效指标', '系统故障修复处理时间', '≤2天'],
  ['service', '产出指标', '时效指标', '资金支付及时率', '=100%'],
  ['service', '产出指标', '时效指标', '全国医疗保障服务窗口示范点建成时间', '12月底前'],
  ['service', '成本指标', '经济成本指标', '医保信息化建设经费', '', '万元'],
  ['service', '成本指标', '经济成本指标', '经办服务能力建设经费', '', '万元'],
  ['service', '效益指标', '社会效益指标', '医保政策知晓率', '≥95%'],
  ['service', '效益指标', '社会效益指标', '医保经办服务效能', '显著提升'],
  ['service', '效益指标', '可持续影响指标', '医保专业服务水平', '持续提升'],
  ['service', '满意度指标', '服务对象满意度指标', '参保人员对医保服务的满意度', '≥90%'],
  ['service', '满意度指标', '服务对象满意度指标', '单位人员满意度', '≥95%'],
  // 医保基金监管
  ['supervision', '产出指标', '数量指标', '定点医药机构监督检查覆盖率', '=100%'],
  ['supervision', '产出指标', '数量指标', '飞行检查、专项检查、线索检查及交叉检查累计检查次数', '≥24次'],
  ['supervision', '产出指标', '数量指标', '检查定点医疗机构及定点药店数量', '≥80家'],
  ['supervision', '产出指标', '数量指标', '定点医药机构本地医保结算数据智能审核次数', '≥12次'],
  ['supervision', '产出指标', '数量指标', '慢性病鉴定定点医疗机构专项检查次数', '≥4次'],
  ['supervision', '产出指标', '数量指标', '行政执法案卷归档率', '=100%'],
  ['supervision', '产出指标', '质量指标', '定点医药机构本地医保结算数据智能审核完成率', '=100%'],
  ['supervision', '产出指标', '质量指标', '飞行检查县区覆盖率', '≥90%'],
  ['supervision', '产出指标', '质量指标', '基金预警和风险控制能力', '有所提高'],
  ['supervision', '产出指标', '质量指标', '检查程序规范性', '严格按照规定程序'],
  ['supervision', '产出指标', '时效指标', '检查任务按时完成率', '=100%'],
  ['supervision', '产出指标', '时效指标', '医保结算数据智能审核及时率', '=100%'],
  ['supervision', '产出指标', '时效指标', '基金监管年度任务完成时间', '12月底前'],
  ['supervision', '成本指标', '经济成本指标', '基金监管检查经费', '', '万元'],
  ['supervision', '成本指标', '经济成本指标', '基金监管第三方服务费', '', '万元'],
  ['supervision', '效益指标', '经济效益指标', '追回、拒付医保基金金额', '', '万元'],
  ['supervision', '效益指标', '经济效益指标', '违规使用医保基金拒付追回率', '≥90%'],
  ['supervision', '效益指标', '社会效益指标', '定点医药机构本地医保结算违规率下降', '≥10%'],
  ['supervision', '效益指标', '可持续影响指标', '规范医药机构合理使用医保基金', '≥80%'],
  ['supervision', '效益指标', '可持续影响指标', '规范参保人合理使用医保基金', '≥80%'],
  ['supervision', '满意度指标', '服务对象满意度指标', '两定机构对基金监管服务的支持率和满意度', '≥80%'],
  ['supervision', '满意度指标', '服务对象满意度指标', '参保群众对基金监管工作的满意度', '≥90%'],
  // 医药价格监测
  ['price', '产出指标', '数量指标', '医药价格监测点数量', '≥1个'],
  ['price', '产出指标', '数量指标', '召开医药价格工作会议或培训次数', '≥2次'],
  ['price', '产出指标', '数量指标', '购买监测设备数量', '≥4台'],
  ['price', '产出指标', '数量指标', '价格监测第三方服务机构', '≥1个'],
  ['price', '产出指标', '数量指标', '监测点医疗机构覆盖率', '≥40%'],
  ['price', '产出指标', '数量指标', '病种覆盖率', '≥70%'],
  ['price', '产出指标', '质量指标', '监测点医疗机构数据采集率', '=100%'],
  ['price', '产出指标', '质量指标', '监测设备验收合格率', '=100%'],
  ['price', '产出指标', '质量指标', '本地医药价格指数编制完成率', '=100%'],
  ['price', '产出指标', '时效指标', '医药价格监测系统上线运行时间', '12月底前'],
  ['price', '产出指标', '时效指标', '医药价格监测系统运行维护响应时间', '≤30分钟'],
  ['price', '成本指标', '经济成本指标', '价格监测能力提升经费', '', '万元'],
  ['price', '成本指标', '经济成本指标', '购置医药价格监测设备成本', '', '万元'],
  ['price', '效益指标', '经济效益指标', '监测设备利用率', '≥90%'],
  ['price', '效益指标', '社会效益指标', '医药价格监测质量', '显著提升'],
  ['price', '效益指标', '可持续影响指标', '医药价格监测机制运行', '稳定运行'],
  ['price', '满意度指标', '服务对象满意度指标', '参保人员对医药价格的满意度', '≥95%'],
];

export const INDICATOR_LIBRARY: readonly LibraryIndicator[] = ROWS.map(([topic, level1, level2, name, value, unit], i) => {
  const parsed = parseIndicatorValue(value);
  const entry: LibraryIndicator = { id: `${topic}-${i + 1}`, topic, level1, level2, name, value };
  const u = unit ?? (parsed.kind === 'number' ? parsed.unit : undefined);
  if (u) entry.unit = u;
  return entry;
});

/** Entries of a topic (or all) whose name, 一级 or 二级 contains every word of the query. */
export function searchLibrary(query: string, topic?: FundTopic): LibraryIndicator[] {
  const words = query.trim().split(/\s+/).filter(Boolean);
  return INDICATOR_LIBRARY.filter(
    (e) => (!topic || e.topic === topic) && words.every((w) => e.name.includes(w) || e.level1.includes(w) || e.level2.includes(w)),
  );
}

/**
 * The cells to write for library entries, one row each, in the column order of the target table from its
 * 三级 column on: 三级 | 指标值 (or 三级 | 指标性质 | 指标值 | 度量单位 when the table splits values).
 */
export function libraryRows(entries: LibraryIndicator[], table?: PerfTable): string[][] {
  const split = !!table && table.columns.nature !== undefined && table.columns.unit !== undefined;
  return entries.map((e) => {
    if (!split) return [e.name, e.value || (e.unit ? `≤  ${e.unit}` : '')];
    const p = parseIndicatorValue(e.value);
    const cols = table!.columns;
    const row: string[] = [];
    const put = (col: number, v: string) => {
      row[col - cols.level3] = v;
    };
    put(cols.level3, e.name);
    if (p.kind === 'number') {
      put(cols.nature!, comparatorSymbol(p.comparator) || '=');
      put(cols.value, p.number ?? '');
      put(cols.unit!, p.unit ?? '');
    } else if (!e.value && e.unit) {
      put(cols.nature!, '≤');
      put(cols.value, '');
      put(cols.unit!, e.unit);
    } else {
      put(cols.nature!, p.kind === 'date' ? '' : '定性');
      put(cols.value, e.value);
      put(cols.unit!, '');
    }
    for (let i = 0; i < row.length; i++) row[i] ??= '';
    return row;
  });
}
