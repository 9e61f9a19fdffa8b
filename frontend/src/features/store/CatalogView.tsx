import {
  Alert,
  Card,
  Group,
  Image,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconClockX, IconEye, IconPhoto, IconSearch } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  lazy,
  memo,
  startTransition,
  Suspense,
  useDeferredValue,
  useEffect,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';

import { LoadMore } from '../../components/LoadMore';
import { EmptyListState, ErrorState, LoadingState } from '../../components/QueryState';
import { TermsSummary } from '../../components/TermsSummary';
import { usePageTitle } from '../../lib/usePageTitle';
import { CatalogOrdering, type Ordering } from '../cart/CatalogOrdering';
import { useProductAction } from '../cart/productAction';
import { isGrantRefused } from './errors';
import { FIRST_CARDS } from './linkRequests';
import { productPrice, productRrp } from './format';
import { VideoPlayer } from './Media';
import { DeadlineBadge, LookbookSection } from './StoreParts';
import {
  storeCatalogQuery,
  storeProductsQuery,
  type StoreAccess,
  type StoreCatalog,
  type StoreProduct,
  type StoreView,
} from './storeApi';

// The product modal loads when a buyer first opens a product, not before the catalog shows.
const ProductDetail = lazy(() =>
  import('./ProductDetail').then((module) => ({ default: module.ProductDetail })),
);

const plainList = { listStyle: 'none', padding: 0, margin: 0 } as const;

/**
 * A catalog as a shopper sees it, on either route: its header, terms, products (search,
 * category, pages) and product details. `access` says how the calls authenticate.
 */
export function CatalogView({
  access,
  catalogId,
  view,
  onAccessLost,
  back,
  ordering,
  level = 1,
}: {
  /** Add to cart / draft order list, when the page takes orders. */
  ordering?: Ordering;
  /** 2 inside a page that has its own h1 (the buyer organization's area). */
  level?: 1 | 2;
  access: StoreAccess;
  catalogId: string;
  view: StoreView;
  /** The link grant was refused (expired, link changed): open the link again. */
  onAccessLost?: () => void;
  back?: ReactNode;
}) {
  const catalog = useQuery(storeCatalogQuery(access, catalogId, view));
  // The page renders in a deferred render, which yields to the browser every few milliseconds:
  // rendered at once, the header and the first products would be one long task. (With an
  // initial value, also when the answer is already there as the page mounts.)
  const data = useDeferredValue(catalog.data ?? null, null);
  const refused = catalog.isError && isGrantRefused(catalog.error);
  useEffect(() => {
    if (refused) onAccessLost?.();
  }, [refused, onAccessLost]);
  usePageTitle(data?.name);

  if (catalog.isError) {
    return (
      <Stack gap="md">
        {back}
        <ErrorState error={catalog.error} onRetry={() => void catalog.refetch()} />
      </Stack>
    );
  }
  // Still asking, or the deferred render has not come yet.
  if (!data) return <LoadingState />;
  const products = (
    <Products access={access} catalog={data} view={view} onAccessLost={onAccessLost} />
  );
  return (
    <Stack gap="xl">
      {back}
      <CatalogHeader catalog={data} level={level} />
      {ordering ? (
        <CatalogOrdering ordering={ordering} catalog={data} locale={view.locale}>
          {products}
        </CatalogOrdering>
      ) : (
        products
      )}
      {data.video_url ? (
        <Stack gap="sm" component="section" aria-labelledby="catalog-video">
          <Title order={2} size="h3" id="catalog-video">
            {data.name}
          </Title>
          <VideoPlayer url={data.video_url} title={data.name} />
        </Stack>
      ) : null}
      <LookbookSection lookbooks={data.lookbooks} />
    </Stack>
  );
}

