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

type Status =
  | { kind: 'idle' }
  | { kind: 'running'; phase: CheckPhase }
  | { kind: 'clearing' }
  | { kind: 'done'; outcome: CheckOutcome }
  | { kind: 'book'; book: BookOutcome }
  | { kind: 'failed'; message: string };

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

  const running = React.useRef<AbortController | null>(null);

  const check = async () => {
    if (!host) return;
    const abort = new AbortController();
    running.current = abort;
    setNotice(null);
    setSelected(null);
    setStatus({ kind: 'running', phase: { phase: 'reading', done: 0, total: 0 } });
    let reading = true;
    try {
      const stored = await host.readIgnored().catch(() => ignored);
      setIgnored(stored);
      const outcome = await runSheetCheck(
        host,
        toCheckSettings(props.settings),
        (phase) => {
          if (phase.phase !== 'reading') reading = false;
          setStatus({ kind: 'running', phase });
        },
        { ignored: stored, showVerified, signal: abort.signal },
      );
      setStatus({ kind: 'done', outcome });
      if (outcome.markError) setNotice({ intent: 'warning', text: t('check.markFailed', { reason: reasonOf(outcome.markError) }) });
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

  /** 校验整个工作簿: every sheet, then the cross-table rules among all their tables. */
  const checkBook = async () => {
    if (!host) return;
    setNotice(null);
    setSelected(null);
    setStatus({ kind: 'running', phase: { phase: 'reading', done: 0, total: 0 } });
    let reading = true;
    try {
      const stored = await host.readIgnored().catch(() => ignored);
      setIgnored(stored);
      const book = await runBookCheck(
        host,
        toCheckSettings(props.settings),
        (phase) => {
          if (phase.phase !== 'reading-sheet') reading = false;
          setStatus({ kind: 'running', phase });
        },
        { ignored: stored },
      );
      setStatus({ kind: 'book', book });
      if (book.markError) setNotice({ intent: 'warning', text: t('check.markFailed', { reason: reasonOf(book.markError) }) });
    } catch (err) {
      setStatus({ kind: 'failed', message: t(reading ? 'error.read' : 'error.check', { reason: reasonOf(err) }) });
    }
  };

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

function Progress(props: { phase: CheckPhase; onCancel: () => void }): React.JSX.Element {
  const styles = useStyles();
  const { t } = useT();
  const p = props.phase;
  if (p.phase === 'reading-sheet' || p.phase === 'checking-sheet') {
    const label = t(p.phase === 'reading-sheet' ? 'check.readingSheet' : 'check.checkingSheet', { index: p.index, total: p.total, sheet: p.sheet });
    return (
      <div className={styles.progress} role="status" aria-live="polite">
        <ProgressBar value={(p.index - (p.phase === 'reading-sheet' ? 1 : 0.5)) / Math.max(1, p.total)} thickness="large" />
        <Text size={200}>{label}</Text>
      </div>
    );
  }
  if (p.phase === 'reading') {
    const label = p.total > 0 ? t('check.reading', { done: p.done, total: p.total }) : t('check.checking');
    return (
      <div className={styles.progress} role="status" aria-live="polite">
        <ProgressBar value={p.total > 0 ? p.done / p.total : undefined} thickness="large" />
        <Text size={200}>{label}</Text>
        <Button size="small" className={styles.cancel} onClick={props.onCancel}>
          {t('check.cancel')}
        </Button>
      </div>
    );
  }
  return (
    <div role="status" aria-live="polite" className={styles.progress}>
      <Spinner size="tiny" labelPosition="after" label={t(p.phase === 'checking' ? 'check.checking' : p.phase === 'cross' ? 'check.cross' : 'check.marking')} />
      {p.phase === 'checking' && (
        <Button size="small" className={styles.cancel} onClick={props.onCancel}>
          {t('check.cancel')}
        </Button>
      )}
    </div>
  );
}
