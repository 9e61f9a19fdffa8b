import { Tabs, Text } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

import { SETTINGS_TABS, type SettingsTab } from '../../../app/search';
import { BrandGate } from '../shared/BrandGate';
import { CategoriesSection } from './CategoriesSection';
import { CommerceSettingsForm } from './CommerceSettingsForm';
import { ShippingSection } from './ShippingSection';
import { TaxRatesSection } from './TaxRatesSection';
import { TransactionTermsSection } from './TransactionTermsSection';

const route = getRouteApi('/_authenticated/brand/$brandId/settings');

/** Settings: commerce settings, Transaction Terms, tax rates, shipping and categories. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { tab } = route.useSearch();
  const { brandId } = route.useParams();
  const navigate = useNavigate();
  const titles: Record<SettingsTab, string> = {
    commerce: t('settings.tabs.commerce'),
    terms: t('settings.tabs.terms'),
    taxes: t('settings.tabs.taxes'),
    shipping: t('settings.tabs.shipping'),
    categories: t('settings.tabs.categories'),
  };

  return (
    <BrandGate>
      {(context) => (
        <Tabs
          value={tab}
          keepMounted={false}
          onChange={(value) =>
            void navigate({
              to: '/brand/$brandId/settings',
              params: { brandId },
              search: { tab: SETTINGS_TABS.find((each) => each === value) ?? 'commerce' },
              replace: true,
            })
          }
        >
          <Tabs.List>
            {SETTINGS_TABS.map((each) => (
              <Tabs.Tab key={each} value={each}>
                {titles[each]}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {!context.canAdmin ? (
            <Text size="sm" c="dimmed" mt="sm">
              {t('settings.readOnly')}
            </Text>
          ) : null}
          <Tabs.Panel value="commerce" pt="md">
            <CommerceSettingsForm context={context} />
          </Tabs.Panel>
          <Tabs.Panel value="terms" pt="md">
            <TransactionTermsSection context={context} />
          </Tabs.Panel>
          <Tabs.Panel value="taxes" pt="md">
            <TaxRatesSection context={context} />
          </Tabs.Panel>
          <Tabs.Panel value="shipping" pt="md">
            <ShippingSection context={context} />
          </Tabs.Panel>
          <Tabs.Panel value="categories" pt="md">
            <CategoriesSection context={context} />
          </Tabs.Panel>
        </Tabs>
      )}
    </BrandGate>
  );
}
