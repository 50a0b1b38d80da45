/**
 * Relations of one table side, guessed from headers, labels and codes and then confirmed against the
 * numbers: a guess that most rows (or columns) contradict is a wrong guess and is dropped or replaced;
 * one that holds almost everywhere is kept, and its few failures become findings in core/checks.
 *
 *   ColumnSum (sum.row):       合计 column = Σ sibling columns under the same header group
 *                              (a group with a 小计 contributes its 小计), 小计 = Σ its group,
 *                              a column = Σ the 其中 columns right of it.
 *   RowSum (sum.hierarchy):    parent row = Σ direct children (类/款/项, 其中, numbering, indentation).
 *   RowSum (sum.column):       小计 row = Σ its group (above or below, decided by the data),
 *                              合计/总计 row = Σ top-level rows, chosen among candidate part sets.
 */
import type Decimal from 'decimal.js';
import { HeaderNode, siblingsOf } from './header';
import type { ColumnModel } from './columns';
import { Check, checkAcross, checkDown, CellState, EXACT_ZERO, TableNumbers } from './numbers';
import type { ColumnSum, RowInfo, RowSum, SetAside } from './types';
import { isTotalHeader, squash } from './text';

interface Score {
  holds: number;
  fails: number;
}

const informative = (s: Score) => s.holds + s.fails;

/** The most parts a named breakdown (公务用车购置及运行费 = 购置费 + 运行费) is looked for with. */
const MAX_BREAKDOWN_PARTS = 12;

// ---------------------------------------------------------------- sum.row: columns adding up across a row

export interface ColumnSumsFound {
  sums: ColumnSum[];
  setAside: SetAside[];
  /** Columns whose header word doubted them (单价, 标准, 率) that a relation confirmed as money. */
  confirmedMoney: Set<number>;
}

/**
 * Paired columns: the same measures (预算数 | 决算数) under each header group, as 三公 tables print them.
 * Each such column is read as its group: 合计/预算数 is a 合计 column whose parts are the 预算数 columns
 * of its sibling groups. Returns the measure leaf of each paired column.
 */
function pairedMeasures(model: ColumnModel, left: number, right: number): Map<number, HeaderNode> {
  const out = new Map<number, HeaderNode>();
  const parentsByText = new Map<string, Set<HeaderNode>>();
  for (let c = left; c <= right; c++) {
    const leaf = model.header.leafOf.get(c);
    if (!leaf || !leaf.parent || leaf.left !== leaf.right || leaf.children.length > 0) continue;
    const key = squash(leaf.text);
    const set = parentsByText.get(key) ?? new Set();
    set.add(leaf.parent);
    parentsByText.set(key, set);
  }
  const measures = new Set([...parentsByText].filter(([t, ps]) => ps.size >= 2 && !isTotalHeader(t)).map(([t]) => t));
  if (measures.size < 2) return out;
  const isMeasure = (n: HeaderNode) => n.children.length === 0 && n.left === n.right && measures.has(squash(n.text));
  for (let c = left; c <= right; c++) {
    const leaf = model.header.leafOf.get(c);
    if (leaf && leaf.parent && isMeasure(leaf) && leaf.parent.children.every(isMeasure)) out.set(c, leaf);
  }
  return out;
}

