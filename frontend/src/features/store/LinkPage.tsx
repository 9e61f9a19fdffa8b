import { Avatar, Badge, Box, Container, Group, NativeSelect, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Outlet } from '@tanstack/react-router';
import {
  lazy,
  Suspense,
  useCallback,
  useDeferredValue,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorState, LoadingState, NotFoundState } from '../../components/QueryState';
import { chooseLanguage, isUiLanguage } from '../../lib/i18n';
import { languageNames } from '../../lib/intl';
import { ApiError } from '../../lib/problem';
import { usePageTitle } from '../../lib/usePageTitle';
import { forgetGrant, readPreferences, savePreferences } from './grants';
import { landingQuery } from './landing';
import { LinkContext, type LinkContextValue } from './linkContext';
import { linkView } from './linkRequests';
import { LinkCartButton } from '../cart/LinkCartButton';
import { storeKeys, type LinkLanding } from './storeApi';

const route = getRouteApi('/l/$token');

// The gates (passcode and login forms, "not yet", "no longer") are a chunk of their own: an
// open link goes straight to its pages without downloading them.
const gates = () => import('./LinkGates');
const PasscodeGate = lazy(() => gates().then((module) => ({ default: module.PasscodeGate })));
const CustomerLoginGate = lazy(() =>
  gates().then((module) => ({ default: module.CustomerLoginGate })),
);
const NotYetGate = lazy(() => gates().then((module) => ({ default: module.NotYetGate })));
const GoneGate = lazy(() => gates().then((module) => ({ default: module.GoneGate })));

/**
 * `/l/:token`: an order link. Opens the link (with the grant kept for it), shows its gate
 * (passcode, login, not yet, no longer) or, once it is open, its pages below a light header.
 */
export function LinkPage() {
  const { t, i18n } = useTranslation();
  const { token } = route.useParams();
  const queryClient = useQueryClient();
  const [prefs, setPrefs] = useState(() => readPreferences(token));
  const asked = prefs.locale ?? i18n.language;
  const opened = useQuery(landingQuery(token, asked));
  // The link's header and first page render in a deferred render, which yields to the browser
  // every few milliseconds: rendered at once, they would block the main thread in one long task.
  // (With an initial value, also when the answer is already there as the page mounts.)
  const openedData = useDeferredValue(opened.data ?? null, null);
  const landing = openedData?.landing;
  usePageTitle(landing ? `${landing.name} · ${landing.brand.name}` : null);

  const { locale, currency } = landing
    ? linkView(landing, prefs, i18n.language)
    : { locale: asked, currency: undefined };

  const choose = useCallback(
    (change: { locale?: string; currency?: string }) => {
      const next = { ...prefs, ...change };
      savePreferences(token, next);
      setPrefs(next);
      if (change.locale && isUiLanguage(change.locale)) void chooseLanguage(change.locale);
    },
    [prefs, token],
  );

  const reopen = useCallback(() => {
    forgetGrant(token);
    void queryClient.invalidateQueries({ queryKey: storeKeys.landing(token) });
  }, [queryClient, token]);

  const grant = openedData?.grant ?? null;
  const context = useMemo<LinkContextValue | null>(
    () =>
      landing && grant && landing.state === 'available'
        ? { token, landing, grant, view: { locale, currency }, reopen }
        : null,
    [landing, grant, token, locale, currency, reopen],
  );

  if (opened.isError) {
    return (
      <Container size="sm" py="xl">
        {opened.error instanceof ApiError && opened.error.status === 404 ? (
          <NotFoundState title={t('store.linkNotFound')} />
        ) : (
          <ErrorState error={opened.error} onRetry={() => void opened.refetch()} />
        )}
      </Container>
    );
  }

  // Still asking, or the deferred render has not come yet.
  if (!openedData) return <LoadingState />;
  const data = openedData.landing;
  let body: ReactNode;
  switch (data.state) {
    case 'passcode_required':
      body = <PasscodeGate token={token} landing={data} />;
      break;
    case 'login_required':
      body = <CustomerLoginGate token={token} landing={data} />;
      break;
    case 'not_yet_released':
      body = <NotYetGate landing={data} />;
      break;
    case 'expired':
    case 'unavailable':
      body = <GoneGate landing={data} />;
      break;
    case 'available':
      body = context ? (
        <LinkContext.Provider value={context}>
          <Container size="xl" py="lg">
            <Outlet />
          </Container>
        </LinkContext.Provider>
      ) : (
        <LoadingState />
      );
      break;
  }

  return (
    <Box>
      <LinkHeader
        landing={data}
        locale={locale}
        currency={currency}
        onChoose={choose}
        cart={context ? <LinkCartButton link={context} /> : null}
      />
      <Suspense fallback={<LoadingState />}>{body}</Suspense>
    </Box>
  );
}

/**
 * The light header of a link: the brand, and the link's languages and currencies (native
 * selects: a buyer's first page does not load the combobox and its popover).
 */
function LinkHeader({
  landing,
  locale,
  currency,
  onChoose,
  cart,
}: {
  cart: ReactNode;
  landing: LinkLanding;
  locale: string;
  currency: string | undefined;
  onChoose: (change: { locale?: string; currency?: string }) => void;
}) {
  const { t, i18n } = useTranslation();
  const languageName = useMemo(() => {
    const names = languageNames(i18n.language);
    return (code: string) => {
      try {
        return names.of(code) ?? code;
      } catch {
        return code;
      }
    };
  }, [i18n.language]);
  const open = landing.state === 'available';
  return (
    <Box
      component="header"
      px="md"
      py="xs"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
    >
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="sm" wrap="nowrap">
          <Avatar src={landing.brand.logo_url} alt="" radius="sm">
            {landing.brand.name.slice(0, 1)}
          </Avatar>
          <Text fw={700} fz="lg">
            {landing.brand.name}
          </Text>
          {landing.customer ? (
            <Badge variant="light">
              {t('store.shoppingAs', {
                name: landing.customer.company_name || landing.customer.contact_name,
              })}
            </Badge>
          ) : null}
        </Group>
        <Group gap="xs" wrap="nowrap">
          {cart}
          {landing.languages.length > 1 ? (
            <NativeSelect
              aria-label={t('store.language')}
              data={landing.languages.map((code) => ({ value: code, label: languageName(code) }))}
              value={locale}
              onChange={(event) => onChoose({ locale: event.currentTarget.value })}
              w={150}
              size="xs"
            />
          ) : null}
          {open && landing.currencies.length > 1 ? (
            <NativeSelect
              aria-label={t('store.currency')}
              data={landing.currencies}
              value={currency ?? landing.currencies[0]}
              onChange={(event) => onChoose({ currency: event.currentTarget.value })}
              w={100}
              size="xs"
            />
          ) : null}
        </Group>
      </Group>
    </Box>
  );
}
