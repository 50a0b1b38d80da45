import * as React from 'react';
import type { SpreadsheetHost } from '../../hosts/host';
import type { CheckSettings } from '../../core/types';

export interface CatalogPanelProps {
  host: SpreadsheetHost;
  settings: CheckSettings;
  locale: 'zh-CN' | 'en-US';
}

/** 科目 tab (placeholder until the catalog panel lands). */
export function CatalogPanel(_props: CatalogPanelProps): React.JSX.Element {
  return <div />;
}
