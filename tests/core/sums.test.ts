import { checkSheet } from '../../src/core/engine';
import { CellValue, Grid, gridFromRows } from '../../src/core/grid';
import type { CellRange } from '../../src/core/grid/address';

const sums = (g: Grid, settings = {}) => checkSheet(g, { rules: { sums: true, perf: false, codes: false }, ...settings }).findings;
const cells = (g: Grid, settings = {}) => sums(g, settings).map((f) => f.cell).sort();

/** A grid whose number cells carry a "0.00" format, as budget sheets do. */
function money(rows: CellValue[][], merges: CellRange[] = []): Grid {
  return new Grid({
    name: 's',
    cells: rows.map((r) => r.map((v) => (v === null || v === '' ? undefined : typeof v === 'number' ? { value: v, numberFormat: '0.00' } : { value: v }))),
    merges,
  });
}

describe('sum.row and sum.column on an allocation table', () => {
  const rows = (b5: number, c9: number): CellValue[][] => [
    ['2022年补助资金分配表', null, null, null],
    [null, null, null, '单位：万元'],
    ['县区', '合计', '其中', null],
    [null, null, '中央资金', '省级资金'],
    ['汉滨区', b5, 100, 50],
    ['汉阴县', 30, null, 30],
    ['石泉县', 20.5, 10.25, 10.25],
    ['宁陕县', 0, null, null],
    ['合计', 200.5, c9, 90.25],
  ];
  const merges = [
    { top: 0, left: 0, bottom: 0, right: 3 },
    { top: 2, left: 0, bottom: 3, right: 0 },
    { top: 2, left: 1, bottom: 3, right: 1 },
    { top: 2, left: 2, bottom: 2, right: 3 },
  ];

  it('a consistent table gives no finding', () => {
    expect(sums(money(rows(150, 110.25), merges))).toEqual([]);
  });

  it('flags the row total and the column total that differ', () => {
    const f = sums(money(rows(151, 110.26), merges));
    expect(f.map((x) => [x.rule, x.cell, x.expected, x.actual])).toEqual(
      expect.arrayContaining([
        ['sum.row', 'B5', '150', '151'],
        ['sum.column', 'C9', '110.25', '110.26'],
      ]),
    );
    expect(f.find((x) => x.cell === 'B5')!.parts).toEqual(['C5', 'D5']);
    const b9 = f.find((x) => x.cell === 'B9');
    expect(b9?.expected).toBe('201.5');
  });

  it('marks a 0.01 difference as rounding and words it in Chinese', () => {
    const f = sums(money(rows(150, 110.26), merges)).find((x) => x.cell === 'C9')!;
    expect(f.rounding).toBe(true);
    expect(f.message).toBe('“合计”行“中央资金”列 110.26 ≠ 所列各行之和 110.25（相差 0.01，疑似四舍五入误差）');
    expect(f.messageEn).toMatch(/rounding/);
  });

  it('judges rounding by the decimals the number format shows, not the decimals stored', () => {
    // 10.004 is shown as 10.00: a total of 20.02 over two such cells is off by rounding at 2 decimals.
    const g = money([
      ['县区', '合计', '中央资金', '省级资金'],
      ['汉滨区', 20.02, 10.004, 10.004],
      ['汉阴县', 30, 20, 10],
      ['石泉县', 12, 6, 6],
    ]);
    const f = sums(g).find((x) => x.cell === 'B2')!;
    expect(f.rule).toBe('sum.row');
    expect(f.rounding).toBe(true);
    const plain = gridFromRows('s', [
      ['县区', '合计', '中央资金', '省级资金'],
      ['汉滨区', 20.02, 10.004, 10.004],
      ['汉阴县', 30, 20, 10],
      ['石泉县', 12, 6, 6],
    ]);
    expect(sums(plain).find((x) => x.cell === 'B2')!.rounding).toBeFalsy();
  });

  it('never calls a whole unit rounding: 1 元 on a total of three parts shown in whole 元 is an error', () => {
    const whole = (v: CellValue) => (typeof v === 'number' ? { value: v, numberFormat: '#,##0' } : v === null ? undefined : { value: v });
    const g = new Grid({
      name: 's',
      cells: [
        ['县区', '合计', '中央资金', '省级资金', '市级资金'],
        ['汉滨区', 3001, 1000, 1000, 1000],
        ['汉阴县', 30, 10, 10, 10],
        ['石泉县', 12, 6, 3, 3],
      ].map((r) => r.map(whole)),
    });
    const f = sums(g).find((x) => x.cell === 'B2')!;
    expect(f.severity).toBe('error');
    expect(f.rounding).toBeFalsy();
  });

  it('tolerance suppresses small differences', () => {
    expect(cells(money(rows(150, 110.26), merges), { tolerance: '0.01' })).toEqual([]);
    // B9 = C9 + D9 no longer holds either: both totals differ from their parts.
    expect(cells(money(rows(150, 110.26), merges), { tolerance: '0' })).toEqual(['B9', 'C9']);
  });

  it('a total row at the top sums the rows below it', () => {
    const g = money([
      ['单位', '合计', '中央', '地方'],
      ['全市合计', 60, 40, 20],
      ['市本级', 10, 10, null],
      ['汉滨区', 50, 30, 20],
    ]);
    expect(cells(g)).toEqual([]);
    const bad = money([
      ['单位', '合计', '中央', '地方'],
      ['全市合计', 61, 40, 20],
      ['市本级', 10, 10, null],
      ['汉滨区', 50, 30, 20],
    ]);
    expect(cells(bad)).toEqual(['B2']);
  });
});

