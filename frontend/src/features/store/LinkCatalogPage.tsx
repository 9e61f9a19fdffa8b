import { getRouteApi } from '@tanstack/react-router';
import { IconArrowLeft, IconShoppingCart } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { AnchorLink, ButtonLink } from '../../components/links';
import { useLinkCartAccess } from '../cart/linkOrg';
import { CatalogView } from './CatalogView';
import { useLinkContext } from './linkContext';

const route = getRouteApi('/l/$token/catalogs/$catalogId');

/** `/l/:token/catalogs/:catalogId`: a catalog of an open link, priced at the link's terms. */
export function LinkCatalogPage() {
  const { t } = useTranslation();
  const { catalogId } = route.useParams();
  const link = useLinkContext();
  const { token, grant, landing, view, reopen } = link;
  const cartAccess = useLinkCartAccess(link);
  const back =
    landing.kind === 'instant' ? null : (
      <AnchorLink to="/l/$token" params={{ token }} size="sm">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} />{' '}
        {t('store.backToBrand', { name: landing.brand.name })}
      </AnchorLink>
    );
  return (
    <CatalogView
      access={{ kind: 'link', token, grant }}
      catalogId={catalogId}
      view={view}
      onAccessLost={reopen}
      back={back}
      ordering={{
        access: cartAccess,
        mode: 'link',
        cartLink: (label) => (
          <ButtonLink
            to="/l/$token/catalogs/$catalogId/cart"
            params={{ token, catalogId }}
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
