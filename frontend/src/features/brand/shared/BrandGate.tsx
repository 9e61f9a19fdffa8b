import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorState, LoadingState } from '../../../components/QueryState';
import { resolveLocalized, type LocalizedText } from '../../../lib/localized';
import type { Brand } from '../../../lib/queries';
import { canManageBrand } from '../brandForm';
import { useSettings, type BrandSettings } from '../data';
import { useCurrentBrand } from '../useBrand';

export interface BrandContext {
  brand: Brand;
  settings: BrandSettings;
  /** Owners and admins change settings; staff edit catalog data only. */
  canAdmin: boolean;
  languages: string[];
  defaultLanguage: string;
  currencies: string[];
  /** A brand text in the UI language, else the brand's default language. */
  text: (texts: LocalizedText | null | undefined) => string;
}

/** Waits for the brand and its commerce settings, which every admin page builds on. */
export function BrandGate({ children }: { children: (context: BrandContext) => ReactNode }) {
  const { i18n } = useTranslation();
  const brand = useCurrentBrand();
  const settings = useSettings(brand.data?.id ?? '');
  if (brand.isPending || (brand.isSuccess && settings.isPending)) return <LoadingState />;
  if (brand.isError) return <ErrorState error={brand.error} onRetry={() => void brand.refetch()} />;
  if (settings.isError) {
    return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  }
  if (!settings.data) return <LoadingState />;
  const defaultLanguage = settings.data.default_language;
  return children({
    brand: brand.data,
    settings: settings.data,
    canAdmin: canManageBrand(brand.data.my_role),
    languages: settings.data.languages,
    defaultLanguage,
    currencies: settings.data.currencies,
    text: (texts) => resolveLocalized(texts, i18n.language, defaultLanguage),
  });
}