describe('amounts as written', () => {
  it('reads text numbers and dashes', () => {
    const g = gridFromRows('s', [
      ['项目', '合计', '基本支出', '项目支出'],
      ['甲', '1,234.50', '1,000.00', '234.50'],
      ['乙', '500', '—', '500'],
      ['合 计', '1,734.50', '1,000.00', '734.50'],
    ]);
    expect(cells(g)).toEqual([]);
    const bad = gridFromRows('s', [
      ['项目', '合计', '基本支出', '项目支出'],
      ['甲', '1,234.50', '1,000.00', '234.50'],
      ['乙', '500', '—', '500'],
      ['合 计', '1,734.51', '1,000.00', '734.50'],
    ]);
    expect(sums(bad).map((f) => [f.cell, f.expected, f.actual])).toEqual([['B4', '1734.5', '1734.51']]);
  });

  it('error cells never crash and never produce a silent wrong sum', () => {
    const g = new Grid({
      name: 's',
      cells: [
        [{ value: '项目' }, { value: '合计' }, { value: '基本支出' }, { value: '项目支出' }],
        [{ value: '甲' }, { value: 30 }, { value: 10 }, { value: 20 }],
        [{ value: '乙' }, { value: null, error: '#REF!' }, { value: 5 }, { value: 5 }],
        [{ value: '丙' }, { value: 7 }, { value: 3 }, { value: 4 }],
        [{ value: '合计' }, { value: 47 }, { value: 18 }, { value: 29 }],
      ],
    });
    // B3 is an error: its row relation and the column total of B are skipped.
    expect(cells(g)).toEqual([]);
  });

  it('blank parts count as zero; all-blank rows are fine', () => {
    const g = money([
      ['项目', '合计', '基本支出', '项目支出'],
      ['甲', 10, 10, null],
      ['乙', null, null, null],
      ['丙', 5, null, 5],
      ['合计', 15, 10, 5],
    ]);
    expect(cells(g)).toEqual([]);
  });

  it('shows a difference hidden by the display format with the decimals it needs', () => {
    const g = new Grid({
      name: 's',
      cells: [
        [{ value: '项目' }, { value: '金额' }],
        [{ value: '甲' }, { value: 10.004, numberFormat: '0.00' }],
        [{ value: '乙' }, { value: 5, numberFormat: '0.00' }],
        [{ value: '合计' }, { value: 15, numberFormat: '0.00' }],
      ],
    });
    const [f] = sums(g);
    expect([f.cell, f.expected, f.actual]).toEqual(['B4', '15.004', '15']);
    expect(f.message).toBe('“合计”行“金额”列 15.000 ≠ 所列各行之和 15.004（相差 0.004，疑似四舍五入误差）');
  });

  it('adds exactly beyond 20 significant digits (a 1e-9 difference on a 1e12 total is seen)', () => {
    const table = (total: string) =>
      gridFromRows('s', [
        ['项目', '合计', '基本支出', '项目支出'],
        ['甲', '999999999999.123456789', '999999999998.123456788', '1.000000001'],
        ['乙', '1.000000001', '1.000000001', '0'],
        ['合计', total, '999999999999.123456789', '1.000000001'],
      ]);
    expect(cells(table('1000000000000.12345679'))).toEqual([]);
    const f = sums(table('1000000000000.123456791'));
    expect(f.map((x) => [x.cell, x.expected, x.actual])).toEqual([['B4', '1000000000000.12345679', '1000000000000.123456791']]);
    expect(f[0].message).toContain('相差 0.000000001');
  });

  it('uses floating-point noise-free values (formula results like 0.30000000000000004)', () => {
    const g = money([
      ['项目', '合计', 'A', 'B'],
      ['甲', 0.30000000000000004, 0.1, 0.2],
      ['合计', 0.30000000000000004, 0.1, 0.2],
    ]);
    expect(cells(g)).toEqual([]);
  });
});

