import {
  Alert,
  Button,
  Checkbox,
  Divider,
  Group,
  Paper,
  PasswordInput,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowLeft, IconLogin, IconPlus } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useLocation } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { CountrySelect } from '../../components/CountrySelect';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { AnchorLink, ButtonLink } from '../../components/links';
import { EmptyListState, LoadingState } from '../../components/QueryState';
import { UiLanguageSelect } from '../../components/UiLanguageSelect';
import { api, session } from '../../lib/api';
import { currentLanguage } from '../../lib/i18n';
import { resolveLocalized } from '../../lib/localized';
import { formFields, mapProblem, unwrap } from '../../lib/problem';
import { buyerOrganizationsQuery, queryKeys } from '../../lib/queries';
import { usePageTitle } from '../../lib/usePageTitle';
import { useIsAuthenticated } from '../../lib/useSession';
import { emailAddress, newPassword, requiredText, samePassword } from '../../lib/validation';
import { CreateOrganizationModal } from '../buyer/CreateOrganizationModal';
import { useLinkContext } from '../store/linkContext';
import { cartKeys, catalogCartQuery, claimCart, type Cart, type CartAccess } from './cartApi';
import { cartErrorMessage } from './cartErrors';
import type { LineError } from './cartForm';
import { CartLines } from './CartLines';
import { saveLinkOrg, useLinkCartAccess } from './linkOrg';
import { OrderFlow } from './OrderFlow';

const route = getRouteApi('/l/$token/catalogs/$catalogId/checkout');

/**
 * `/l/:token/catalogs/:catalogId/checkout`: the "Checkout" page of an order link. Log in or
 * sign up here, choose (or create) the buyer organization to use checkout, then the order form.
 */
export function CheckoutPage() {
  const { t } = useTranslation();
  const { catalogId } = route.useParams();
  const link = useLinkContext();
  const access = useLinkCartAccess(link);
  const authenticated = useIsAuthenticated();
  const cart = useQuery(catalogCartQuery(access, catalogId, link.view.locale));
  const [errors, setErrors] = useState<LineError[]>([]);
  const [placed, setPlaced] = useState(false);
  usePageTitle(t('cart.checkout.title'));

  let body;
  if (cart.isPending) body = <LoadingState />;
  else if (cart.isError) {
    body = (
      <Alert color="red" role="alert">
        {cartErrorMessage(cart.error)}
      </Alert>
    );
  } else if (cart.data.items.length === 0 && !placed) {
    body = <EmptyListState title={t('cart.link.empty')} description={t('cart.emptyText')} />;
  } else if (!authenticated) {
    body = <AccountStep />;
  } else if (access.kind === 'link' && access.orgId === null) {
    body = <OrganizationStep access={access} cart={cart.data} />;
  } else {
    body = (
      <Stack gap="lg">
        <Paper withBorder p="md" radius="md">
          <OrderFlow
            access={access}
            cart={cart.data}
            orgId={access.orgId ?? ''}
            locale={link.view.locale}
            onLineErrors={setErrors}
            onPlaced={() => setPlaced(true)}
          />
        </Paper>
        {!placed && errors.length > 0 ? (
          <CartLines cart={cart.data} mode="link" errors={errors} />
        ) : null}
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <AnchorLink
        to="/l/$token/catalogs/$catalogId/cart"
        params={{ token: link.token, catalogId }}
        size="sm"
      >
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} />{' '}
        {t('cart.backToCart')}
      </AnchorLink>
      <Stack gap={4}>
        {cart.data ? (
          <Text c="dimmed" size="sm">
            {cart.data.brand_name} · {cart.data.catalog_name}
          </Text>
        ) : null}
        <Title order={1}>{t('cart.checkout.title')}</Title>
      </Stack>
      {body}
    </Stack>
  );
}

/** Not logged in: log in (and come back here), or sign up right here without a code. */
function AccountStep() {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="md">
        <Title order={2} size="h3">
          {t('cart.account.title')}
        </Title>
        <Text size="sm">{t('cart.account.text')}</Text>
        <Group>
          <ButtonLink
            to="/login"
            search={{ redirect: location.href }}
            leftSection={<IconLogin size={16} aria-hidden />}
          >
            {t('cart.account.login')}
          </ButtonLink>
        </Group>
        <Divider label={t('cart.account.or')} labelPosition="center" />
        <SignupForm />
      </Stack>
    </Paper>
  );
}

interface SignupValues {
  email: string;
  display_name: string;
  country: string;
  language: string;
  phone: string;
  password: string;
  password_confirm: string;
  accept_terms: boolean;
}

const signupFields = formFields([
  'email',
  'display_name',
  'country',
  'language',
  'phone',
  'password',
  'password_confirm',
  'accept_terms',
]);

function SignupForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<SignupValues>({
    initialValues: {
      email: '',
      display_name: '',
      country: '',
      language: currentLanguage(),
      phone: '',
      password: '',
      password_confirm: '',
      accept_terms: false,
    },
    validate: {
      email: emailAddress,
      display_name: requiredText,
      country: requiredText,
      language: requiredText,
      phone: requiredText,
      password: newPassword,
      password_confirm: (value, values) => samePassword(value, values.password),
      accept_terms: (value) => (value ? null : t('auth.signup.acceptTermsRequired')),
    },
  });
  const signup = useMutation({
    mutationFn: async (values: SignupValues) => {
      await unwrap(
        api.POST('/api/v1/auth/signup', {
          body: { ...values, email: values.email.trim(), verification_code: null },
        }),
      );
      await session.login(values.email.trim(), values.password);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
    onError: (error) => form.setErrors(mapProblem(error, signupFields).fieldErrors),
  });
  return (
    <form onSubmit={form.onSubmit((values) => signup.mutate(values))} noValidate>
      <Stack gap="sm" role="group" aria-labelledby="checkout-signup">
        <Title order={3} size="h4" id="checkout-signup">
          {t('cart.account.signupTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('cart.account.signupText')}
        </Text>
        <FormErrorAlert
          error={signup.isError ? mapProblem(signup.error, signupFields).formError : null}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('fields.email')}
            type="email"
            autoComplete="email"
            withAsterisk
            {...form.getInputProps('email')}
          />
          <TextInput
            label={t('fields.displayName')}
            autoComplete="name"
            withAsterisk
            {...form.getInputProps('display_name')}
          />
          <CountrySelect
            label={t('fields.country')}
            withAsterisk
            {...form.getInputProps('country')}
          />
          <UiLanguageSelect
            label={t('fields.language')}
            withAsterisk
            {...form.getInputProps('language')}
          />
          <TextInput
            label={t('fields.phone')}
            type="tel"
            autoComplete="tel"
            withAsterisk
            {...form.getInputProps('phone')}
          />
          <span />
          <PasswordInput
            label={t('fields.password')}
            description={t('validation.password')}
            autoComplete="new-password"
            withAsterisk
            {...form.getInputProps('password')}
          />
          <PasswordInput
            label={t('fields.passwordConfirm')}
            autoComplete="new-password"
            withAsterisk
            {...form.getInputProps('password_confirm')}
          />
        </SimpleGrid>
        <Checkbox
          label={t('auth.signup.acceptTerms')}
          {...form.getInputProps('accept_terms', { type: 'checkbox' })}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={signup.isPending}>
            {t('cart.account.signup')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Logged in: the buyer organization "to use checkout" (or a new one), then claim the cart. */
function OrganizationStep({ access, cart }: { access: CartAccess; cart: Cart }) {
  const { t, i18n } = useTranslation();
  const link = useLinkContext();
  const queryClient = useQueryClient();
  const organizations = useInfiniteQuery(buyerOrganizationsQuery);
  const [chosen, setChosen] = useState<string | null>(null);
  // The organizations there were before "Create a New Buyer Organization": the new one is chosen.
  const [creating, setCreating] = useState<Set<string> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const personal = link.landing.target_buyer_type === 'personal';
  const claim = useMutation({
    mutationFn: (orgId: string | null) => claimCart(access, cart.id, orgId),
    onSuccess: async (claimed) => {
      saveLinkOrg(link.token, claimed.buyer_organization_id);
      await queryClient.invalidateQueries({ queryKey: cartKeys.all });
    },
    onError: (failure) => setError(cartErrorMessage(failure)),
  });

  if (organizations.isPending) return <LoadingState />;
  const items = (organizations.data?.pages.flatMap((page) => page.items) ?? []).filter(
    (org) => org.kind === link.landing.target_buyer_type,
  );

  const closeCreate = async () => {
    const before = creating ?? new Set<string>();
    setCreating(null);
    const next = await organizations.refetch();
    const created = next.data?.pages
      .flatMap((page) => page.items)
      .find((org) => !before.has(org.id));
    if (created) setChosen(created.id);
  };

  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="md">
        <Title order={2} size="h3">
          {t('cart.organization.title')}
        </Title>
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
        {personal ? (
          <>
            <Text size="sm">{t('cart.organization.personal')}</Text>
            <Group justify="flex-end">
              <Button loading={claim.isPending} onClick={() => claim.mutate(null)}>
                {t('cart.organization.continue')}
              </Button>
            </Group>
          </>
        ) : (
          <>
            {items.length > 0 ? (
              <Radio.Group
                label={t('cart.organization.choose')}
                value={chosen}
                onChange={(value) => {
                  setChosen(value);
                  setError(null);
                }}
              >
                <Stack gap="xs" mt="xs">
                  {items.map((org) => (
                    <Radio
                      key={org.id}
                      value={org.id}
                      label={resolveLocalized(org.name, i18n.language, org.default_language)}
                    />
                  ))}
                </Stack>
              </Radio.Group>
            ) : (
              <Text size="sm">{t('cart.organization.none')}</Text>
            )}
            <Group justify="space-between">
              <Button
                variant="light"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setCreating(new Set(items.map((org) => org.id)))}
              >
                {t('buyer.create.title')}
              </Button>
              <Button
                loading={claim.isPending}
                onClick={() => {
                  if (chosen) claim.mutate(chosen);
                  else setError(t('cart.organization.required'));
                }}
              >
                {t('cart.organization.continue')}
              </Button>
            </Group>
            <CreateOrganizationModal
              opened={creating !== null}
              onClose={() => void closeCreate()}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}
