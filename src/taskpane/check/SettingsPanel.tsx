import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Field,
  Input,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { LOCALES, Locale, translate, useT } from '../i18n';
import { CATALOG_YEARS, PaneSettings, isValidTolerance } from '../settings';

const useStyles = makeStyles({
  accordion: {
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    marginTop: tokens.spacingVerticalS,
  },
  fields: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalM,
    minWidth: 0,
  },
  control: {
    width: '100%',
    maxWidth: '100%',
    minWidth: 0,
  },
});

export interface SettingsPanelProps {
  settings: PaneSettings;
  onChange: (s: PaneSettings) => void;
}

/** Rounding tolerance, weights total, catalog year and language; saved by the caller. */
export function SettingsPanel(props: SettingsPanelProps): React.JSX.Element {
  const styles = useStyles();
  const { t } = useT();
  const s = props.settings;
  const [toleranceText, setToleranceText] = React.useState(s.tolerance);
  const toleranceOk = isValidTolerance(toleranceText);

  React.useEffect(() => setToleranceText(s.tolerance), [s.tolerance]);

  return (
    <Accordion collapsible className={styles.accordion}>
      <AccordionItem value="settings">
        <AccordionHeader as="h2" size="medium">
          {t('settings.title')}
        </AccordionHeader>
        <AccordionPanel>
          <div className={styles.fields}>
            <Field
              label={t('settings.tolerance')}
              hint={t('settings.toleranceHint')}
              validationState={toleranceOk ? 'none' : 'error'}
              validationMessage={toleranceOk ? undefined : t('settings.toleranceInvalid')}
            >
              <Input
                className={styles.control}
                inputMode="decimal"
                value={toleranceText}
                onChange={(_e, d) => {
                  setToleranceText(d.value);
                  if (isValidTolerance(d.value)) props.onChange({ ...s, tolerance: d.value.trim() });
                }}
              />
            </Field>
            <Field label={t('settings.weights')}>
              <Select
                className={styles.control}
                value={String(s.weightsTotal)}
                onChange={(_e, d) =>
                  props.onChange({ ...s, weightsTotal: d.value === 'auto' ? 'auto' : (Number(d.value) as 90 | 100) })
                }
              >
                <option value="90">90</option>
                <option value="100">100</option>
                <option value="auto">{t('settings.weightsAuto')}</option>
              </Select>
            </Field>
            <Field label={t('settings.catalogYear')}>
              <Select
                className={styles.control}
                value={String(s.catalogYear)}
                onChange={(_e, d) => props.onChange({ ...s, catalogYear: Number(d.value) })}
              >
                {CATALOG_YEARS.map((y) => (
                  <option key={y} value={y}>
                    {y === 0 ? t('settings.catalogYearAuto') : y}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t('settings.language')}>
              <Select
                className={styles.control}
                value={s.locale ?? ''}
                onChange={(_e, d) => props.onChange({ ...s, locale: d.value ? (d.value as Locale) : undefined })}
              >
                <option value="">{t('settings.languageAuto')}</option>
                {LOCALES.map((l) => (
                  <option key={l} value={l}>
                    {translate(l, `lang.${l}`)}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