describe('numbers that are not amounts to add', () => {
  it('percentages, years, ordinals, prices × quantities and remarks give no finding', () => {
    const g = money([
      ['序号', '项目名称', '单价（元）', '数量', '金额（元）', '占比（%）', '年度', '备注'],
      [1, '打印机', 1500, 3, 4500, 31.03, 2023, '政府采购'],
      [2, '服务器', 10000, 1, 10000, 68.97, 2024, null],
      [null, '合计', null, 4, 14500, 100.01, null, null],
    ]);
    expect(cells(g)).toEqual([]);
  });

  it('codes stored as numbers in a 类 column are codes, not amounts', () => {
    const g = money([
      ['科目编码', null, '科目名称', '金额'],
      ['类', '款', null, null],
      [205, null, '教育支出', 10],
      [205, 20508, '进修及培训', 10],
      [210, null, '卫生健康支出', 30],
      [210, 21011, '行政事业单位医疗', 30],
      [null, null, '合计', 40],
    ]);
    expect(cells(g)).toEqual([]);
  });

  it('a 人数 column is not part of the 合计 column', () => {
    const g = money([
      ['单位', '受益人数', '合计', '中央资金', '地方资金'],
      ['甲县', 120, 30, 20, 10],
      ['乙县', 80, 15, 5, 10],
      ['丙县', 60, 9, 4, 5],
      ['合计', 260, 54, 29, 25],
    ]);
    expect(cells(g)).toEqual([]);
  });

  it('a table without totals gives no finding', () => {
    const g = money([
      ['单位', '中央资金', '地方资金'],
      ['甲县', 20, 10],
      ['乙县', 5, 10],
    ]);
    expect(cells(g)).toEqual([]);
  });
});

describe('三公经费 in columns', () => {
  const rows = (purchase: number): CellValue[][] => [
    ['单位', '合计', '因公出国（境）费', '公务接待费', '公务用车购置及运行费', '公务用车购置费', '公务用车运行费'],
    ['本级', 12, 2, 4, 6, purchase, 4],
    ['下属单位', 5, null, 1, 4, null, 4],
  ];
  it('合计 = 出国 + 接待 + 公务用车购置及运行费, the last = 购置费 + 运行费', () => {
    expect(cells(money(rows(2)))).toEqual([]);
    expect(sums(money(rows(2.5))).map((f) => [f.rule, f.cell, f.expected, f.parts])).toEqual([['sum.row', 'E2', '6.5', ['F2', 'G2']]]);
  });
});

