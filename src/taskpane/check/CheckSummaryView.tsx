import * as React from 'react';
import { Badge, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { SheetCheck } from '../../core/engine';
import { kindLabel, ruleLabel, useT } from '../i18n';
import { summarizeCheck } from './runCheck';

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
});

/** Tables found by kind and findings by rule, in one short block. */
export function CheckSummaryView(props: { check: SheetCheck }): React.JSX.Element {
  const styles = useStyles();
  const { t, locale } = useT();
  const s = summarizeCheck(props.check);
  return (
    <section className={styles.root} aria-labelledby="jiaohe-summary-heading">
      <h2 id="jiaohe-summary-heading" className={styles.heading}>
        {t('summary.title')} · {t('summary.sheet', { sheet: props.check.name })}
      </h2>
      {props.check.notice && (
        <MessageBar intent="info">
          <MessageBarBody>{props.check.notice}</MessageBarBody>
        </MessageBar>
      )}
      <Text className={styles.line}>{s.tables ? t('summary.tables', { count: s.tables }) : t('summary.noTables')}</Text>
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
      <Text className={styles.line} weight="semibold">
        {s.findings ? t('summary.findings', { count: s.findings }) : t('summary.ok')}
      </Text>
      {s.byRule.length > 0 && (
        <ul className={styles.chips} aria-label={t('summary.byRule')}>
          {s.byRule.map((r) => (
            <li key={r.rule} className={styles.chip}>
              <Badge appearance="tint" color="danger" shape="rounded">
                {ruleLabel(locale, r.rule)} {r.count}
              </Badge>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