export function inferColumnSums(
  model: ColumnModel,
  left: number,
  right: number,
  bodyRows: number[],
  nums: TableNumbers,
  /** What the columns' own totals say of doubted columns: added down (money) or not (a 标准 whose 合计 is blank). */
  downEvidence: Map<number, 'money' | 'not'> = new Map(),
): ColumnSumsFound {
  const inSide = (c: number) => c >= left && c <= right;
  const info = (c: number) => model.byCol.get(c);
  const isAmount = (c: number) => inSide(c) && info(c)?.role === 'amount';
  const moneyPart = (c: number) => isAmount(c) && !info(c)?.nonAdditive && !info(c)?.count && downEvidence.get(c) !== 'not';
  const doubted = (c: number) => !!info(c)?.nonAdditiveWord && downEvidence.get(c) !== 'money';
  const out: ColumnSum[] = [];
  const setAside: SetAside[] = [];
  const confirmedMoney = new Set<number>();
  const score = (total: number, parts: number[]): Score => {
    const s: Score = { holds: 0, fails: 0 };
    for (const r of bodyRows) {
      const k = checkAcross(nums, r, total, parts).check;
      if (k === Check.Holds) s.holds++;
      else if (k === Check.Fails) s.fails++;
    }
    return s;
  };
  const accept = (sum: ColumnSum) => {
    out.push(sum);
    for (const c of sum.parts) if (doubted(c)) confirmedMoney.add(c);
  };

  // A paired column (合计/预算数) stands for its group; `measure` picks the same measure in other groups.
  const paired = pairedMeasures(model, left, right);
  const measureOf = (c: number) => (paired.has(c) ? squash(paired.get(c)!.text) : undefined);
  const nodeOf = (c: number) => (paired.has(c) ? paired.get(c)!.parent : model.header.leafOf.get(c));
  const isPairGroup = (n: HeaderNode) => n.children.length > 0 && n.children.every((k) => paired.has(k.left) && paired.get(k.left) === k);
  const isTotalCol = (c: number) => (paired.has(c) ? isTotalHeader(paired.get(c)!.parent!.text) : !!info(c)?.totalHeader);

  const contribution = (node: HeaderNode, measure: string | undefined, withQizhong = false): number[] => {
    if (!withQizhong && squash(node.text).startsWith('其中')) return [];
    if (measure !== undefined) {
      if (isPairGroup(node)) {
        const k = node.children.find((x) => squash(x.text) === measure);
        return k && moneyPart(k.left) ? [k.left] : [];
      }
      if (node.children.length === 0) return [];
      const sub = node.children.find((k) => isPairGroup(k) && isTotalHeader(k.text));
      if (sub) return contribution(sub, measure);
      return node.children.flatMap((ch) => contribution(ch, measure));
    }
    if (node.children.length === 0) {
      const cols: number[] = [];
      for (let c = node.left; c <= node.right; c++) if (moneyPart(c)) cols.push(c);
      return cols;
    }
    for (let c = node.left; c <= node.right; c++) {
      const leaf = model.header.leafOf.get(c);
      if (leaf && leaf.parent === node && info(c)?.totalHeader && moneyPart(c)) return [c];
    }
    return node.children.flatMap((ch) => contribution(ch, measure));
  };

  // Named breakdowns in one header row: "公务用车购置及运行费 | 公务用车购置费 | 公务用车运行费" — a column
  // followed by two or more columns whose names start like its own; kept only when the data agree.
  const breakdownParts = new Set<number>();
  const leafText = (c: number) => squash(model.header.leafOf.get(c)?.text ?? '');
  for (const c of model.columns) {
    if (!moneyPart(c.col) || c.totalHeader || paired.has(c.col)) continue;
    const name = leafText(c.col);
    if (name.length < 4) continue;
    const prefix = name.slice(0, 2);
    const kids: number[] = [];
    // A longer run of like-named columns (项目1 … 项目5000) is a list, not one column's breakdown: stopping
    // there keeps a wide sheet linear in its width.
    for (let k = c.col + 1; k <= right && moneyPart(k) && kids.length <= MAX_BREAKDOWN_PARTS; k++) {
      const t = leafText(k);
      if (!t.startsWith(prefix) || t === name || model.header.leafOf.get(k)?.parent !== model.header.leafOf.get(c.col)?.parent) break;
      kids.push(k);
    }
    if (kids.length < 2 || kids.length > MAX_BREAKDOWN_PARTS) continue;
    const s = score(c.col, kids);
    if (s.holds >= 1 && s.holds * 2 >= informative(s)) {
      accept({ total: c.col, parts: kids, source: 'header' });
      kids.forEach((k) => breakdownParts.add(k));
    }
  }

  const totals = model.columns.filter((c) => isAmount(c.col) && isTotalCol(c.col) && !c.nonAdditive);
  /** The doubted columns (价格, 标准, 率) kept in a part set: all, unless the sum holds better without some. */
  const bestOf = (total: number, cols: number[]): { parts: number[]; s: Score } => {
    let parts = cols;
    let s = score(total, cols);
    const unsure = cols.filter(doubted);
    if (unsure.length === 0 || unsure.length > 6) return { parts, s };
    for (let mask = (1 << unsure.length) - 2; mask >= 0; mask--) {
      const keep = cols.filter((c) => !doubted(c) || (mask & (1 << unsure.indexOf(c))) !== 0);
      if (keep.length === 0) continue;
      const k = score(total, keep);
      if (k.holds > s.holds) {
        parts = keep;
        s = k;
      }
    }
    return { parts, s };
  };

  for (const t of totals) {
    const node = nodeOf(t.col);
    const measure = measureOf(t.col);
    let parts: number[] = [];
    let s: Score = { holds: 0, fails: 0 };
    let declared = true;
    if (node) {
      const sibs = siblingsOf(model.header, node);
      const plain = sibs.flatMap((n) => contribution(n, measure)).filter((c) => c !== t.col && !breakdownParts.has(c));
      ({ parts, s } = bestOf(t.col, plain));
      // 合计 | 其中 (A, B): the 其中 group is what the total adds up when the numbers say so (it is all
      // there is, or the other siblings do not add up) — a 其中 list may name only some of the parts.
      const withQz = sibs.flatMap((n) => contribution(n, measure, true)).filter((c) => c !== t.col && !breakdownParts.has(c));
      if (withQz.length > plain.length) {
        const alt = bestOf(t.col, withQz);
        if (plain.length === 0 || alt.s.holds > s.holds) {
          ({ parts, s } = alt);
          declared = false;
        }
      }
    }
    if (parts.length > 0 && (informative(s) <= 1 || s.holds * 2 >= informative(s))) {
      accept({ total: t.col, parts, source: 'header' });
      continue;
    }
    // Most rows break the header's relation: the data may show other parts (the header was misread)…
    const pool = model.columns.filter((c) => moneyPart(c.col) && c.col !== t.col).map((c) => c.col);
    const found = searchParts(nums, bodyRows, t.col, pool);
    if (found) {
      accept({ total: t.col, parts: found, source: 'data' });
      if (parts.length > 0) setAside.push({ kind: 'row', total: t.col, parts, reason: '表头所示分项与数据不符，改按数据找到的分项核对', agree: s.holds, disagree: s.fails });
      continue;
    }
    if (parts.length === 0) continue;
    // …else a relation the header declares stands, and every row that breaks it is reported.
    if (declared || s.holds > 0) accept({ total: t.col, parts, source: 'header', contested: true });
    else setAside.push({ kind: 'row', total: t.col, parts, reason: '其中各项在各行均不等于合计，视为部分列示', agree: s.holds, disagree: s.fails });
  }

  // 其中 columns: P | 其中：A | B … or P | [其中 group over A, B]
  const done = new Set(out.map((o) => o.total));
  for (const c of model.columns) {
    if (!isAmount(c.col)) continue;
    const leaf = model.header.leafOf.get(c.col);
    const qzGroup = leaf && leaf.parent && squash(leaf.parent.text).startsWith('其中') ? leaf.parent : undefined;
    const qzLeaf = leaf && squash(leaf.text).startsWith('其中') ? leaf : undefined;
    const start = qzGroup ? qzGroup.left : qzLeaf ? qzLeaf.left : -1;
    if (start !== c.col) continue;
    const parent = start - 1;
    if (!moneyPart(parent) || done.has(parent)) continue;
    const end = qzGroup ? qzGroup.right : right;
    const window: number[] = [];
    let best: { parts: number[]; s: Score } | undefined;
    for (let k = start; k <= end; k++) {
      if (!moneyPart(k) || info(k)?.totalHeader) break;
      window.push(k);
      const s = score(parent, window);
      if (!best || s.holds > best.s.holds) best = { parts: [...window], s };
    }
    if (best && informative(best.s) >= 2 && best.s.holds >= informative(best.s) * 0.8) {
      accept({ total: parent, parts: best.parts, source: 'header' });
      done.add(parent);
    }
  }
  return { sums: out, setAside, confirmedMoney };
}

