import { getRouteApi } from '@tanstack/react-router';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { AnchorLink } from '../../components/links';
import { CatalogView } from './CatalogView';
import { useLinkContext } from './linkContext';

const route = getRouteApi('/l/$token/catalogs/$catalogId');

/** `/l/:token/catalogs/:catalogId`: a catalog of an open link, priced at the link's terms. */
export function LinkCatalogPage() {
  const { t } = useTranslation();
  const { catalogId } = route.useParams();
  const { token, grant, landing, view, reopen } = useLinkContext();
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
    />
  );
}
