import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
} from '@tanstack/react-router';

import type { AuthSession } from '../lib/auth';
import { AppLayout } from './AppLayout';
import { LoadingState } from '../components/QueryState';
import { parseOrdersSearch } from '../features/orders/filters';
import { prefetchLinkPage } from '../features/store/landing';
import { NotFoundPage } from './NotFoundPage';
import { RouteError } from './RouteError';
import {
  parseAddressSearch,
  parseCustomersSearch,
  parseLinksSearch,
  parseLoginSearch,
  parseMailboxSearch,
  parseNewLinkSearch,
  parseSettingsSearch,
  parseSignupSearch,
  parseTokenSearch,
} from './search';

export interface RouterContext {
  queryClient: QueryClient;
  session: AuthSession;
}

// Every screen is its own chunk: the log-in page never downloads the brand admin.
const rootRoute = createRootRouteWithContext<RouterContext>()({
  // On start, restore the session from the refresh cookie (once: afterwards this is instant),
  // so every page, public ones too, knows who is there.
  beforeLoad: async ({ context, location }) => {
    if (location.pathname.startsWith('/l/')) startOrderLink(context, location.pathname);
    await context.session.ensure();
  },
  component: AppLayout,
  notFoundComponent: NotFoundPage,
});

/**
 * An order link's page does not wait for the session to start loading: its data (which needs
 * none) and its route chunks are fetched while the session is restored.
 */
function startOrderLink(context: RouterContext, pathname: string) {
  prefetchLinkPage(context.queryClient, pathname);
  void import('../features/store/LinkPage');
  if (/\/catalogs\/[^/]+\/?$/.test(pathname)) void import('../features/store/LinkCatalogPage');
  else void import('../features/store/LinkHome');
}

/** Pages for people without a session; with one, they go where they were heading. */
async function skipWhenLoggedIn(session: AuthSession, to: string | undefined) {
  if (await session.ensure()) throw redirect({ href: to ?? '/' });
}

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: parseLoginSearch,
  beforeLoad: ({ context, search }) => skipWhenLoggedIn(context.session, search.redirect),
  component: lazyRouteComponent(() => import('../features/auth/LoginPage'), 'LoginPage'),
});

const signupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/signup',
  validateSearch: parseSignupSearch,
  beforeLoad: ({ context, search }) => skipWhenLoggedIn(context.session, search.redirect),
  component: lazyRouteComponent(() => import('../features/auth/SignupPage'), 'SignupPage'),
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
  component: lazyRouteComponent(
    () => import('../features/auth/ForgotPasswordPage'),
    'ForgotPasswordPage',
  ),
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  validateSearch: parseTokenSearch,
  component: lazyRouteComponent(
    () => import('../features/auth/ResetPasswordPage'),
    'ResetPasswordPage',
  ),
});

const invitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invitations/$token',
  component: lazyRouteComponent(
    () => import('../features/invitations/InvitationPage'),
    'InvitationPage',
  ),
});

const brandInvitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/brand-invitations/$token',
  component: lazyRouteComponent(
    () => import('../features/invitations/BrandInvitationPage'),
    'BrandInvitationPage',
  ),
});

const mailboxRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/dev/mailbox',
  validateSearch: parseMailboxSearch,
  component: lazyRouteComponent(() => import('../features/dev/MailboxPage'), 'MailboxPage'),
});

// Order links: public, with their own light header (see AppLayout); the page opens the link.
const linkRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/l/$token',
  component: lazyRouteComponent(() => import('../features/store/LinkPage'), 'LinkPage'),
});

const linkIndexRoute = createRoute({
  getParentRoute: () => linkRoute,
  path: '/',
  component: lazyRouteComponent(() => import('../features/store/LinkHome'), 'LinkHome'),
});

const linkCatalogRoute = createRoute({
  getParentRoute: () => linkRoute,
  path: '/catalogs/$catalogId',
  component: lazyRouteComponent(
    () => import('../features/store/LinkCatalogPage'),
    'LinkCatalogPage',
  ),
});

