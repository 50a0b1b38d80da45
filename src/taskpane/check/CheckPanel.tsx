import * as React from 'react';
import {
  Button,
  Checkbox,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Switch,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { SpreadsheetHost } from '../../hosts/host';
import type { Finding } from '../../core/types';
import { ignoreKey, splitIgnored, toIgnored, type IgnoredFinding } from '../../core/report/review';
import { useT } from '../i18n';
import { PaneSettings, toCheckSettings } from '../settings';
import { BookOutcome, CheckCancelled, CheckOutcome, CheckPhase, markOutcome, reasonOf, runBookCheck, runSheetCheck } from './runCheck';
import { BookResults } from './BookResults';
import { CheckSummaryView } from './CheckSummaryView';
import { FindingsList } from './FindingsList';
import { IgnoredList } from './IgnoredList';
import { SettingsPanel } from './SettingsPanel';
import { exportReport } from './exportReport';
import { warmCheckWorker } from './engineWorker';

/** After the pane has drawn and read its workbook: the worker's script then loads without delaying either. */
const WARM_WORKER_DELAY_MS = 1500;

const useStyles = makeStyles({
  stack: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  intro: {
    color: tokens.colorNeutralForeground2,
    lineHeight: tokens.lineHeightBase300,
  },
  /** The main buttons stay in view under the tabs while the findings scroll (--jiaohe-tabs-height is set by TaskPane). */
  toolbar: {
    position: 'sticky',
    top: 'var(--jiaohe-tabs-height, 0px)',
    zIndex: 1,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})`,
    marginRight: `calc(-1 * ${tokens.spacingHorizontalM})`,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  toggles: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
  },
  progress: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  cancel: {
    alignSelf: 'flex-start',
  },
  muted: {
    color: tokens.colorNeutralForeground3,
  },
});

/** What a finished check shows: one sheet's outcome, or the whole book's. */
type Result = { kind: 'done'; outcome: CheckOutcome } | { kind: 'book'; book: BookOutcome };

type Status = { kind: 'idle' } | { kind: 'running'; phase: CheckPhase } | { kind: 'clearing' } | Result | { kind: 'failed'; message: string };

export interface CheckPanelProps {
  host: SpreadsheetHost | null;
  settings: PaneSettings;
  onSettingsChange: (s: PaneSettings) => void;
}

/** 校验 tab: check the active sheet, show what was checked and the findings by cause, ignore, export, clear. */
export function CheckPanel(props: CheckPanelProps): React.JSX.Element {
  const styles = useStyles();
  const { t } = useT();
  const { host } = props;
  const [status, setStatus] = React.useState<Status>({ kind: 'idle' });
  const [notice, setNotice] = React.useState<{ intent: 'success' | 'warning' | 'error' | 'info'; text: string } | null>(null);
  const [selected, setSelected] = React.useState<Finding | null>(null);
  const [ignored, setIgnored] = React.useState<IgnoredFinding[]>([]);
  const [showVerified, setShowVerified] = React.useState(false);
  const [hideHints, setHideHints] = React.useState(false);
  const [exporting, setExporting] = React.useState(false);
  const busy = status.kind === 'running' || status.kind === 'clearing' || exporting;

  // The ignored list lives in the workbook (the marks record): read it when the pane opens on a workbook.
  React.useEffect(() => {
    let live = true;
    host
      ?.readIgnored()
      .then((list) => live && setIgnored(list))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [host]);

  // The check worker loads while the officer reads the sheet, not after the first click (on a host, once idle).
  React.useEffect(() => {
    if (!host) return;
    const timer = setTimeout(warmCheckWorker, WARM_WORKER_DELAY_MS);
    return () => clearTimeout(timer);
  }, [host]);

  const running = React.useRef<AbortController | null>(null);

  /**
   * One check at a time, the sheet's or the book's: progress with 取消, then the result, or the 已取消 notice, or
   * one line saying whether reading or checking failed.
   */
  const run = async (job: (host: SpreadsheetHost, stored: IgnoredFinding[], onPhase: (p: CheckPhase) => void, signal: AbortSignal) => Promise<Result>) => {
    if (!host) return;
    const abort = new AbortController();
    running.current = abort;
    setNotice(null);
    setSelected(null);
    setStatus({ kind: 'running', phase: { phase: 'reading', done: 0, total: 0 } });
    let reading = true;
    const onPhase = (phase: CheckPhase) => {
      if (phase.phase !== 'reading' && phase.phase !== 'reading-sheet') reading = false;
      setStatus({ kind: 'running', phase });
    };
    try {
      const stored = await host.readIgnored().catch(() => ignored);
      setIgnored(stored);
      const result = await job(host, stored, onPhase, abort.signal);
      setStatus(result);
      const markError = result.kind === 'done' ? result.outcome.markError : result.book.markError;
      if (markError) setNotice({ intent: 'warning', text: t('check.markFailed', { reason: reasonOf(markError) }) });
    } catch (err) {
      if (err instanceof CheckCancelled) {
        setStatus({ kind: 'idle' });
        setNotice({ intent: 'info', text: t('check.cancelled') });
      } else {
        setStatus({ kind: 'failed', message: t(reading ? 'error.read' : 'error.check', { reason: reasonOf(err) }) });
      }
    } finally {
      if (running.current === abort) running.current = null;
    }
  };

  /** 校验当前工作表. */
  const check = () =>
    run(async (h, stored, onPhase, signal) => ({
      kind: 'done',
      outcome: await runSheetCheck(h, toCheckSettings(props.settings), onPhase, { ignored: stored, showVerified, signal }),
    }));

  /** 校验整个工作簿: every sheet, then the cross-table rules among all their tables. */
  const checkBook = () =>
    run(async (h, stored, onPhase, signal) => ({ kind: 'book', book: await runBookCheck(h, toCheckSettings(props.settings), onPhase, { ignored: stored, signal }) }));

  /** 清除标记: the cells back as they were, and the list with them (it described marks that are gone). */
  const clear = async () => {
    if (!host) return;
    setStatus({ kind: 'clearing' });
    try {
      const count = await host.clearMarks();
      setNotice({ intent: 'success', text: `${count ? t('check.cleared', { count }) : t('check.clearedNone')} ${t('check.listCleared')}` });
    } catch (err) {
      setNotice({ intent: 'error', text: t('error.clear', { reason: reasonOf(err) }) });
    }
    setSelected(null);
    setStatus({ kind: 'idle' });
  };

  /** The outcome again after the ignored list or the 显示已核对 toggle changed: list and marks follow. */
  const remark = async (outcome: CheckOutcome, list: IgnoredFinding[], verified: boolean) => {
    if (!host) return;
    const split = splitIgnored(outcome.check.findings, list);
    const next = await markOutcome(host, { ...outcome, kept: split.kept, ignored: split.ignored }, verified);
    setStatus({ kind: 'done', outcome: next });
    if (next.markError) setNotice({ intent: 'warning', text: t('check.markFailed', { reason: reasonOf(next.markError) }) });
  };

  const saveIgnored = async (list: IgnoredFinding[]) => {
    if (!host) return;
    try {
      await host.writeIgnored(list);
      setIgnored(list);
      if (status.kind === 'done') await remark(status.outcome, list, showVerified);
    } catch (err) {
      setNotice({ intent: 'error', text: t('error.ignore', { reason: reasonOf(err) }) });
    }
  };

  const ignore = (f: Finding) => {
    if (selected === f) setSelected(null);
    const key = ignoreKey(f);
    return saveIgnored([...ignored.filter((i) => ignoreKey(i) !== key), toIgnored(f)]);
  };
  const restore = (item: IgnoredFinding) => saveIgnored(ignored.filter((i) => ignoreKey(i) !== ignoreKey(item)));

  const toggleVerified = async (on: boolean) => {
    setShowVerified(on);
    if (status.kind === 'done') await remark(status.outcome, ignored, on);
  };

  const doExport = async () => {
    if (!host || (status.kind !== 'done' && status.kind !== 'book')) return;
    setExporting(true);
    try {
      const r = await exportReport(host, status.kind === 'done' ? { sheet: status.outcome } : { book: status.book, ignored });
      setNotice({
        intent: 'success',
        text: r.kind === 'download' ? t('check.exported', { name: r.name }) : t('check.exportedSheets', { names: r.names.join('、') }),
      });
    } catch (err) {
      setNotice({ intent: 'error', text: t('error.export', { reason: reasonOf(err) }) });
    } finally {
      setExporting(false);
    }
  };

  const select = async (f: Finding, sheet = f.sheet, cell = f.cell) => {
    if (!host) return;
    setSelected(f);
    try {
      await host.selectCell(sheet, cell);
    } catch (err) {
      setNotice({ intent: 'error', text: t('error.select', { reason: reasonOf(err) }) });
    }
  };

  const outcome = status.kind === 'done' ? status.outcome : null;
  const hiddenHints = outcome && hideHints ? outcome.kept.filter((f) => f.severity === 'hint').length : 0;

  return (
    <div className={styles.stack}>
      {!host && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('error.noHost')}</MessageBarBody>
        </MessageBar>
      )}
      <Text as="p" size={200} className={styles.intro} block>
        {t('check.intro')}
      </Text>
      <div className={styles.toolbar}>
        <div className={styles.actions}>
          <Button appearance="primary" disabled={!host || busy} onClick={() => void check()}>
            {t('check.run')}
          </Button>
          {host?.readAllSheets && (
            <Button disabled={busy} onClick={() => void checkBook()}>
              {t('check.runBook')}
            </Button>
          )}
          <Button disabled={!host || busy} onClick={() => void clear()}>
            {t('check.clear')}
          </Button>
          <Button disabled={!host || busy || (!outcome && status.kind !== 'book')} onClick={() => void doExport()}>
            {t('check.export')}
          </Button>
        </div>
        <div className={styles.toggles}>
          <Switch
            label={t('check.showVerified')}
            title={t('check.showVerifiedHint')}
            checked={showVerified}
            disabled={!host || busy}
            onChange={(_e, d) => void toggleVerified(d.checked)}
          />
          <Checkbox label={t('check.hideHints')} checked={hideHints} onChange={(_e, d) => setHideHints(!!d.checked)} />
        </div>
      </div>
      <SettingsPanel settings={props.settings} onChange={props.onSettingsChange} />
      {status.kind === 'running' && <Progress phase={status.phase} onCancel={() => running.current?.abort()} />}
      {status.kind === 'clearing' && <Spinner size="tiny" labelPosition="after" label={t('check.clearing')} />}
      {notice && (
        <MessageBar intent={notice.intent}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {status.kind === 'failed' && (
        <MessageBar intent="error">
          <MessageBarBody>{status.message}</MessageBarBody>
        </MessageBar>
      )}
      {status.kind === 'idle' && host && (
        <Text size={200} className={styles.muted}>
          {t('empty.notChecked')}
        </Text>
      )}
      {outcome && (
        <>
          <CheckSummaryView outcome={outcome} />
          {hiddenHints > 0 && (
            <Text size={200} className={styles.muted}>
              {t('findings.hiddenHints', { count: hiddenHints })}
            </Text>
          )}
          <FindingsList
            tables={outcome.check.tables}
            findings={outcome.kept}
            hideHints={hideHints}
            selected={selected}
            onSelect={(f) => void select(f)}
            onIgnore={(f) => void ignore(f)}
          />
        </>
      )}
      {status.kind === 'book' && (
        <BookResults
          book={status.book}
          hideHints={hideHints}
          selected={selected}
          onSelect={(f, sheet, cell) => void select(f, sheet, cell)}
          onIgnore={(f) => void ignore(f)}
        />
      )}
      <IgnoredList items={ignored} disabled={!host || busy} onRestore={(i) => void restore(i)} />
    </div>
  );
}

/** Where a check is: a bar when its share is known, else a spinner; 取消 until the marking starts. */
function Progress(props: { phase: CheckPhase; onCancel: () => void }): React.JSX.Element {
  const styles = useStyles();
  const { t } = useT();
  const p = props.phase;
  let label: string;
  let share: number | undefined;
  if (p.phase === 'reading-sheet' || p.phase === 'checking-sheet') {
    label = t(p.phase === 'reading-sheet' ? 'check.readingSheet' : 'check.checkingSheet', { index: p.index, total: p.total, sheet: p.sheet });
    share = (p.index - (p.phase === 'reading-sheet' ? 1 : 0.5)) / Math.max(1, p.total);
  } else if (p.phase === 'reading' && p.total > 0) {
    label = t('check.reading', { done: p.done, total: p.total });
    share = p.done / p.total;
  } else {
    label = t(p.phase === 'marking' ? 'check.marking' : p.phase === 'cross' ? 'check.cross' : 'check.checking');
  }
  return (
    <div className={styles.progress} role="status" aria-live="polite">
      {share === undefined ? <Spinner size="tiny" labelPosition="after" label={label} /> : <ProgressBar value={share} thickness="large" />}
      {share !== undefined && <Text size={200}>{label}</Text>}
      {p.phase !== 'marking' && (
        <Button size="small" className={styles.cancel} onClick={props.onCancel}>
          {t('check.cancel')}
        </Button>
      )}
    </div>
  );
}