/** When the header's guess fails, find the part columns in the data: contiguous runs, then subsets. */
function searchParts(nums: TableNumbers, bodyRows: number[], total: number, pool: number[]): number[] | undefined {
  const near = [...pool].sort((a, b) => Math.abs(a - total) - Math.abs(b - total)).slice(0, 10).sort((a, b) => a - b);
  if (near.length < 2) return undefined;
  const sample: number[] = [];
  for (const r of bodyRows) {
    if (nums.state(r, total) !== CellState.Number || nums.value(r, total).isZero()) continue;
    if (near.some((c) => nums.state(r, c) === CellState.Error)) continue;
    sample.push(r);
    if (sample.length >= 60) break;
  }
  if (sample.length < 3) return undefined;
  // Sum of every subset of the near columns, per sample row: each subset is a smaller one plus one
  // column, so one Decimal addition per subset and row (none for a zero), then one comparison.
  const full = 1 << near.length;
  const holdsOf = new Uint16Array(full);
  const subsetSums: Decimal[] = new Array(full);
  subsetSums[0] = EXACT_ZERO;
  for (const r of sample) {
    const vals = near.map((c) => nums.value(r, c));
    const target = nums.value(r, total);
    for (let mask = 1; mask < full; mask++) {
      const low = mask & -mask;
      const v = vals[31 - Math.clz32(low)];
      const s = v.isZero() ? subsetSums[mask ^ low] : subsetSums[mask ^ low].plus(v);
      subsetSums[mask] = s;
      if (s.eq(target)) holdsOf[mask]++;
    }
  }
  let bestMask = 0;
  let bestHolds = -1;
  let bestSize = Infinity;
  for (let mask = 1; mask < full; mask++) {
    let size = 0;
    for (let k = 0; k < near.length; k++) if (mask & (1 << k)) size++;
    if (size < 2) continue;
    const holds = holdsOf[mask];
    // Equal evidence: the fewest columns (合计 = 基本支出 + 项目支出 rather than 项目支出 + 人员经费 + 公用经费).
    if (holds > bestHolds || (holds === bestHolds && size < bestSize)) {
      bestHolds = holds;
      bestMask = mask;
      bestSize = size;
    }
  }
  if (bestHolds < sample.length * 0.9) return undefined;
  return near.filter((_, k) => bestMask & (1 << k));
}

