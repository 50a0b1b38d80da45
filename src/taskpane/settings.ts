import { CheckSettings, DEFAULT_SETTINGS } from '../core/types';
import { Decimal } from '../core/money';
import { Locale, LOCALES } from './i18n';

/** What the officer sets in the pane; kept in localStorage between sessions. */
export interface PaneSettings {
  /** Decimal text, e.g. "0" or "0.01". */
  tolerance: string;
  weightsTotal: 90 | 100 | 'auto';
  catalogYear: number;
  /** Undefined: follow Office's / the browser's language. */
  locale?: Locale;
}

/** The catalog years the pane offers; 0: the year of the sheet's title (按表题年度), the default. */
export const CATALOG_YEARS: readonly number[] = [0, 2024, 2025, 2026];
export const STORAGE_KEY = 'jiaohe.settings.v1';

export const DEFAULT_PANE_SETTINGS: PaneSettings = {
  tolerance: DEFAULT_SETTINGS.tolerance,
  weightsTotal: 'auto',
  catalogYear: DEFAULT_SETTINGS.catalogYear,
};

/** A tolerance the engine accepts: a finite, non-negative decimal. */
export function isValidTolerance(text: string): boolean {
  const s = text.trim();
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(s)) return false;
  try {
    return new Decimal(s).gte(0);
  } catch {
    return false;
  }
}

/** Whatever was stored (possibly by an older version, or edited by hand) → settings that are all valid. */
export function sanitizeSettings(raw: unknown): PaneSettings {
  const out: PaneSettings = { ...DEFAULT_PANE_SETTINGS };
  if (!raw || typeof raw !== 'object') return out;
  const o = raw as Record<string, unknown>;
  if (typeof o.tolerance === 'string' && isValidTolerance(o.tolerance)) out.tolerance = o.tolerance.trim();
  if (o.weightsTotal === 90 || o.weightsTotal === 100 || o.weightsTotal === 'auto') out.weightsTotal = o.weightsTotal;
  if (typeof o.catalogYear === 'number' && CATALOG_YEARS.includes(o.catalogYear)) out.catalogYear = o.catalogYear;
  if (typeof o.locale === 'string' && (LOCALES as readonly string[]).includes(o.locale)) out.locale = o.locale as Locale;
  return out;
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

function defaultStorage(): StorageLike | null {
  try {
    return typeof localStorage !== 'undefined' ? localStorage : null;
  } catch {
    // Some embedded browsers throw on access when storage is disabled.
    return null;
  }
}

export function loadSettings(storage: StorageLike | null = defaultStorage()): PaneSettings {
  if (!storage) return { ...DEFAULT_PANE_SETTINGS };
  try {
    const text = storage.getItem(STORAGE_KEY);
    return sanitizeSettings(text ? JSON.parse(text) : null);
  } catch {
    return { ...DEFAULT_PANE_SETTINGS };
  }
}

export function saveSettings(settings: PaneSettings, storage: StorageLike | null = defaultStorage()): void {
  if (!storage) return;
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(settings));
  } catch {
    // Quota or disabled storage: the settings still apply for this session.
  }
}

/** The engine's settings for these pane settings. */
export function toCheckSettings(s: PaneSettings): CheckSettings {
  return {
    ...DEFAULT_SETTINGS,
    tolerance: s.tolerance,
    weightsTotal: s.weightsTotal,
    catalogYear: s.catalogYear,
    rules: { ...DEFAULT_SETTINGS.rules },
  };
}