const linkCartRoute = createRoute({
  getParentRoute: () => linkRoute,
  path: '/catalogs/$catalogId/cart',
  component: lazyRouteComponent(() => import('../features/cart/CartPage'), 'LinkCartPage'),
});

const linkCheckoutRoute = createRoute({
  getParentRoute: () => linkRoute,
  path: '/catalogs/$catalogId/checkout',
  component: lazyRouteComponent(() => import('../features/cart/CheckoutPage'), 'CheckoutPage'),
});

/** Everything below needs a session: restore it from the refresh cookie, else log in. */
const authenticatedRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: '_authenticated',
  beforeLoad: async ({ context, location }) => {
    if (!(await context.session.ensure())) {
      throw redirect({ to: '/login', search: { redirect: location.href } });
    }
  },
});

const dashboardRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/',
  component: lazyRouteComponent(() => import('../features/buyer/DashboardPage'), 'DashboardPage'),
});

const accountRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/account',
  component: lazyRouteComponent(
    () => import('../features/account/AccountSettingsPage'),
    'AccountSettingsPage',
  ),
});

const buyerRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/buyer/$orgId',
  component: lazyRouteComponent(() => import('../features/buyer/BuyerLayout'), 'BuyerLayout'),
});

const buyerIndexRoute = createRoute({
  getParentRoute: () => buyerRoute,
  path: '/',
  beforeLoad: ({ params }) => {
    throw redirect({ to: '/buyer/$orgId/brands', params, replace: true });
  },
});

const buyerBrandsRoute = createRoute({
  getParentRoute: () => buyerRoute,
  path: '/brands',
  component: lazyRouteComponent(
    () => import('../features/buyer/ConnectedBrandsPage'),
    'ConnectedBrandsPage',
  ),
});

// Standard orders: Connected Brands → brand page → catalog, priced for this organization.
const buyerBrandRoute = createRoute({
  getParentRoute: () => buyerRoute,
  path: '/brands/$brandId',
  component: lazyRouteComponent(
    () => import('../features/store/StandardBrandPage'),
    'StandardBrandPage',
  ),
});

const buyerCatalogRoute = createRoute({
  getParentRoute: () => buyerRoute,
  path: '/brands/$brandId/catalogs/$catalogId',
  component: lazyRouteComponent(
    () => import('../features/store/StandardCatalogPage'),
    'StandardCatalogPage',
  ),
});

const buyerCartRoute = createRoute({
  getParentRoute: () => buyerRoute,
  path: '/brands/$brandId/catalogs/$catalogId/cart',
  component: lazyRouteComponent(() => import('../features/cart/CartPage'), 'StandardCartPage'),
});

const buyerDraftsRoute = createRoute({
  getParentRoute: () => buyerRoute,
  path: '/drafts',
  component: lazyRouteComponent(
    () => import('../features/buyer/DraftOrderListsPage'),
    'DraftOrderListsPage',
  ),
});

const buyerInvitationsRoute = createRoute({
  getParentRoute: () => buyerRoute,
  path: '/invitations',
  component: lazyRouteComponent(
    () => import('../features/buyer/BrandInvitationsPage'),
    'BrandInvitationsPage',
  ),
});

const buyerSettingsRoute = createRoute({
  getParentRoute: () => buyerRoute,
  path: '/settings',
  component: lazyRouteComponent(
    () => import('../features/buyer/OrganizationSettingsPage'),
    'OrganizationSettingsPage',
  ),
});

const buyerMembersRoute = createRoute({
  getParentRoute: () => buyerRoute,
  path: '/members',
  component: lazyRouteComponent(
    () => import('../features/buyer/BuyerMembersPage'),
    'BuyerMembersPage',
  ),
});

const buyerAddressesRoute = createRoute({
  getParentRoute: () => buyerRoute,
  path: '/addresses',
  validateSearch: parseAddressSearch,
  component: lazyRouteComponent(
    () => import('../features/buyer/AddressBookPage'),
    'AddressBookPage',
  ),
});