// ---------------------------------------------------------------- sum.column / sum.hierarchy: rows adding up down a column

export function inferRowSums(rows: RowInfo[], cols: number[], nums: TableNumbers, setAside: SetAside[] = []): RowSum[] {
  const scoreOf = (rel: { total: number; parts: number[] }, perColumn?: Check[]): Score => {
    const s: Score = { holds: 0, fails: 0 };
    for (const c of cols) {
      const k = checkDown(nums, c, rel.total, rel.parts).check;
      if (perColumn) perColumn.push(k);
      if (k === Check.Holds) s.holds++;
      else if (k === Check.Fails) s.fails++;
    }
    return s;
  };
  const byRow = new Map(rows.map((r) => [r.row, r]));
  const children = new Map<number, number[]>();
  for (const r of rows) {
    if (r.parentRow === undefined) continue;
    const list = children.get(r.parentRow) ?? [];
    list.push(r.row);
    children.set(r.parentRow, list);
  }

  // 1. Hierarchy, confirmed per basis family and per relation.
  const families = new Map<RowSum['basis'], { rels: { rel: RowSum; s: Score }[]; s: Score }>();
  for (const [parent, kids] of children) {
    const first = byRow.get(kids[0])!;
    const basis: RowSum['basis'] =
      first.marker === 'code' ? 'code' : first.marker === 'numbering' ? 'numbering' : first.marker === 'indent' ? 'indent' : first.marker === 'qizhong' ? 'qizhong' : 'rows';
    const rel: RowSum = { total: parent, parts: kids, rule: 'sum.hierarchy', basis };
    const fam = families.get(basis) ?? { rels: [], s: { holds: 0, fails: 0 } };
    const s = scoreOf(rel);
    fam.rels.push({ rel, s });
    fam.s.holds += s.holds;
    fam.s.fails += s.fails;
    families.set(basis, fam);
  }
  // Declared: 类/款/项 codes, or a 其中 group its parent's name lists (公务用车购置及运行费).
  const declared = (rel: RowSum) => rel.basis === 'code' || !!byRow.get(rel.total)?.namesParts;
  for (const fam of families.values()) {
    // A 其中/numbered group that fails in every column, in a family where no group adds up, is a partial
    // breakdown, not a sum.
    const anyHolds = fam.rels.some((x) => x.s.holds > 0);
    if (!anyHolds) {
      for (const x of fam.rels) {
        if (!declared(x.rel) && x.s.holds === 0 && x.s.fails >= 2) setAside.push(asideOf(x.rel, x.s, '各列均不等于其下各项之和，视为部分列示'));
      }
      fam.rels = fam.rels.filter((x) => declared(x.rel) || !(x.s.holds === 0 && x.s.fails >= 2));
    }
    fam.s = fam.rels.reduce((acc, x) => ({ holds: acc.holds + x.s.holds, fails: acc.fails + x.s.fails }), { holds: 0, fails: 0 });
  }
  const out: RowSum[] = [];
  const overall: Score = { holds: 0, fails: 0 };
  for (const [basis, fam] of families) {
    // Markers whose sums hardly ever hold are not a sum hierarchy (partial 其中 lists, outline numbering).
    // 类/款/项 codes declare the hierarchy: it stands, and every failure is reported.
    if (basis !== 'code' && informative(fam.s) >= 3 && fam.s.holds * 3 < fam.s.fails) {
      for (const x of fam.rels) if (!declared(x.rel)) setAside.push(asideOf(x.rel, x.s, '上下级多处不相加，视为提纲而非加总关系'));
      out.push(...fam.rels.filter((x) => declared(x.rel)).map((x) => x.rel));
      continue;
    }
    if (basis === 'code' && fam.s.holds < fam.s.fails) for (const x of fam.rels) if (x.s.fails > 0) x.rel.contested = true;
    out.push(...fam.rels.map((x) => x.rel));
    overall.holds += fam.s.holds;
    overall.fails += fam.s.fails;
  }
  // 类/款/项 codes declare which rows are top-level: a 合计 adds those, whatever one failing 类 row says.
  const codesDeclare = out.some((r) => r.basis === 'code');
  const trusted = codesDeclare || (overall.holds > 0 && overall.holds * 3 >= overall.fails);

  // 2. 小计 rows: their group lies above or below them; the data picks the direction for the whole side.
  const subtotals = rows.filter((r) => r.role === 'subtotal' && !children.has(r.row));
  const grouped = new Set<number>();
  if (subtotals.length > 0) {
    const indexOf = new Map(rows.map((r, i) => [r.row, i]));
    const groupFor = (idx: number, dir: 'up' | 'down'): number[] => {
      const parts: number[] = [];
      const step = dir === 'up' ? -1 : 1;
      for (let k = idx + step; k >= 0 && k < rows.length; k += step) {
        const r = rows[k];
        if (r.role === 'total' || r.role === 'subtotal') break;
        if (r.role === 'item' && r.parentRow === undefined) parts.push(r.row);
      }
      return dir === 'up' ? parts.reverse() : parts;
    };
    const options = (['up', 'down'] as const).map((dir) => {
      const rels: RowSum[] = [];
      const s: Score = { holds: 0, fails: 0 };
      for (const st of subtotals) {
        const parts = groupFor(indexOf.get(st.row)!, dir);
        if (parts.length === 0) continue;
        const rel: RowSum = { total: st.row, parts, rule: 'sum.column', basis: 'subtotal' };
        const sc = scoreOf(rel);
        s.holds += sc.holds;
        s.fails += sc.fails;
        rels.push(rel);
      }
      return { rels, s };
    });
    // A side with no group at all (a 小计 at the top has nothing above it) is no choice: a failing 小计 is checked
    // on the side its group is on, not dropped because an empty side fails nothing.
    const [up, down] = options;
    const pick = down.s.holds > up.s.holds || (down.s.holds === up.s.holds && down.rels.length > up.rels.length) ? down : up;
    for (const rel of pick.rels) {
      out.push(rel);
      for (const p of rel.parts) grouped.add(p);
    }
  }

  // 3. Grand totals: the candidate part set that the numbers agree with most.
  const isParent = (row: number) => children.has(row);
  let prevTotal: { index: number; bottom: boolean } | undefined;
  for (let i = 0; i < rows.length; i++) {
    const t = rows[i];
    if (t.role !== 'total') continue;
    const from = prevTotal ? prevTotal.index + 1 : 0;
    const before = rows.slice(from, i).filter((r) => r.role === 'item' || r.role === 'subtotal');
    let scope: RowInfo[];
    let carry: number[] = [];
    if (before.length === 0) {
      let end = rows.length;
      for (let k = i + 1; k < rows.length; k++) {
        if (rows[k].role === 'total') {
          end = k;
          break;
        }
      }
      scope = rows.slice(i + 1, end);
      prevTotal = { index: i, bottom: false };
    } else {
      scope = rows.slice(from, i);
      if (prevTotal && prevTotal.bottom) carry = [rows[prevTotal.index].row];
      prevTotal = { index: i, bottom: true };
    }
    const items = scope.filter((r) => r.role === 'item' || r.role === 'subtotal');
    if (items.length === 0 && carry.length === 0) continue;
    // Top-level rows; a parent with no amounts at all over children that have some (a group heading) is
    // replaced by its children.
    const structural = [...carry];
    const hasNumber = (row: number) => cols.some((c) => nums.state(row, c) === CellState.Number);
    const addTop = (row: number) => {
      const kids = children.get(row);
      if (kids && !hasNumber(row) && kids.some(hasNumber)) kids.forEach(addTop);
      else structural.push(row);
    };
    for (const r of items) if ((r.role === 'subtotal' || r.parentRow === undefined) && !grouped.has(r.row)) addTop(r.row);
    let best = structural;
    let bestScore = scoreOf({ total: t.row, parts: structural });
    // Markers that the data confirmed elsewhere in the table are trusted as they are; otherwise the
    // numbers choose among the other readings when the structural one fails in most columns.
    if (!trusted && bestScore.fails > bestScore.holds) {
      const flat = [...carry, ...items.filter((r) => r.role === 'item').map((r) => r.row)];
      const leaves = [...carry, ...items.filter((r) => r.role === 'item' && !isParent(r.row)).map((r) => r.row)];
      for (const cand of [flat, leaves]) {
        const s = scoreOf({ total: t.row, parts: cand });
        if (s.holds > bestScore.holds) {
          best = cand;
          bestScore = s;
        }
      }
      if (bestScore.fails > bestScore.holds) {
        const nested = [...carry, ...dataNesting(items.map((r) => r.row), cols, nums)];
        const s = scoreOf({ total: t.row, parts: nested });
        if (s.holds > bestScore.holds) {
          best = nested;
          bestScore = s;
        }
      }
    }
    if (best.length > 0) out.push({ total: t.row, parts: best, rule: 'sum.column', basis: 'rows' });
  }
  return out;
}

