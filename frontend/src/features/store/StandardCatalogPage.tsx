import { IconArrowLeft, IconShoppingCart } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

import { AnchorLink, ButtonLink } from '../../components/links';
import { CatalogView } from './CatalogView';

const route = getRouteApi('/_authenticated/buyer/$orgId/brands/$brandId/catalogs/$catalogId');

/** Standard orders: a catalog priced at my organization's terms with the brand. */
export function StandardCatalogPage() {
  const { t, i18n } = useTranslation();
  const { orgId, brandId, catalogId } = route.useParams();
  return (
    <CatalogView
      access={{ kind: 'organization', orgId }}
      catalogId={catalogId}
      view={{ locale: i18n.language }}
      level={2}
      back={
        <AnchorLink to="/buyer/$orgId/brands/$brandId" params={{ orgId, brandId }} size="sm">
          <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} />{' '}
          {t('store.backToBrandPage')}
        </AnchorLink>
      }
      ordering={{
        access: { kind: 'organization', orgId },
        mode: 'standard',
        cartLink: (label) => (
          <ButtonLink
            to="/buyer/$orgId/brands/$brandId/catalogs/$catalogId/cart"
            params={{ orgId, brandId, catalogId }}
            size="xs"
            variant="light"
            leftSection={<IconShoppingCart size={14} aria-hidden />}
          >
            {label}
          </ButtonLink>
        ),
      }}
    />
  );
}
