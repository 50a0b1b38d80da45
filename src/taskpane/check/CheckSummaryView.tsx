import * as React from 'react';
import { Badge, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { TableCoverage } from '../../core/report/review';
import type { Finding } from '../../core/types';
import { kindLabel, ruleLabel, useT, type I18n } from '../i18n';
import { CheckOutcome, headline, summarizeCheck } from './runCheck';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  line: {
    lineHeight: tokens.lineHeightBase300,
  },
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  chip: {
    maxWidth: '100%',
  },
  label: {
    color: tokens.colorNeutralForeground3,
  },
  tables: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
});

/** A rule's chip takes the colour of its worst finding: red for 错误, yellow for 疑似, blue for 提示 only. */
function ruleColor(findings: readonly Finding[], rule: string): 'danger' | 'warning' | 'informative' {
  const grades = new Set(findings.filter((f) => f.rule === rule).map((f) => f.severity));
  return grades.has('error') ? 'danger' : grades.has('warning') ? 'warning' : 'informative';
}

/** One table's line: what was verified and failed, and what was not checked and why. */
export function coverageText(c: TableCoverage, kind: string, t: I18n['t']): string {
  const parts: string[] = [];
  if (kind === 'performance') parts.push(t('coverage.perf'));
  else if (c.nothingChecked) parts.push(t('coverage.none'));
  else parts.push(t('coverage.checked', { total: c.verified + c.failed, verified: c.verified, failed: c.failed }));
  if (c.notChecked.length) parts.push(t('coverage.notChecked', { list: c.notChecked.map((n) => `${n.what}（${n.reason}）`).join('；') }));
  return parts.join('；');
}

/** Tables found by kind, what was checked per table, and findings by rule, in one short block. */
export function CheckSummaryView(props: { outcome: CheckOutcome }): React.JSX.Element {
  const styles = useStyles();
  const { t, locale } = useT();
  const { outcome } = props;
  const check = outcome.check;
  const s = summarizeCheck({ tables: check.tables, findings: outcome.kept });
  const head = headline(outcome);
  return (
    <section className={styles.root} aria-labelledby="jiaohe-summary-heading">
      <h2 id="jiaohe-summary-heading" className={styles.heading}>
        {t('summary.title')} · {t('summary.sheet', { sheet: check.name })}
      </h2>
      {check.notice && (
        <MessageBar intent="info">
          <MessageBarBody>{check.notice}</MessageBarBody>
        </MessageBar>
      )}
      {check.catalog?.note && (
        <MessageBar intent="info">
          <MessageBarBody>{check.catalog.note}</MessageBarBody>
        </MessageBar>
      )}
      {s.tables > 0 && <Text className={styles.line}>{t('summary.tables', { count: s.tables })}</Text>}
      {s.byKind.length > 0 && (
        <ul className={styles.chips} aria-label={t('summary.byKind')}>
          {s.byKind.map((k) => (
            <li key={k.kind} className={styles.chip}>
              <Badge appearance="tint" color="informative" shape="rounded">
                {kindLabel(locale, k.kind)} {k.count}
              </Badge>
            </li>
          ))}
        </ul>
      )}
      {check.tables.length > 0 && (
        <ul className={styles.tables} aria-label={t('summary.perTable')}>
          {check.tables.map((table, i) => (
            <li key={i}>
              {table.title ?? table.range}：{coverageText(outcome.tables[i].coverage, table.kind, t)}
            </li>
          ))}
        </ul>
      )}
      <Text className={styles.line} weight="semibold" role="status">
        {t(head.key, head.vars)}
        {outcome.ignored.length > 0 && ` ${t('summary.ignored', { count: outcome.ignored.length })}`}
      </Text>
      {s.byRule.length > 0 && (
        <ul className={styles.chips} aria-label={t('summary.byRule')}>
          {s.byRule.map((r) => (
            <li key={r.rule} className={styles.chip}>
              <Badge appearance="tint" color={ruleColor(outcome.kept, r.rule)} shape="rounded">
                {ruleLabel(locale, r.rule)} {r.count}
              </Badge>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
