import * as React from 'react';
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { TaskPane } from '../taskpane/TaskPane';
import { jiaoheTheme } from '../taskpane/theme';
import { readXlsxBuffer } from '../hosts/file/xlsxBytes';
import { DemoHost } from '../hosts/demo/DemoHost';
import { DemoWorkbook } from '../hosts/demo/workbook';
import { WorkbookView } from './WorkbookView';

/** Served next to demo.html by `npm start` and the build (copied from assets/sample/). */
export const SAMPLE_WORKBOOK = 'assets/sample/seed004-department-budget.xlsx';

const NARROW = '@media (max-width: 720px)';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    height: '100vh',
    minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    backgroundColor: '#217346',
    color: '#FFFFFF',
    flexShrink: 0,
  },
  brand: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'nowrap',
  },
  open: {
    display: 'inline-flex',
    alignItems: 'center',
    paddingTop: '4px',
    paddingBottom: '4px',
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: '1px solid rgba(255,255,255,0.7)',
    backgroundColor: 'rgba(255,255,255,0.12)',
    color: '#FFFFFF',
    fontWeight: tokens.fontWeightSemibold,
    cursor: 'pointer',
    whiteSpace: 'nowrap',
    ':hover': { backgroundColor: 'rgba(255,255,255,0.24)' },
    ':focus-within': { outline: '2px solid #FFFFFF', outlineOffset: '2px' },
  },
  fileInput: {
    // Visually hidden but focusable and labelled: the label above is what users see and click.
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    opacity: 0,
  },
  fileName: {
    minWidth: 0,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    opacity: 0.9,
    flexShrink: 1,
  },
  headerSpinner: {
    color: '#FFFFFF',
    '& .fui-Spinner__label': { color: '#FFFFFF' },
  },
  hint: {
    marginLeft: 'auto',
    opacity: 0.85,
    fontSize: tokens.fontSizeBase200,
    [NARROW]: { display: 'none' },
  },
  message: {
    flexShrink: 0,
  },
  main: {
    display: 'flex',
    flexGrow: 1,
    minHeight: 0,
    minWidth: 0,
    [NARROW]: { flexDirection: 'column' },
  },
  book: {
    flexGrow: 1,
    minWidth: 0,
    minHeight: 0,
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground1,
    [NARROW]: { flexGrow: 0, height: '45vh', flexShrink: 0 },
  },
  pane: {
    width: '360px',
    flexShrink: 0,
    overflowY: 'auto',
    overflowX: 'hidden',
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    [NARROW]: {
      width: 'auto',
      flexGrow: 1,
      borderLeft: 'none',
      borderTop: `1px solid ${tokens.colorNeutralStroke1}`,
    },
  },
  empty: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    flexGrow: 1,
    padding: tokens.spacingHorizontalXXL,
    color: tokens.colorNeutralForeground3,
    textAlign: 'center',
  },
});

interface Loaded {
  workbook: DemoWorkbook;
  host: DemoHost;
  /** Changes with every workbook, so the pane starts fresh. */
  id: number;
}

async function loadWorkbook(bytes: Uint8Array, fileName: string): Promise<DemoWorkbook> {
  const book = await readXlsxBuffer(bytes, fileName);
  return DemoWorkbook.fromGrids(book.sheets, fileName, book.activeSheet);
}

/** The demo page: a workbook grid on the left, the real task pane on the right, talking to an in-page host. */
export function DemoApp(props: { sampleUrl?: string }): React.JSX.Element {
  const styles = useStyles();
  const [loaded, setLoaded] = React.useState<Loaded | null>(null);
  const [busy, setBusy] = React.useState<string | null>('正在打开示例工作簿…');
  const [error, setError] = React.useState<string | null>(null);
  const nextId = React.useRef(1);

  const show = React.useCallback((workbook: DemoWorkbook) => {
    setLoaded({ workbook, host: new DemoHost(workbook), id: nextId.current++ });
  }, []);

  React.useEffect(() => {
    const url = props.sampleUrl ?? SAMPLE_WORKBOOK;
    let cancelled = false;
    (async () => {
      try {
        const res = await fetch(url);
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const bytes = new Uint8Array(await res.arrayBuffer());
        const workbook = await loadWorkbook(bytes, decodeURIComponent(url.split('/').pop() ?? url));
        if (!cancelled) show(workbook);
      } catch (err) {
        if (!cancelled) setError(`无法载入示例工作簿（${err instanceof Error ? err.message : String(err)}），请用“打开工作簿”选择一个 .xlsx 文件。`);
      } finally {
        if (!cancelled) setBusy(null);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [props.sampleUrl, show]);

  const onFile = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // choosing the same file again must load it again
    if (!file) return;
    setError(null);
    setBusy(`正在打开 ${file.name}…`);
    try {
      show(await loadWorkbook(new Uint8Array(await file.arrayBuffer()), file.name));
    } catch (err) {
      // WorkbookReadError carries the Chinese reason (encrypted, .xls, CSV, corrupt…).
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <FluentProvider theme={jiaoheTheme} className={styles.page}>
      <header className={styles.header}>
        <h1 className={styles.brand}>校核 Jiaohe · 演示</h1>
        <label className={styles.open}>
          打开工作簿
          <input className={styles.fileInput} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => void onFile(e)} />
        </label>
        {loaded && (
          <span className={styles.fileName} title={loaded.workbook.fileName} data-testid="file-name">
            {loaded.workbook.fileName}
          </span>
        )}
        {busy && loaded && <Spinner size="extra-tiny" label={busy} className={styles.headerSpinner} />}
        <span className={styles.hint}>左侧是工作簿，右侧是与 Excel / WPS 中相同的任务窗格</span>
      </header>
      {error && (
        <MessageBar intent="error" className={styles.message}>
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <main className={styles.main}>
        <section className={styles.book} aria-label="工作簿" data-workbook-id={loaded?.id ?? 0}>
          {loaded ? (
            <WorkbookView key={loaded.id} workbook={loaded.workbook} />
          ) : (
            <div className={styles.empty}>
              {busy ? <Spinner label={busy} /> : <Text>用“打开工作簿”选择一个 .xlsx 文件。</Text>}
            </div>
          )}
        </section>
        <aside className={styles.pane} aria-label="任务窗格" data-testid="task-pane">
          {loaded ? (
            <TaskPane key={loaded.id} host={loaded.host} />
          ) : (
            <div className={styles.empty}>{busy ? <Spinner size="small" /> : null}</div>
          )}
        </aside>
      </main>
    </FluentProvider>
  );
}