function CatalogHeader({ catalog, level }: { catalog: StoreCatalog; level: 1 | 2 }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      {catalog.main_visual_url ? (
        <Image src={catalog.main_visual_url} alt="" h={240} radius="md" fit="cover" />
      ) : null}
      <Stack gap={4}>
        <Text c="dimmed" size="sm">
          {catalog.brand.name}
        </Text>
        <Title order={level} size="h1">
          {catalog.name}
        </Title>
        <DeadlineBadge deadline={catalog.order_deadline} open={catalog.ordering_open} />
      </Stack>
      {catalog.description ? (
        <Text style={{ whiteSpace: 'pre-wrap' }}>{catalog.description}</Text>
      ) : null}
      {!catalog.ordering_open ? (
        <Alert color="orange" icon={<IconClockX aria-hidden />} role="status">
          {t('store.orderingClosedNotice')}
        </Alert>
      ) : !catalog.can_order ? (
        <Alert color="blue" icon={<IconEye aria-hidden />} role="status">
          {t('store.browseOnlyNotice')}
        </Alert>
      ) : null}
      {catalog.pricing.terms ? (
        <TermsSummary terms={catalog.pricing.terms} caption={t('store.transactionTerms')} />
      ) : null}
    </Stack>
  );
}

function Products({
  access,
  catalog,
  view,
  onAccessLost,
}: {
  access: StoreAccess;
  catalog: StoreCatalog;
  view: StoreView;
  onAccessLost?: () => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [q] = useDebouncedValue(search, 300);
  const [opened, setOpened] = useState<StoreProduct | null>(null);
  // Stays mounted once opened, so that closing plays the modal's transition.
  const [everOpened, setEverOpened] = useState(false);
  if (opened && !everOpened) setEverOpened(true);
  const products = useInfiniteQuery(
    storeProductsQuery(access, catalog.id, view, { q: q.trim(), categoryId }),
  );
  const refused = products.isError && isGrantRefused(products.error);
  useEffect(() => {
    if (refused) onAccessLost?.();
  }, [refused, onAccessLost]);

  // Products that arrive after the page render in a deferred render (see CatalogView); those
  // there as it mounts render with it (the first few cards only, see ProductCards).
  const pages = useDeferredValue(products.data);
  const items = pages?.pages.flatMap((page) => page.items) ?? [];
  const filtered = q.trim() !== '' || categoryId !== null;

  let list: ReactNode;
  if (products.isError) {
    list = <ErrorState error={products.error} onRetry={() => void products.refetch()} />;
  } else if (!pages) list = <LoadingState />;
  else if (items.length === 0) {
    list = filtered ? (
      <EmptyListState title={t('store.noMatchTitle')} description={t('store.noMatchText')} />
    ) : (
      <EmptyListState title={t('store.noProductsTitle')} />
    );
  } else {
    list = (
      <Stack gap="md">
        <SimpleGrid
          cols={{ base: 1, xs: 2, sm: 3, md: 4 }}
          component="ul"
          aria-label={t('store.products')}
          style={plainList}
        >
          <ProductCards items={items} showsRrp={catalog.pricing.shows_rrp} onOpen={setOpened} />
        </SimpleGrid>
        <LoadMore
          hasNextPage={products.hasNextPage}
          isFetchingNextPage={products.isFetchingNextPage}
          fetchNextPage={products.fetchNextPage}
        />
      </Stack>
    );
  }

  return (
    <Stack gap="md" component="section" aria-labelledby="catalog-products">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3" id="catalog-products">
          {t('store.products')}
        </Title>
        <Text size="sm" c="dimmed">
          {catalog.pricing.tax_inclusive ? t('store.taxIncluded') : t('store.taxExcluded')}
          {' · '}
          {catalog.pricing.currency}
        </Text>
      </Group>
      <Group align="flex-end" gap="sm">
        <TextInput
          type="search"
          label={t('store.search')}
          placeholder={t('store.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          style={{ flex: 1, minWidth: 220 }}
        />
        {catalog.categories.length > 0 ? (
          // A native select: the buyer's page does not load the combobox and its popover.
          <NativeSelect
            label={t('store.category')}
            data={[
              { value: '', label: t('store.allCategories') },
              ...catalog.categories.map((category) => ({
                value: category.id,
                label: category.name,
              })),
            ]}
            value={categoryId ?? ''}
            onChange={(event) => setCategoryId(event.currentTarget.value || null)}
            w={240}
          />
        ) : null}
      </Group>
      {list}
      {everOpened ? (
        <Suspense fallback={null}>
          <ProductDetail
            product={opened}
            pricing={catalog.pricing}
            onClose={() => setOpened(null)}
          />
        </Suspense>
      ) : null}
    </Stack>
  );
}

// The browser lays out and paints a card below the fold only when it comes near the viewport
// (until then it takes a card's usual height, then the height it last had): a page of cards no
// longer costs one long layout. They stay in the document, for find-in-page and screen readers.
const offscreenCard = { contentVisibility: 'auto', containIntrinsicSize: 'auto 318px' } as const;

/**
 * The product cards, rendered in two steps: the first few with the page, the others in a
 * transition (an interruptible render) once those are on screen, so that a page of products
 * never blocks the main thread in one long task and the first cards (and their images) show
 * without waiting for the others — the buyer can scroll and type while the rest of the grid
 * appears. Later pages (Load more) come in a deferred render as well.
 */
function ProductCards({
  items,
  showsRrp,
  onOpen,
}: {
  items: StoreProduct[];
  showsRrp: boolean;
  onOpen: (product: StoreProduct) => void;
}) {
  // Not useDeferredValue's initial value: inside a render that is itself deferred (the page's,
  // see CatalogView) React would render every card at once.
  const [complete, setComplete] = useState(false);
  useEffect(() => {
    startTransition(() => setComplete(true));
  }, []);
  const deferred = useDeferredValue(items);
  const shown = complete ? deferred : items.slice(0, FIRST_CARDS);
  return shown.map((product, index) => (
    <ProductCard
      key={product.id}
      product={product}
      showsRrp={showsRrp}
      onOpen={onOpen}
      belowTheFold={index >= FIRST_CARDS}
    />
  ));
}

// Memoised: a card renders again when its product or the language changes, not when the page
// around it does (the cart's answer re-renders only the cards' buttons, see CardAction).
const ProductCard = memo(function ProductCard({
  product,
  showsRrp,
  onOpen,
  belowTheFold,
}: {
  product: StoreProduct;
  showsRrp: boolean;
  onOpen: (product: StoreProduct) => void;
  /** It is rendered, and its image loaded, when the buyer scrolls near it, not with the page. */
  belowTheFold: boolean;
}) {
  const { t, i18n } = useTranslation();
  const price = productPrice(t, product, i18n.language);
  const rrp = showsRrp ? productRrp(t, product, i18n.language) : null;
  const image = product.images[0];
  return (
    <Card
      withBorder
      padding="sm"
      component="li"
      aria-label={product.name}
      style={belowTheFold ? offscreenCard : undefined}
    >
      <UnstyledButton
        onClick={() => onOpen(product)}
        aria-label={t('store.openProduct', { name: product.name })}
        style={{ display: 'block', width: '100%' }}
      >
        <Card.Section>
          {image ? (
            // A fixed height: the card does not move when its image arrives.
            <Image
              src={image.thumbnail_url}
              alt=""
              h={200}
              fit="cover"
              loading={belowTheFold ? 'lazy' : 'eager'}
              decoding="async"
            />
          ) : (
            <Group h={200} justify="center" bg="gray.1">
              <IconPhoto size={40} color="gray" aria-hidden />
            </Group>
          )}
        </Card.Section>
      </UnstyledButton>
      <Stack gap={2} mt="sm">
        <Text fw={600} lineClamp={2}>
          {product.name}
        </Text>
        <Text size="xs" c="dimmed">
          {product.model_number}
        </Text>
        <Group gap="xs" align="baseline">
          <Text fw={700} data-testid="price">
            {price ?? t('store.price.none')}
          </Text>
          {rrp ? (
            <Text size="sm" c="dimmed" data-testid="rrp">
              {rrp}
            </Text>
          ) : null}
        </Group>
        <CardAction product={product} />
      </Stack>
    </Card>
  );
});

/** The cart button of a card, when the page takes orders. */
function CardAction({ product }: { product: StoreProduct }) {
  const action = useProductAction();
  return action ? <Group mt={4}>{action(product)}</Group> : null;
}