/**
 * Rows with no markers at all may still nest: "财政拨款(补助) 1336.71" followed by its parts
 * "一般公共预算 1336.71 / 政府性基金预算 / 国有资本经营预算". A row that equals the sum of the rows right
 * under it (in every column it has a number, at least one of them non-zero) is their parent.
 * Returns the top-level rows.
 */
function dataNesting(rows: number[], cols: number[], nums: TableNumbers): number[] {
  const top: number[] = [];
  const window = 60;
  let i = 0;
  while (i < rows.length) {
    const p = rows[i];
    top.push(p);
    const target = cols.map((c) => nums.value(p, c));
    const nonZero = target.some((v) => !v.isZero());
    let found = -1;
    if (nonZero) {
      const run = cols.map(() => EXACT_ZERO);
      for (let j = i + 1; j < rows.length && j <= i + window; j++) {
        let over = true;
        let equal = true;
        for (let k = 0; k < cols.length; k++) {
          const v = nums.value(rows[j], cols[k]);
          if (!v.isZero()) run[k] = run[k].plus(v);
          const order = run[k].cmp(target[k]);
          if (order !== 0) equal = false;
          if (order <= 0 || target[k].lt(0)) over = false;
        }
        if (equal) {
          found = j;
          break;
        }
        if (over) break;
      }
    }
    i = found > 0 ? found + 1 : i + 1;
  }
  return top;
}

