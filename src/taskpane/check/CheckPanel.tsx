import * as React from 'react';
import {
  Button,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { SpreadsheetHost } from '../../hosts/host';
import type { Finding } from '../../core/types';
import { useT } from '../i18n';
import { PaneSettings, toCheckSettings } from '../settings';
import { BookOutcome, CheckOutcome, CheckPhase, reasonOf, runBookCheck, runSheetCheck } from './runCheck';
import { BookResults } from './BookResults';
import { CheckSummaryView } from './CheckSummaryView';
import { FindingsList } from './FindingsList';
import { SettingsPanel } from './SettingsPanel';

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
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  progress: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
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

/** 校验 tab: check the active sheet, show the summary and the findings, clear the marks, settings. */
export function CheckPanel(props: CheckPanelProps): React.JSX.Element {
  const styles = useStyles();
  const { t } = useT();
  const { host } = props;
  const [status, setStatus] = React.useState<Status>({ kind: 'idle' });
  const [notice, setNotice] = React.useState<{ intent: 'success' | 'warning' | 'error'; text: string } | null>(null);
  const [selected, setSelected] = React.useState<Finding | null>(null);
  const busy = status.kind === 'running' || status.kind === 'clearing';

  const check = async () => {
    if (!host) return;
    setNotice(null);
    setSelected(null);
    setStatus({ kind: 'running', phase: { phase: 'reading', done: 0, total: 0 } });
    let reading = true;
    try {
      const outcome = await runSheetCheck(host, toCheckSettings(props.settings), (phase) => {
        if (phase.phase !== 'reading') reading = false;
        setStatus({ kind: 'running', phase });
      });
      setStatus({ kind: 'done', outcome });
      if (outcome.markError) setNotice({ intent: 'warning', text: t('check.markFailed', { reason: reasonOf(outcome.markError) }) });
    } catch (err) {
      setStatus({ kind: 'failed', message: t(reading ? 'error.read' : 'error.check', { reason: reasonOf(err) }) });
    }
  };

  const checkBook = async () => {
    if (!host) return;
    setNotice(null);
    setSelected(null);
    setStatus({ kind: 'running', phase: { phase: 'reading', done: 0, total: 0 } });
    let reading = true;
    try {
      const book = await runBookCheck(host, toCheckSettings(props.settings), (phase) => {
        if (phase.phase !== 'reading-sheet') reading = false;
        setStatus({ kind: 'running', phase });
      });
      setStatus({ kind: 'book', book });
      if (book.markError) setNotice({ intent: 'warning', text: t('check.markFailed', { reason: reasonOf(book.markError) }) });
    } catch (err) {
      setStatus({ kind: 'failed', message: t(reading ? 'error.read' : 'error.check', { reason: reasonOf(err) }) });
    }
  };

  const clear = async () => {
    if (!host) return;
    const previous = status;
    setStatus({ kind: 'clearing' });
    try {
      const count = await host.clearMarks();
      setNotice({ intent: 'success', text: count ? t('check.cleared', { count }) : t('check.clearedNone') });
    } catch (err) {
      setNotice({ intent: 'error', text: t('error.clear', { reason: reasonOf(err) }) });
    }
    setSelected(null);
    setStatus(previous.kind === 'clearing' || previous.kind === 'running' ? { kind: 'idle' } : previous);
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
      </div>
      {status.kind === 'running' && <Progress phase={status.phase} />}
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
      {status.kind === 'done' && (
        <>
          <CheckSummaryView check={status.outcome.check} />
          <FindingsList check={status.outcome.check} selected={selected} onSelect={(f) => void select(f)} />
        </>
      )}
      {status.kind === 'book' && <BookResults book={status.book} selected={selected} onSelect={(f, sheet, cell) => void select(f, sheet, cell)} />}
      <SettingsPanel settings={props.settings} onChange={props.onSettingsChange} />
    </div>
  );
}

function Progress(props: { phase: CheckPhase }): React.JSX.Element {
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
      </div>
    );
  }
  return (
    <div role="status" aria-live="polite">
      <Spinner size="tiny" labelPosition="after" label={t(p.phase === 'checking' ? 'check.checking' : p.phase === 'cross' ? 'check.cross' : 'check.marking')} />
    </div>
  );
}
