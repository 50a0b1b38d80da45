import {
  bgrToHex,
  errorFromValue2,
  hexToBgr,
  isPlainNumberFormat,
  item,
  normaliseNumberFormat,
  prop,
  toMatrix,
  tryProp,
} from '../../src/hosts/wps/et';
import { isDateFormat } from '../../src/hosts/wps/etRead';
import { isWpsAvailable } from '../../src/hosts/wps';

describe('toMatrix: every shape Value2 comes back in', () => {
  it('a scalar for one cell', () => {
    expect(toMatrix(5, 1, 1)).toEqual([[5]]);
    expect(toMatrix(undefined, 1, 1)).toEqual([[undefined]]);
  });
  it('a scalar for a range means "all the same" only for attributes', () => {
    expect(toMatrix('0.00', 2, 2, true)).toEqual([
      ['0.00', '0.00'],
      ['0.00', '0.00'],
    ]);
    expect(toMatrix(7, 2, 2)).toEqual([
      [7, null],
      [null, null],
    ]);
  });
  it('2-D arrays as they are', () => {
    expect(toMatrix([[1, 2], [3, 4]], 2, 2)).toEqual([[1, 2], [3, 4]]);
  });
  it('1-D arrays: one row, one column, or a block in row-major order', () => {
    expect(toMatrix([1, 2, 3], 1, 3)).toEqual([[1, 2, 3]]);
    expect(toMatrix([1, 2, 3], 3, 1)).toEqual([[1], [2], [3]]);
    expect(toMatrix([1, 2, 3, 4, 5, 6], 2, 3)).toEqual([[1, 2, 3], [4, 5, 6]]);
  });
  it('1-based arrays with a hole at index 0', () => {
    expect(toMatrix([, 'a', 'b'], 1, 2)).toEqual([['a', 'b']]);
    expect(toMatrix([, [, 1, 2], [, 3, 4]], 2, 2)).toEqual([[1, 2], [3, 4]]);
    // A genuine empty first cell of a 0-based array is not mistaken for a hole.
    expect(toMatrix([undefined, 'b'], 1, 2)).toEqual([[undefined, 'b']]);
  });
  it('1-based objects {1: {1: …}}', () => {
    expect(toMatrix({ 1: { 1: 'x', 2: 'y' }, 2: { 1: 'z', 2: null } }, 2, 2)).toEqual([['x', 'y'], ['z', null]]);
    expect(toMatrix({ 1: 'p', 2: 'q' }, 1, 2)).toEqual([['p', 'q']]);
  });
  it('SAFEARRAY-like objects with the VBArray API', () => {
    const data = [[1, 2, 3], [4, 5, 6]];
    const vb = {
      dimensions: () => 2,
      lbound: () => 1,
      ubound: (d: number) => (d === 1 ? 2 : 3),
      getItem: (i: number, j: number) => data[i - 1][j - 1],
    };
    expect(toMatrix(vb, 2, 3)).toEqual(data);
  });
  it('pads short answers and ignores extra ones', () => {
    expect(toMatrix([[1]], 2, 2)).toEqual([[1, null], [null, null]]);
    expect(toMatrix([[1, 2, 3]], 1, 2)).toEqual([[1, 2]]);
  });
});

describe('colours', () => {
  it('converts BGR to #RRGGBB and back', () => {
    expect(hexToBgr('#FF0000')).toBe(0x0000ff);
    expect(hexToBgr('#0000FF')).toBe(0xff0000);
    expect(hexToBgr('00B0F0')).toBe(0xf0b000);
    expect(bgrToHex(0x0000ff)).toBe('#FF0000');
    expect(bgrToHex(16777215)).toBe('#FFFFFF');
    for (const hex of ['#123456', '#FFC7CE', '#000000']) expect(bgrToHex(hexToBgr(hex))).toBe(hex);
  });
  it('refuses a colour that is not #RRGGBB, in Chinese', () => {
    expect(() => hexToBgr('red')).toThrow('颜色格式不正确');
  });
});

describe('members and collections', () => {
  it('prop() reads properties and calls methods, with arguments', () => {
    expect(prop({ Name: 'A' }, 'Name')).toBe('A');
    expect(prop({ Name: () => 'B' }, 'Name')).toBe('B');
    const range = { Address: (r: boolean, c: boolean) => (r || c ? '$A$1' : 'A1') };
    expect(prop(range, 'Address', false, false)).toBe('A1');
    expect(() => prop(null, 'Name')).toThrow('WPS 对象为空');
  });
  it('tryProp() is null when the member throws or is missing', () => {
    expect(
      tryProp(
        {
          get MergeCells(): boolean {
            throw new Error('boom');
          },
        },
        'MergeCells',
      ),
    ).toBeNull();
    expect(tryProp({}, 'Nothing')).toBeNull();
  });
  it('item() uses .Item(), or 1-based indexing of array-like collections', () => {
    expect(item({ Item: (i: number) => `#${i}` }, 2)).toBe('#2');
    expect(item(['a', 'b'], 1)).toBe('a');
    expect(() => item({}, 3)).toThrow('WPS 集合中没有 3');
  });
});

describe('values and formats', () => {
  it('maps CVErr codes to error literals', () => {
    expect(errorFromValue2(-2146826281)).toBe('#DIV/0!');
    expect(errorFromValue2(-2146826246)).toBe('#N/A');
    expect(errorFromValue2(-5)).toBeUndefined();
    expect(errorFromValue2(2007)).toBeUndefined();
  });
  it('treats General in any spelling as no format', () => {
    expect(normaliseNumberFormat('G/通用格式')).toBeUndefined();
    expect(normaliseNumberFormat('General')).toBeUndefined();
    expect(normaliseNumberFormat('')).toBeUndefined();
    expect(normaliseNumberFormat(null)).toBeUndefined();
    expect(normaliseNumberFormat('0.00')).toBe('0.00');
  });
  it('knows which formats it can render itself and which are dates', () => {
    for (const f of [undefined, '0', '0.00', '#,##0.00', '0.0%', '@', '0.00_ ', '#,##0.00_ ;[红色]-#,##0.00 ', '#,##0.00;[Red]-#,##0.00']) {
      expect(isPlainNumberFormat(f)).toBe(true);
    }
    for (const f of ['yyyy-mm-dd', '0.00"万元"', '#,##0.00_);(#,##0.00)', '[$-804]yyyy"年"m"月"d"日"', '0.00;-0.00;"-"']) {
      expect(isPlainNumberFormat(f)).toBe(false);
    }
    expect(isDateFormat('yyyy-mm-dd')).toBe(true);
    expect(isDateFormat('yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat('h:mm:ss')).toBe(true);
    expect(isDateFormat('0.00"元"')).toBe(false);
    expect(isDateFormat('#,##0.00')).toBe(false);
  });
});

describe('isWpsAvailable', () => {
  const g = globalThis as unknown as { window?: unknown };
  afterEach(() => {
    delete g.window;
  });
  it('is false outside a browser and in a page without WPS globals', () => {
    expect(isWpsAvailable()).toBe(false);
    g.window = {};
    expect(isWpsAvailable()).toBe(false);
    g.window = { Application: 'not an object' };
    expect(isWpsAvailable()).toBe(false);
    g.window = { Application: { Name: 'something else' } };
    expect(isWpsAvailable()).toBe(false);
  });
  it('is true with WPS’s Application (and wps) globals', () => {
    g.window = { Application: { Worksheets: {}, ActiveWorkbook: null } };
    expect(isWpsAvailable()).toBe(true);
    g.window = { Application: {}, wps: {} };
    expect(isWpsAvailable()).toBe(true);
  });
});