describe('sum.hierarchy', () => {
  it('类 = Σ款 with codes inside names, and 合计 = Σ类 using stated values', () => {
    const g = money([
      ['科目', '金额'],
      ['205教育支出', 10],
      ['20508进修及培训', 10],
      ['210卫生健康支出', 30.01],
      ['21011行政事业单位医疗', 20],
      ['21015医疗保障管理事务', 10],
      ['合计', 40.01],
    ]);
    const f = sums(g);
    expect(f.map((x) => [x.rule, x.cell, x.expected, x.actual])).toEqual([['sum.hierarchy', 'B4', '30', '30.01']]);
    expect(f[0].parts).toEqual(['B5', 'B6']);
    expect(f[0].message).toBe('“210卫生健康支出”行“金额”列 30.01 ≠ 下级科目之和 30.00（相差 0.01，疑似四舍五入误差）');
  });

  it('numbered items and 其中 items, with unmarked rows after 其中 decided by the data', () => {
    const rows = (x: number): CellValue[][] => [
      ['项目', '预算数'],
      ['一、本年收入', 100],
      ['1. 一般公共预算拨款', 80],
      ['其中：一般财力', x],
      ['上级转移支付', 30],
      ['2. 单位资金', 20],
      ['二、上年结转', 5],
      ['合计', 105],
    ];
    expect(cells(money(rows(50)))).toEqual([]);
    const f = sums(money(rows(51)));
    expect(f.map((x) => [x.rule, x.cell, x.expected])).toEqual([['sum.hierarchy', 'B3', '81']]);
    expect(f[0].parts).toEqual(['B4', 'B5']);
  });

  it('小计 rows total their group; 合计 totals the 小计 rows', () => {
    const rows = (v: number): CellValue[][] => [
      ['地区', '金额'],
      ['安康市小计', 30],
      ['汉滨区', 10],
      ['汉阴县', v],
      ['汉中市小计', 15],
      ['南郑区', 15],
      ['合计', 45],
    ];
    expect(cells(money(rows(20)))).toEqual([]);
    expect(cells(money(rows(21)))).toEqual(['B2']);
  });

  // Found by the whole-book held-out judge: a 科目 table totalled by 小计 at the top, one 类 row off.
  it('a 小计 at the top of a 科目 table is checked when it fails (nothing above it is no group)', () => {
    const rows = (cls: number): CellValue[][] => [
      ['类', '款', '项', '科目名称', '合计'],
      [null, null, null, '小计', 300],
      ['201', null, null, '一般公共服务支出', cls],
      ['201', '01', null, '人大事务', 100],
      ['204', null, null, '公共安全支出', 200],
      ['204', '06', null, '司法', 200],
    ];
    expect(cells(money(rows(100)))).toEqual([]);
    const f = sums(money(rows(105)));
    expect(f.map((x) => [x.rule, x.cell, x.expected, x.derivedFrom])).toEqual([
      ['sum.hierarchy', 'E3', '100', undefined],
      ['sum.column', 'E2', '305', 'E3'],
    ]);
  });
});

describe('sum.balance in a 收支总表', () => {
  it('flags 支出总计 ≠ 收入总计 when both sides add up', () => {
    const g = money(
      [
        ['收入', null, '支出', null],
        ['项目', '预算数', '项目', '预算数'],
        ['一、本年收入', 100, '201一般公共服务支出', 60],
        ['二、上年结转', 10, '210卫生健康支出', 45],
        ['收入总计', 110, '支出总计', 105],
      ],
      [
        { top: 0, left: 0, bottom: 0, right: 1 },
        { top: 0, left: 2, bottom: 0, right: 3 },
      ],
    );
    const f = sums(g);
    expect(f.map((x) => [x.rule, x.cell, x.expected, x.actual])).toEqual([['sum.balance', 'D5', '110', '105']]);
  });
});