const buyerPaymentMethodsRoute = createRoute({
  getParentRoute: () => buyerRoute,
  path: '/payment-methods',
  component: lazyRouteComponent(
    () => import('../features/payments/PaymentMethodsPage'),
    'PaymentMethodsPage',
  ),
});

const buyerOrdersRoute = createRoute({
  getParentRoute: () => buyerRoute,
  path: '/orders',
  validateSearch: parseOrdersSearch,
  component: lazyRouteComponent(
    () => import('../features/buyer/orders/BuyerOrdersPage'),
    'BuyerOrdersPage',
  ),
});

const buyerOrderRoute = createRoute({
  getParentRoute: () => buyerRoute,
  path: '/orders/$orderId',
  component: lazyRouteComponent(
    () => import('../features/buyer/orders/BuyerOrderPage'),
    'BuyerOrderPage',
  ),
});

const newBrandRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/brands/new',
  component: lazyRouteComponent(
    () => import('../features/brand/CreateBrandPage'),
    'CreateBrandPage',
  ),
});

const brandRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/brand/$brandId',
  component: lazyRouteComponent(() => import('../features/brand/BrandLayout'), 'BrandLayout'),
});

const brandIndexRoute = createRoute({
  getParentRoute: () => brandRoute,
  path: '/',
  beforeLoad: ({ params }) => {
    throw redirect({ to: '/brand/$brandId/profile', params, replace: true });
  },
});

const brandProfileRoute = createRoute({
  getParentRoute: () => brandRoute,
  path: '/profile',
  component: lazyRouteComponent(
    () => import('../features/brand/BrandProfilePage'),
    'BrandProfilePage',
  ),
});

const brandMembersRoute = createRoute({
  getParentRoute: () => brandRoute,
  path: '/members',
  component: lazyRouteComponent(
    () => import('../features/brand/BrandMembersPage'),
    'BrandMembersPage',
  ),
});

/** A brand admin page, code-split into its own chunk. */
function brandPage<Path extends string>(
  path: Path,
  load: Parameters<typeof lazyRouteComponent>[0],
  name: string,
) {
  return createRoute({
    getParentRoute: () => brandRoute,
    path,
    component: lazyRouteComponent(load, name),
  });
}

const brandSettingsRoute = createRoute({
  getParentRoute: () => brandRoute,
  path: '/settings',
  validateSearch: parseSettingsSearch,
  component: lazyRouteComponent(
    () => import('../features/brand/settings/SettingsPage'),
    'SettingsPage',
  ),
});

const brandProductsRoute = brandPage(
  '/products',
  () => import('../features/brand/products/ProductsPage'),
  'ProductsPage',
);
const brandNewProductRoute = brandPage(
  '/products/new',
  () => import('../features/brand/products/ProductEditorPage'),
  'NewProductPage',
);
const brandImportRoute = brandPage(
  '/products/import',
  () => import('../features/brand/imports/ImportWizardPage'),
  'ImportWizardPage',
);
const brandProductRoute = brandPage(
  '/products/$productId',
  () => import('../features/brand/products/ProductEditorPage'),
  'EditProductPage',
);
const brandCatalogsRoute = brandPage(
  '/catalogs',
  () => import('../features/brand/catalogs/CatalogsPage'),
  'CatalogsPage',
);
const brandNewCatalogRoute = brandPage(
  '/catalogs/new',
  () => import('../features/brand/catalogs/CatalogEditorPage'),
  'NewCatalogPage',
);
const brandCatalogRoute = brandPage(
  '/catalogs/$catalogId',
  () => import('../features/brand/catalogs/CatalogEditorPage'),
  'EditCatalogPage',
);
const brandLookbooksRoute = brandPage(
  '/lookbooks',
  () => import('../features/brand/lookbooks/LookbooksPage'),
  'LookbooksPage',
);
const brandNewLookbookRoute = brandPage(
  '/lookbooks/new',
  () => import('../features/brand/lookbooks/LookbookEditorPage'),
  'NewLookbookPage',
);
const brandLookbookRoute = brandPage(
  '/lookbooks/$lookbookId',
  () => import('../features/brand/lookbooks/LookbookEditorPage'),
  'EditLookbookPage',
);

