import * as React from 'react';
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { IgnoredFinding } from '../../core/report/review';
import { ruleLabel, useT } from '../i18n';

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  item: { display: 'flex', alignItems: 'flex-start', columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  text: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere', fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  cell: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
  hint: { color: tokens.colorNeutralForeground3, display: 'block', marginBottom: tokens.spacingVerticalS },
});

/** 已忽略（N）: the findings the officer ignored in this workbook, each with 恢复. */
export function IgnoredList(props: { items: IgnoredFinding[]; disabled: boolean; onRestore: (i: IgnoredFinding) => void }): React.JSX.Element | null {
  const styles = useStyles();
  const { t, locale } = useT();
  if (props.items.length === 0) return null;
  return (
    <Accordion collapsible>
      <AccordionItem value="ignored">
        <AccordionHeader as="h2" size="medium">
          {t('findings.ignoredTitle', { count: props.items.length })}
        </AccordionHeader>
        <AccordionPanel>
          <Text size={200} className={styles.hint}>
            {t('findings.ignoredHint')}
          </Text>
          <ul className={styles.list} aria-label={t('findings.ignoredTitle', { count: props.items.length })}>
            {props.items.map((i) => (
              <li key={`${i.sheet}!${i.cell}|${i.rule}`} className={styles.item}>
                <span className={styles.text}>
                  <span className={styles.cell}>
                    {i.sheet}!{i.cell}
                  </span>
                  {ruleLabel(locale, i.rule)}：{i.message}
                </span>
                <Button size="small" disabled={props.disabled} aria-label={t('findings.restoreLabel', { cell: i.cell })} onClick={() => props.onRestore(i)}>
                  {t('findings.restore')}
                </Button>
              </li>
            ))}
          </ul>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
