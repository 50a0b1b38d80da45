import * as React from 'react';
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  SelectTabData,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { SpreadsheetHost } from '../hosts/host';
import { CatalogPanel } from './catalog/CatalogPanel';
import { PerfPanel } from './perf/PerfPanel';
import { CheckPanel } from './check/CheckPanel';
import { I18nProvider, Locale, detectLocale, translate } from './i18n';
import { PaneSettings, loadSettings, saveSettings, toCheckSettings } from './settings';
import { jiaoheTheme } from './theme';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: '100%',
    minWidth: 0,
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  /** The tabs stay in view while a long findings list scrolls. */
  tabs: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground1,
    flexShrink: 0,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  panel: {
    flexGrow: 1,
    minWidth: 0,
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalL,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    overflowWrap: 'anywhere',
  },
});

type TabValue = 'check' | 'catalog' | 'perf';

export interface TaskPaneProps {
  /** The spreadsheet the pane works on; null when the environment has none (plain browser, failed start-up). */
  host: SpreadsheetHost | null;
  /** Overrides the language detected from Office / the browser (tests). A language chosen in settings wins. */
  locale?: Locale;
  className?: string;
}

/** The task pane: the same component in Excel, in WPS and beside the demo grid. */
export function TaskPane(props: TaskPaneProps): React.JSX.Element {
  const styles = useStyles();
  const [settings, setSettings] = React.useState<PaneSettings>(() => loadSettings());
  const [tab, setTab] = React.useState<TabValue>('check');
  const locale: Locale = settings.locale ?? props.locale ?? detectLocale();
  const checkSettings = React.useMemo(() => toCheckSettings(settings), [settings]);

  const updateSettings = React.useCallback((next: PaneSettings) => {
    setSettings(next);
    saveSettings(next);
  }, []);

  React.useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  // The tab bar's height, for the panels' own sticky bars (--jiaohe-tabs-height).
  const rootRef = React.useRef<HTMLDivElement>(null);
  const tabsRef = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    const tabs = tabsRef.current;
    const root = rootRef.current;
    if (!tabs || !root) return;
    const update = () => root.style.setProperty('--jiaohe-tabs-height', `${tabs.offsetHeight}px`);
    update();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(update);
    observer.observe(tabs);
    return () => observer.disconnect();
  }, []);
  const panelId = (v: TabValue) => `jiaohe-panel-${v}`;
  const host = props.host;

  return (
    <FluentProvider ref={rootRef} theme={jiaoheTheme} className={[styles.root, props.className].filter(Boolean).join(' ')}>
      <I18nProvider locale={locale}>
        <TabList
          ref={tabsRef}
          className={styles.tabs}
          aria-label={t('tabs.label')}
          selectedValue={tab}
          onTabSelect={(_e, data: SelectTabData) => setTab(data.value as TabValue)}
        >
          <Tab value="check" id="jiaohe-tab-check" aria-controls={panelId('check')}>
            {t('tab.check')}
          </Tab>
          <Tab value="catalog" id="jiaohe-tab-catalog" aria-controls={panelId('catalog')}>
            {t('tab.catalog')}
          </Tab>
          <Tab value="perf" id="jiaohe-tab-perf" aria-controls={panelId('perf')}>
            {t('tab.perf')}
          </Tab>
        </TabList>
        {/* Panels stay mounted while hidden so a result is still there after a look at another tab. */}
        <div role="tabpanel" id={panelId('check')} aria-labelledby="jiaohe-tab-check" hidden={tab !== 'check'} className={styles.panel}>
          <CheckPanel host={host} settings={settings} onSettingsChange={updateSettings} />
        </div>
        <div role="tabpanel" id={panelId('catalog')} aria-labelledby="jiaohe-tab-catalog" hidden={tab !== 'catalog'} className={styles.panel}>
          {host ? <CatalogPanel host={host} settings={checkSettings} locale={locale} /> : <NoHost text={t('error.noHost')} />}
        </div>
        <div role="tabpanel" id={panelId('perf')} aria-labelledby="jiaohe-tab-perf" hidden={tab !== 'perf'} className={styles.panel}>
          {host ? <PerfPanel host={host} settings={checkSettings} locale={locale} /> : <NoHost text={t('error.noHost')} />}
        </div>
      </I18nProvider>
    </FluentProvider>
  );
}

function NoHost(props: { text: string }): React.JSX.Element {
  return (
    <MessageBar intent="warning">
      <MessageBarBody>{props.text}</MessageBarBody>
    </MessageBar>
  );
}
