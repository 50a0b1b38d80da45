import { parseIndicatorValue } from '../../src/core/perf/value';

describe('parseIndicatorValue', () => {
  test.each([
    ['≥2次', '>=', '2', '次'],
    ['>=1 个', '>=', '1', '个'],
    ['≥ 5 家', '>=', '5', '家'],
    ['=100 %', '=', '100', '%'],
    ['<=15 %', '<=', '15', '%'],
    ['不低于40%', '>=', '40', '%'],
    ['不高于5%', '<=', '5', '%'],
    ['不少于3个', '>=', '3', '个'],
    ['90%以上', '>=', '90', '%'],
    ['30分钟以内', '<=', '30', '分钟'],
    ['≤48小时', '<=', '48', '小时'],
    ['＞１２次', '>', '12', '次'],
    ['<3天', '<', '3', '天'],
    ['148万元', undefined, '148', '万元'],
    ['6个县(区)', undefined, '6', '个县'],
  ])('%s', (raw, comparator, number, unit) => {
    const v = parseIndicatorValue(raw);
    expect(v.kind).toBe('number');
    expect(v.comparator).toBe(comparator);
    expect(v.number).toBe(number);
    expect(v.unit).toBe(unit);
  });

  test('money units and per-unit denominators', () => {
    expect(parseIndicatorValue('≤160万元').money).toEqual({ unit: '万元', per: [] });
    expect(parseIndicatorValue('=1.5 万元/人/年').money).toEqual({ unit: '万元', per: ['人', '年'] });
    expect(parseIndicatorValue('<=1322 元/次').money).toEqual({ unit: '元', per: ['次'] });
    expect(parseIndicatorValue('<=508.50 万元').number).toBe('508.5');
    expect(parseIndicatorValue('≥95%').money).toBeUndefined();
  });

  test('dates', () => {
    expect(parseIndicatorValue('2022年12月30日前')).toMatchObject({ kind: 'date', date: { year: 2022, month: 12, day: 30 } });
    expect(parseIndicatorValue('12月底前')).toMatchObject({ kind: 'date', date: { month: 12 } });
    expect(parseIndicatorValue('每年12月底前完成当年任务').kind).toBe('date');
    expect(parseIndicatorValue('12月底前完成').kind).toBe('date');
  });

  test('qualitative grades and text', () => {
    for (const g of ['良好以上 (优秀/良好/合格/不合格)', '显著提升', '有所提高', '稳定运行', '逐步推开', '全覆盖', '较为显著', '常态化', '有效改善']) {
      expect([g, parseIndicatorValue(g).kind]).toEqual([g, 'grade']);
    }
    expect(parseIndicatorValue('配置齐全').kind).toBe('text');
    expect(parseIndicatorValue('减少社会负面评论,降低信访案件').kind).toBe('text');
  });

  test('empty and incomplete values', () => {
    expect(parseIndicatorValue('').kind).toBe('empty');
    expect(parseIndicatorValue('  ').kind).toBe('empty');
    expect(parseIndicatorValue('—').kind).toBe('empty');
    const noUnit = parseIndicatorValue('≥90');
    expect(noUnit).toMatchObject({ kind: 'number', comparator: '>=', number: '90' });
    expect(noUnit.unit).toBeUndefined();
    expect(parseIndicatorValue('≥')).toMatchObject({ kind: 'number', comparator: '>=' });
    expect(parseIndicatorValue('≥').number).toBeUndefined();
  });
});
