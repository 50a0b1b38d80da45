import * as React from 'react';
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CellRange, columnLetters, toA1 } from '../core/grid';
import { DemoSheet, DemoWorkbook, displayText } from '../hosts/demo/workbook';

/** Rows rendered at first; more on request, or when a selected cell lies further down. */
const ROW_PAGE = 1000;

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    minHeight: 0,
    height: '100%',
  },
  nameBar: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    fontSize: tokens.fontSizeBase200,
    minWidth: 0,
  },
  nameBox: {
    minWidth: '64px',
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    fontVariantNumeric: 'tabular-nums',
  },
  formula: {
    flexGrow: 1,
    minWidth: 0,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    color: tokens.colorNeutralForeground2,
  },
  scroller: {
    flexGrow: 1,
    minHeight: 0,
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    position: 'relative',
  },
  table: {
    borderCollapse: 'separate',
    borderSpacing: 0,
    fontSize: '13px',
    lineHeight: '18px',
    tableLayout: 'auto',
    // As wide as the columns need, not squeezed into the window (the scroller scrolls instead).
    width: 'max-content',
  },
  corner: {
    position: 'sticky',
    top: 0,
    left: 0,
    zIndex: 3,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    minWidth: '40px',
  },
  colHeader: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    fontSize: '12px',
    textAlign: 'center',
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    paddingLeft: '4px',
    paddingRight: '4px',
  },
  rowHeader: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    fontSize: '12px',
    textAlign: 'center',
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingLeft: '4px',
    paddingRight: '4px',
    fontVariantNumeric: 'tabular-nums',
  },
  headerActive: {
    backgroundColor: tokens.colorNeutralBackground3Selected,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  cell: {
    position: 'relative',
    borderRight: '1px solid #E1E1E1',
    borderBottom: '1px solid #E1E1E1',
    paddingTop: '2px',
    paddingBottom: '2px',
    paddingLeft: '6px',
    paddingRight: '6px',
    minWidth: '3em',
    // A minimum row height (a table cell's height is a minimum), so rows of spilled text keep their height.
    height: '22px',
    whiteSpace: 'pre-wrap',
    verticalAlign: 'middle',
    cursor: 'cell',
  },
  wrapText: {
    display: 'block',
    maxWidth: '18em',
  },
  spill: {
    // Like Excel: text runs on over empty cells to its right instead of widening its column.
    overflow: 'visible',
  },
  spillText: {
    position: 'absolute',
    left: '6px',
    top: '50%',
    transform: 'translateY(-50%)',
    whiteSpace: 'nowrap',
    zIndex: 1,
    pointerEvents: 'none',
  },
  number: {
    textAlign: 'right',
    whiteSpace: 'nowrap',
    fontVariantNumeric: 'tabular-nums',
  },
  marked: {
    boxShadow: 'inset 0 0 0 1px #C00000',
  },
  noteFlag: {
    position: 'absolute',
    top: 0,
    right: 0,
    width: 0,
    height: 0,
    borderTop: '6px solid #C00000',
    borderLeft: '6px solid transparent',
  },
  selected: {
    outline: `2px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: '-2px',
  },
  more: {
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalS,
  },
  tabs: {
    display: 'flex',
    flexShrink: 0,
    overflowX: 'auto',
    borderTop: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  tab: {
    flexShrink: 0,
    border: 'none',
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: 'transparent',
    paddingTop: '6px',
    paddingBottom: '6px',
    paddingLeft: '14px',
    paddingRight: '14px',
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    cursor: 'pointer',
    whiteSpace: 'nowrap',
    ':hover': { backgroundColor: tokens.colorNeutralBackground3Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  tabActive: {
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
    boxShadow: `inset 0 -2px 0 ${tokens.colorBrandStroke1}`,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1 },
  },
});

function useWorkbookVersion(workbook: DemoWorkbook): number {
  return React.useSyncExternalStore(
    (cb) => workbook.subscribe(cb),
    () => workbook.version,
  );
}

interface Layout {
  /** Top-left merges by "row,col". */
  spans: Map<string, CellRange>;
  /** Cells covered by a merge, other than its top-left. */
  covered: Set<string>;
  rows: number;
  cols: number;
}

function layoutOf(sheet: DemoSheet): Layout {
  const spans = new Map<string, CellRange>();
  const covered = new Set<string>();
  let rows = sheet.rows.length;
  let cols = 0;
  for (const row of sheet.rows) if (row && row.length > cols) cols = row.length;
  for (const m of sheet.merges) {
    spans.set(`${m.top},${m.left}`, m);
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
    }
    rows = Math.max(rows, m.bottom + 1);
    cols = Math.max(cols, m.right + 1);
  }
  cols = Math.max(cols, sheet.columnWidths?.length ?? 0);
  return { spans, covered, rows: Math.max(rows, 1), cols: Math.max(cols, 1) };
}

interface SheetRowProps {
  workbook: DemoWorkbook;
  sheet: DemoSheet;
  layout: Layout;
  r: number;
  /** workbook.rowStamp: changes when a cell of the row may have changed. */
  stamp: number;
  /** The selection as this row sees it ("left,right,selected column"), "" when the row is outside it. */
  selection: string;
  styles: ReturnType<typeof useStyles>;
}

/**
 * One row of the grid. Drawn again only when its cells, its part of the selection or the sheet's shape change:
 * marking a few cells of a 20,000-row sheet redraws those rows, not the thousand on screen.
 */
const SheetRow = React.memo(
  function SheetRow({ workbook, sheet, layout, r, selection: rowSelection, styles }: SheetRowProps): React.JSX.Element {
    const [selLeft, selRight, selCol] = rowSelection ? rowSelection.split(',').map(Number) : [-1, -2, -1];
    const inSelection = (c: number) => c >= selLeft && c <= selRight;
    const tds: React.ReactNode[] = [];
      for (let c = 0; c < layout.cols; c++) {
        const key = `${r},${c}`;
        if (layout.covered.has(key)) continue;
        const span = layout.spans.get(key);
        const cell = sheet.rows[r]?.[c];
        const mark = sheet.marks.get(key);
        const address = toA1(r, c);
        const text = displayText(cell);
        const numeric = typeof cell?.value === 'number';
        const style: React.CSSProperties = {};
        if (cell?.style?.fill) style.backgroundColor = cell.style.fill;
        if (cell?.style?.bold) style.fontWeight = 600;
        if (cell?.style?.horizontal) style.textAlign = cell.style.horizontal;
        if (cell?.indent) style.paddingLeft = `${6 + cell.indent * 12}px`;
        const width = sheet.columnWidths?.[c];
        if (width && !span) style.minWidth = `${Math.round(width * 0.6)}em`;
        const selected = c === selCol;
        const rightKey = `${r},${c + 1}`;
        const spills =
          !numeric && !span && text.length > 4 && !text.includes('\n') && c + 1 < layout.cols &&
          !layout.covered.has(rightKey) && !layout.spans.has(rightKey) && displayText(sheet.rows[r]?.[c + 1]) === '';
        const content = spills ? (
          <span className={styles.spillText}>{text}</span>
        ) : numeric ? (
          text
        ) : span ? (
          // A merged cell wraps within the width of the columns it covers, as Excel shows it: long text (年度目标)
          // never widens its columns and pushes the rest of the table off screen.
          <span className={styles.wrapText} style={{ maxWidth: `${mergedWidthEm(sheet.columnWidths, span.left, span.right)}em` }}>
            {text}
          </span>
        ) : (
          <span className={styles.wrapText}>{text}</span>
        );
        tds.push(
          <td
            key={c}
            role="gridcell"
            data-cell={address}
            data-mark={mark ? mark.severity : undefined}
            aria-selected={inSelection(c)}
            rowSpan={span ? span.bottom - span.top + 1 : undefined}
            colSpan={span ? span.right - span.left + 1 : undefined}
            title={cell?.note ? `${address}：${cell.note}` : undefined}
            className={mergeClasses(styles.cell, numeric && styles.number, spills && styles.spill, mark && styles.marked, selected && styles.selected)}
            style={style}
            onClick={() => workbook.select(sheet.name, address)}
          >
            {content}
            {cell?.note && <span className={styles.noteFlag} aria-hidden="true" />}
          </td>,
        );
      }
    return (
      <tr>
        <th scope="row" className={mergeClasses(styles.rowHeader, rowSelection !== '' && styles.headerActive)}>
          {r + 1}
        </th>
        {tds}
      </tr>
    );
  },
  (a, b) =>
    a.stamp === b.stamp &&
    a.selection === b.selection &&
    a.r === b.r &&
    a.sheet === b.sheet &&
    a.workbook === b.workbook &&
    a.styles === b.styles &&
    a.layout.cols === b.layout.cols &&
    a.layout.spans.size === b.layout.spans.size &&
    a.sheet.columnWidths === b.sheet.columnWidths,
);

export interface WorkbookViewProps {
  workbook: DemoWorkbook;
}

/** The workbook as a spreadsheet: name box, grid with merged cells and marks, sheet tabs. */
export function WorkbookView({ workbook }: WorkbookViewProps): React.JSX.Element {
  const styles = useStyles();
  const version = useWorkbookVersion(workbook);
  const sheet = workbook.active;
  const selection = workbook.selection.range;
  // The sheet object is edited in place; `version` says when.
  const layout = React.useMemo(() => layoutOf(sheet), [sheet, version]);
  const [rowLimit, setRowLimit] = React.useState(ROW_PAGE);
  const scroller = React.useRef<HTMLDivElement>(null);

  const shownRows = Math.min(layout.rows, Math.max(rowLimit, selection.bottom + 1));

  React.useEffect(() => setRowLimit(ROW_PAGE), [sheet]);

  // Bring the selected cell's top-left into view when the selection moves (a finding was clicked), clear of the
  // sticky row and column headers. scrollIntoView cannot account for those and misplaces wide merged cells.
  React.useEffect(() => {
    const sc = scroller.current;
    const el = sc?.querySelector<HTMLElement>(`[data-cell="${toA1(selection.top, selection.left)}"]`);
    if (!sc || !el) return;
    const view = sc.getBoundingClientRect();
    const cell = el.getBoundingClientRect();
    const headerWidth = sc.querySelector('tbody th')?.getBoundingClientRect().width ?? 0;
    const headerHeight = sc.querySelector('thead')?.getBoundingClientRect().height ?? 0;
    const left = view.left + headerWidth;
    const top = view.top + headerHeight;
    const right = view.left + sc.clientWidth;
    const bottom = view.top + sc.clientHeight;
    const dx = cell.left < left ? cell.left - left : cell.right > right ? Math.min(cell.right - right, cell.left - left) : 0;
    const dy = cell.top < top ? cell.top - top : cell.bottom > bottom ? Math.min(cell.bottom - bottom, cell.top - top) : 0;
    if (dx || dy) sc.scrollBy(dx, dy);
  }, [selection.top, selection.left, sheet, workbook.selectionCount]);

  const selectedAddress = workbook.selectionAddress();
  const selectedCell = sheet.rows[selection.top]?.[selection.left];

  const body: React.ReactNode[] = [];
  for (let r = 0; r < shownRows; r++) {
    const inRows = r >= selection.top && r <= selection.bottom;
    body.push(
      <SheetRow
        key={r}
        workbook={workbook}
        sheet={sheet}
        layout={layout}
        r={r}
        stamp={workbook.rowStamp(sheet, r)}
        selection={inRows ? `${selection.left},${selection.right},${r === selection.top ? selection.left : -1}` : ''}
        styles={styles}
      />,
    );
  }

  const headers: React.ReactNode[] = [];
  for (let c = 0; c < layout.cols; c++) {
    headers.push(
      <th key={c} scope="col" className={mergeClasses(styles.colHeader, c >= selection.left && c <= selection.right && styles.headerActive)}>
        {columnLetters(c)}
      </th>,
    );
  }

  return (
    <div className={styles.root}>
      <div className={styles.nameBar}>
        <span className={styles.nameBox} aria-label="名称框" role="status" data-testid="name-box">
          {selectedAddress}
        </span>
        <span className={styles.formula} title={selectedCell?.formula ?? displayText(selectedCell)}>
          {selectedCell?.formula ?? displayText(selectedCell)}
        </span>
      </div>
      <div className={styles.scroller} ref={scroller}>
        <table role="grid" aria-label={sheet.name} aria-rowcount={layout.rows} className={styles.table}>
          <thead>
            <tr>
              <th className={styles.corner} aria-hidden="true" />
              {headers}
            </tr>
          </thead>
          <tbody>{body}</tbody>
        </table>
        {shownRows < layout.rows && (
          <div className={styles.more}>
            <Button size="small" onClick={() => setRowLimit((n) => n + ROW_PAGE)}>
              显示更多行（已显示 {shownRows}/{layout.rows} 行）
            </Button>
          </div>
        )}
      </div>
      <div className={styles.tabs} role="tablist" aria-label="工作表">
        {workbook.sheets.map((s, i) => (
          <button
            key={s.name}
            type="button"
            role="tab"
            aria-selected={i === workbook.activeSheet}
            className={mergeClasses(styles.tab, i === workbook.activeSheet && styles.tabActive)}
            onClick={() => workbook.activate(i)}
          >
            {s.name}
          </button>
        ))}
      </div>
    </div>
  );
}

/** Width of columns left..right in em: their widths when known (characters × 0.6), else Excel's default 8.43 characters. */
export function mergedWidthEm(widths: readonly number[] | undefined, left: number, right: number): number {
  let em = 0;
  for (let c = left; c <= right; c++) em += widths?.[c] ? widths[c] * 0.6 : 8;
  return Math.max(8, Math.round(em));
}
