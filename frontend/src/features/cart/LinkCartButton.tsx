import { Indicator } from '@mantine/core';
import { IconShoppingCart } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

import { ButtonLink } from '../../components/links';
import type { LinkContextValue } from '../store/linkContext';
import { catalogCartQuery } from './cartApi';
import { useLinkCartAccess } from './linkOrg';

/** The cart icon of a link's header, with the number of items in the current catalog's cart. */
export function LinkCartButton({ link }: { link: LinkContextValue }) {
  const { t } = useTranslation();
  const params: { catalogId?: string } = useParams({ strict: false });
  const access = useLinkCartAccess(link);
  const single = link.landing.catalogs.length === 1 ? link.landing.catalogs[0]?.id : undefined;
  const catalogId = params.catalogId ?? single;
  const catalog = link.landing.catalogs.find((each) => each.id === catalogId);
  const cart = useQuery({
    ...catalogCartQuery(access, catalogId ?? '', link.view.locale),
    enabled: Boolean(catalogId) && !link.landing.use_as_catalog && catalog?.ordering_open !== false,
  });
  if (!catalogId || link.landing.use_as_catalog || catalog?.ordering_open === false) return null;
  // Shown while the cart loads, too: the header keeps its layout instead of wrapping onto a
  // second row under the buyer's eyes (a layout shift of the whole page on a phone).
  const count = cart.data?.items.length ?? 0;
  return (
    <Indicator label={count} size={16} disabled={count === 0} offset={4}>
      <ButtonLink
        to="/l/$token/catalogs/$catalogId/cart"
        params={{ token: link.token, catalogId }}
        variant="subtle"
        size="xs"
        leftSection={<IconShoppingCart size={16} aria-hidden />}
        aria-label={t('cart.headerLabel', { count })}
      >
        {t('cart.link.title')}
      </ButtonLink>
    </Indicator>
  );
}