function asideOf(rel: RowSum, s: Score, reason: string): SetAside {
  return { kind: rel.basis === 'subtotal' ? 'group' : rel.rule === 'sum.hierarchy' ? 'hierarchy' : 'column', total: rel.total, parts: rel.parts, reason, agree: s.holds, disagree: s.fails };
}

/** Columns that fail most of the row relations they take part in do not add up (averages, rates). */
export function nonAdditiveByData(rels: RowSum[], cols: number[], nums: TableNumbers): Set<number> {
  const out = new Set<number>();
  for (const c of cols) {
    let holds = 0;
    let fails = 0;
    for (const rel of rels) {
      const k = checkDown(nums, c, rel.total, rel.parts).check;
      if (k === Check.Holds) holds++;
      else if (k === Check.Fails) fails++;
    }
    if (holds + fails >= 4 && holds * 4 < holds + fails) out.add(c);
  }
  return out;
}

export interface SideRelations {
  columnSums: ColumnSum[];
  rowSums: RowSum[];
  setAside: SetAside[];
}

/**
 * Every relation of one table side: across the rows (sum.row), then down the columns. A column whose
 * header word doubts it (单价, 标准, 比例, 率) is money when a relation it takes part in holds; it is left
 * out of the sums (and listed as set aside) only when the numbers agree with the word.
 */
