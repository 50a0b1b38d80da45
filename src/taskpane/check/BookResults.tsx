import * as React from 'react';
import { Badge, Button, MessageBar, MessageBarBody, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { CrossTableReport, CrossTableRule, Finding } from '../../core/types';
import { ruleLabel, useT } from '../i18n';
import { FindingsList } from './FindingsList';
import type { BookOutcome } from './runCheck';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  rule: { display: 'flex', columnGap: tokens.spacingHorizontalXS, alignItems: 'baseline', fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  reason: { color: tokens.colorNeutralForeground3 },
  // The status stays one word on one line beside a long rule; the rule's text wraps instead.
  status: { flexShrink: 0, whiteSpace: 'nowrap' },
  finding: {
    padding: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeft: `3px solid ${tokens.colorPaletteRedBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    overflowWrap: 'anywhere',
  },
  mild: { borderLeft: `3px solid ${tokens.colorPaletteMarigoldBorder2}` },
  selected: { backgroundColor: tokens.colorBrandBackground2 },
  sides: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
});

export interface BookResultsProps {
  book: BookOutcome;
  hideHints: boolean;
  selected: Finding | null;
  onIgnore: (f: Finding) => void;
  /** Select a cell: the finding, and which of its sides (the other side of an xref finding, or its own cell). */
  onSelect: (f: Finding, sheet: string, cell: string) => void;
}

/** 校验整个工作簿: the cross-table rules (reviewers check 勾稽关系 first) and their findings, then each sheet's. */
export function BookResults(props: BookResultsProps): React.JSX.Element {
  const styles = useStyles();
  const { t } = useT();
  const { book } = props;
  const within = book.sheets.reduce((n, s) => n + s.findings.length, 0);
  const cross = book.crossTable?.findings.length ?? 0;
  return (
    <section className={styles.root} data-testid="book-results">
      <Text weight="semibold" role="status">
        {t('book.summary', { sheets: book.sheets.filter((s) => !s.unread).length, within, cross })}
      </Text>
      {book.catalog?.note && (
        <MessageBar intent="info">
          <MessageBarBody>{book.catalog.note}</MessageBarBody>
        </MessageBar>
      )}
      {book.sheets
        .filter((s) => s.notice)
        .map((s) => (
          <MessageBar key={`notice-${s.name}`} intent={s.unread ? 'warning' : 'info'}>
            <MessageBarBody>{t('book.sheetNotice', { sheet: s.name, notice: s.notice! })}</MessageBarBody>
          </MessageBar>
        ))}
      {book.crossTable ? (
        <CrossTable report={book.crossTable} selected={props.selected} onSelect={props.onSelect} />
      ) : (
        <Text size={200}>{t('book.noRoles')}</Text>
      )}
      {book.sheets
        .filter((s) => s.findings.length > 0)
        .map((s) => (
          <div key={s.name} data-sheet={s.name}>
            <h3 className={styles.heading}>{t('book.sheet', { sheet: s.name, count: s.findings.length })}</h3>
            <FindingsList
              tables={s.tables}
              findings={s.findings}
              hideHints={props.hideHints}
              selected={props.selected}
              onSelect={(f) => props.onSelect(f, f.sheet, f.cell)}
              onIgnore={props.onIgnore}
            />
          </div>
        ))}
    </section>
  );
}

function CrossTable(props: { report: CrossTableReport; selected: Finding | null; onSelect: BookResultsProps['onSelect'] }): React.JSX.Element {
  const styles = useStyles();
  const { t, locale } = useT();
  const { rules, findings } = props.report;
  const count = (s: CrossTableRule['status']) => rules.filter((r) => r.status === s).length;
  return (
    <div className={styles.root} data-testid="cross-table">
      <h3 className={styles.heading}>{t('book.cross')}</h3>
      <Text size={200}>
        {t('book.rules', { total: rules.length, passed: count('passed'), failed: count('failed'), na: count('not-applicable') })}
      </Text>
      {findings.length > 0 && (
        <ul className={styles.list} aria-label={t('book.cross')}>
          {findings.map((f, i) => (
            <li
              key={`${f.sheet}!${f.cell}-${i}`}
              className={mergeClasses(styles.finding, f.severity !== 'error' && styles.mild, props.selected === f && styles.selected)}
              data-rule={f.rule}
            >
              <span>
                <Badge appearance="outline" color={f.severity === 'error' ? 'danger' : 'warning'} size="small">
                  {ruleLabel(locale, f.rule)}
                </Badge>{' '}
                {f.message}
              </span>
              {f.derivedFrom && <Text size={200}>{t('book.derived', { cell: f.derivedFrom })}</Text>}
              <span className={styles.sides}>
                <Button size="small" data-side="cell" onClick={() => props.onSelect(f, f.sheet, f.cell)}>
                  {t('findings.goto', { cell: `${f.sheet}!${f.cell}` })}
                </Button>
                {f.other && (
                  <Button size="small" data-side="other" onClick={() => props.onSelect(f, f.other!.sheet, f.other!.cell)}>
                    {t('findings.goto', { cell: `${f.other.sheet}!${f.other.cell}` })}
                  </Button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      <ul className={styles.list} data-testid="cross-rules">
        {rules.map((r) => (
          <li key={r.id ?? r.name} className={styles.rule} data-status={r.status} data-rule-id={r.id}>
            <Badge className={styles.status} appearance="tint" size="small" color={r.status === 'failed' ? 'danger' : r.status === 'passed' ? 'success' : 'informative'}>
              {t(`book.status.${r.status}`)}
            </Badge>
            <span>
              {r.name}
              {r.reason && <span className={styles.reason}>（{r.reason}）</span>}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