const brandCustomersRoute = createRoute({
  getParentRoute: () => brandRoute,
  path: '/customers',
  validateSearch: parseCustomersSearch,
  component: lazyRouteComponent(
    () => import('../features/brand/customers/CustomersPage'),
    'CustomersPage',
  ),
});
const brandCustomerRoute = brandPage(
  '/customers/$customerId',
  () => import('../features/brand/customers/CustomerPage'),
  'CustomerPage',
);

const brandLinksRoute = createRoute({
  getParentRoute: () => brandRoute,
  path: '/links',
  validateSearch: parseLinksSearch,
  component: lazyRouteComponent(() => import('../features/brand/links/LinksPage'), 'LinksPage'),
});
const brandNewLinkRoute = createRoute({
  getParentRoute: () => brandRoute,
  path: '/links/new',
  validateSearch: parseNewLinkSearch,
  component: lazyRouteComponent(
    () => import('../features/brand/links/LinkEditorPage'),
    'NewLinkPage',
  ),
});
const brandLinkRoute = brandPage(
  '/links/$linkId',
  () => import('../features/brand/links/LinkEditorPage'),
  'EditLinkPage',
);

const brandOrdersRoute = createRoute({
  getParentRoute: () => brandRoute,
  path: '/orders',
  validateSearch: parseOrdersSearch,
  component: lazyRouteComponent(
    () => import('../features/brand/orders/BrandOrdersPage'),
    'BrandOrdersPage',
  ),
});
const brandAuditRoute = brandPage(
  '/audit',
  () => import('../features/brand/audit/AuditLogPage'),
  'AuditLogPage',
);
const brandOrderRoute = brandPage(
  '/orders/$orderId',
  () => import('../features/brand/orders/BrandOrderPage'),
  'BrandOrderPage',
);
const brandApiKeysRoute = brandPage(
  '/api-keys',
  () => import('../features/brand/integrations/ApiKeysPage'),
  'ApiKeysPage',
);
const brandWebhooksRoute = brandPage(
  '/webhooks',
  () => import('../features/brand/integrations/WebhooksPage'),
  'WebhooksPage',
);

const routeTree = rootRoute.addChildren([
  loginRoute,
  signupRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  invitationRoute,
  brandInvitationRoute,
  mailboxRoute,
  linkRoute.addChildren([linkIndexRoute, linkCatalogRoute, linkCartRoute, linkCheckoutRoute]),
  authenticatedRoute.addChildren([
    dashboardRoute,
    accountRoute,
    buyerRoute.addChildren([
      buyerIndexRoute,
      buyerBrandsRoute,
      buyerBrandRoute,
      buyerCatalogRoute,
      buyerCartRoute,
      buyerDraftsRoute,
      buyerInvitationsRoute,
      buyerSettingsRoute,
      buyerMembersRoute,
      buyerAddressesRoute,
      buyerPaymentMethodsRoute,
      buyerOrdersRoute,
      buyerOrderRoute,
    ]),
    newBrandRoute,
    brandRoute.addChildren([
      brandIndexRoute,
      brandProfileRoute,
      brandMembersRoute,
      brandSettingsRoute,
      brandProductsRoute,
      brandNewProductRoute,
      brandImportRoute,
      brandProductRoute,
      brandCatalogsRoute,
      brandNewCatalogRoute,
      brandCatalogRoute,
      brandLookbooksRoute,
      brandNewLookbookRoute,
      brandLookbookRoute,
      brandCustomersRoute,
      brandCustomerRoute,
      brandLinksRoute,
      brandNewLinkRoute,
      brandLinkRoute,
      brandOrdersRoute,
      brandAuditRoute,
      brandOrderRoute,
      brandApiKeysRoute,
      brandWebhooksRoute,
    ]),
  ]),
]);

export function createAppRouter(context: RouterContext) {
  return createRouter({
    routeTree,
    context,
    defaultPreload: 'intent',
    defaultPendingComponent: () => <LoadingState />,
    defaultErrorComponent: RouteError,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