export function inferSideRelations(model: ColumnModel, left: number, right: number, rows: RowInfo[], amountCols: number[], nums: TableNumbers): SideRelations {
  const info = (c: number) => model.byCol.get(c)!;
  const bodyRows = rows.filter((r) => r.role !== 'blank').map((r) => r.row);
  const candidates = amountCols.filter((c) => !info(c).nonAdditive);
  const evidence = downEvidence(rows, candidates.filter((c) => !info(c).nonAdditiveWord), candidates.filter((c) => info(c).nonAdditiveWord), nums);
  const across = inferColumnSums(model, left, right, bodyRows, nums, evidence);
  const setAside = [...across.setAside];
  const doubted = candidates.filter((c) => info(c).nonAdditiveWord && !across.confirmedMoney.has(c) && evidence.get(c) !== 'money');
  const sure = candidates.filter((c) => !doubted.includes(c));
  const base = sure.length > 0 ? sure : doubted;
  let downAside: SetAside[] = [];
  let rowSums = inferRowSums(rows, base, nums, downAside);
  // A column that adds up across the rows under a 合计 (total or part of a relation that holds) is money:
  // typos down it do not make it a column of averages.
  const placed = new Set(across.sums.filter((x) => !x.contested).flatMap((x) => [x.total, ...x.parts]));
  const dataNonAdditive = nonAdditiveByData(
    rowSums,
    base.filter((c) => !placed.has(c)),
    nums,
  );
  if (dataNonAdditive.size > 0) {
    for (const c of dataNonAdditive) {
      info(c).nonAdditive = true;
      setAside.push({ kind: 'column', total: c, parts: [], reason: `${columnWord(info(c).headerPath)}：多数合计在此列不成立，不按金额相加`, agree: 0, disagree: 0 });
    }
    downAside = [];
    rowSums = inferRowSums(rows, base.filter((c) => !dataNonAdditive.has(c)), nums, downAside);
  }
  setAside.push(...downAside);
  for (const c of doubted) {
    if (info(c).nonAdditive) continue;
    let holds = 0;
    let fails = 0;
    for (const rel of rowSums) {
      const k = checkDown(nums, c, rel.total, rel.parts).check;
      if (k === Check.Holds) holds++;
      else if (k === Check.Fails) fails++;
    }
    if (holds > 0 && holds >= fails) continue;
    info(c).nonAdditive = true;
    setAside.push({ kind: 'column', total: c, parts: [], reason: `${columnWord(info(c).headerPath)}，不按金额相加`, agree: holds, disagree: fails });
  }
  for (const c of amountCols) {
    if (!info(c).nonAdditive || doubted.includes(c) || dataNonAdditive.has(c)) continue;
    setAside.push({ kind: 'column', total: c, parts: [], reason: `${columnWord(info(c).headerPath)}，不按金额相加`, agree: 0, disagree: 0 });
  }
  return { columnSums: across.sums, rowSums, setAside };
}

/**
 * Down-the-column evidence on columns whose header word doubts them, from the 合计 rows and hierarchy the
 * sure columns show: a relation that holds in the column makes it money; a 合计 row left blank over
 * filled rows (a 标准 or 单价 column has no total) makes it not money. Nothing either way leaves it open.
 */
function downEvidence(rows: RowInfo[], sure: number[], doubted: number[], nums: TableNumbers): Map<number, 'money' | 'not'> {
  const out = new Map<number, 'money' | 'not'>();
  if (doubted.length === 0) return out;
  const rels = inferRowSums(rows, sure.length > 0 ? sure : doubted, nums);
  for (const c of doubted) {
    let holds = 0;
    let fails = 0;
    let blankTotals = 0;
    for (const rel of rels) {
      const k = checkDown(nums, c, rel.total, rel.parts).check;
      if (k === Check.Holds) holds++;
      else if (k === Check.Fails) fails++;
      else if (rel.rule === 'sum.column' && nums.state(rel.total, c) === CellState.Blank && rel.parts.some((r) => !nums.isZero(r, c))) blankTotals++;
    }
    if (holds > 0 && holds >= fails) out.set(c, 'money');
    else if (blankTotals > 0 && holds === 0) out.set(c, 'not');
  }
  return out;
}

/** What a column left out of the sums holds, in a word: 单价列, 比率列, 年份列… */
export function columnWord(headerPath: string[]): string {
  const s = squash(headerPath.join('/'));
  if (/单价|均价|价格/.test(s)) return '单价列';
  if (/标准|定额/.test(s)) return '标准列';
  if (/比例|比重|百分比|占比|[率%％]|增幅|增长|同比|环比/.test(s)) return '比率列';
  if (/人均|平均/.test(s)) return '平均数列';
  if (/系数|权重|分值|得分|评分|指标值/.test(s)) return '分值列';
  if (/年度|年份|年限|日期|时间/.test(s)) return '年份列';
  if (/序号|编号|编码|代码|科目|栏次|排名|名次|电话|号码|账号|身份证/.test(s)) return '编号列';
  return '非金额列';
}
