import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Fieldset,
  Group,
  Input,
  MultiSelect,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { modals } from '@mantine/modals';
import {
  IconArrowLeft,
  IconCheck,
  IconCopy,
  IconKey,
  IconLockOpen,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { ButtonLink } from '../../../components/links';
import { notifyError, notifySuccess } from '../../../components/notify';
import { ErrorState, LoadingState } from '../../../components/QueryState';
import { api } from '../../../lib/api';
import { unwrap } from '../../../lib/problem';
import { useLanguageName } from '../../../lib/queries';
import { usePageTitle } from '../../../lib/usePageTitle';
import type { PaymentMethod } from '../catalogs/catalogForm';
import { DateTimeField, LocalizedDates } from '../catalogs/DateTimeField';
import { MainVisualField } from '../catalogs/MainVisualField';
import {
  useLookbooks,
  useShippingGroups,
  useTransactionTerms,
  type TransactionTerm,
} from '../data';
import { BrandGate, type BrandContext } from '../shared/BrandGate';
import { focusFirstError } from '../shared/fields';
import { linkKeys, linkQuery, patchLink, useAllCatalogs } from './data';
import {
  BACKGROUND_TYPES,
  emptyContact,
  emptyLink,
  FIELD_ORDER,
  KIND_RULES,
  linkCreateRequest,
  linkToForm,
  linkUpdateRequest,
  mapLinkProblem,
  MAX_CONTACTS,
  PASSCODE_MAX,
  validateLink,
  linkStatusColor,
  type FieldId,
  type Link,
  type LinkKind,
  type LinkValues,
} from './linkForm';

const newRoute = getRouteApi('/_authenticated/brand/$brandId/links/new');
const editRoute = getRouteApi('/_authenticated/brand/$brandId/links/$linkId');

/** "Create a New Link" of the kind in the URL. */
export function NewLinkPage() {
  const { t } = useTranslation();
  const { kind } = newRoute.useSearch();
  usePageTitle(t(`links.createKind.${kind}`));
  return (
    <BrandGate>{(context) => <LinkEditor context={context} kind={kind} link={null} />}</BrandGate>
  );
}

/** An existing link: its settings, its passcode. */
export function EditLinkPage() {
  const { linkId } = editRoute.useParams();
  return <BrandGate>{(context) => <ExistingLink context={context} linkId={linkId} />}</BrandGate>;
}

function ExistingLink({ context, linkId }: { context: BrandContext; linkId: string }) {
  const link = useQuery(linkQuery(context.brand.id, linkId));
  usePageTitle(link.data ? link.data.name : null);
  if (link.isPending) return <LoadingState />;
  if (link.isError) return <ErrorState error={link.error} onRetry={() => void link.refetch()} />;
  return <LinkEditor key={link.data.id} context={context} kind={link.data.kind} link={link.data} />;
}

/** A small circled number, as in the manual's screenshots; screen readers skip it. */
function Numbered({ number, children }: { number: number; children: ReactNode }) {
  return (
    <Group align="flex-start" gap="sm" wrap="nowrap">
      <span aria-hidden="true" style={{ flexShrink: 0, marginTop: 2 }}>
        <Badge circle size="lg" variant="light">
          {number}
        </Badge>
      </span>
      <div style={{ flex: 1, minWidth: 0 }}>{children}</div>
    </Group>
  );
}

function errorOf(form: UseFormReturnType<LinkValues>, path: string): string | undefined {
  const error = form.errors[path];
  return typeof error === 'string' ? error : undefined;
}

/** Waits for the brand's Transaction Terms: a new link starts on the first one. */
function LinkEditor(props: { context: BrandContext; kind: LinkKind; link: Link | null }) {
  const terms = useTransactionTerms(props.context.brand.id);
  if (terms.isPending) return <LoadingState />;
  if (terms.isError) return <ErrorState error={terms.error} onRetry={() => void terms.refetch()} />;
  return <LinkForm {...props} terms={terms.data} />;
}

function LinkForm({
  context,
  kind,
  link,
  terms: termList,
}: {
  context: BrandContext;
  kind: LinkKind;
  link: Link | null;
  terms: TransactionTerm[];
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { brand, settings } = context;
  const hasPasscode = link?.passcode_enabled ?? false;
  const form = useForm<LinkValues>({
    initialValues: link
      ? linkToForm(link)
      : emptyLink(kind, {
          languages: [context.defaultLanguage, ...context.languages],
          currencies: [settings.default_currency, ...context.currencies],
          termId: termList[0]?.id ?? '',
        }),
    validate: (values) => validateLink(values, termList, hasPasscode),
  });
  const { values } = form;

  const save = useMutation({
    mutationFn: (submitted: LinkValues) =>
      link
        ? patchLink(brand.id, link.id, linkUpdateRequest(submitted, hasPasscode))
        : unwrap(
            api.POST('/api/v1/brands/{brand_id}/links', {
              params: { path: { brand_id: brand.id } },
              body: linkCreateRequest(submitted),
            }),
          ),
    onSuccess: async (saved) => {
      queryClient.setQueryData(linkKeys.one(brand.id, saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: linkKeys.all(brand.id) });
      if (link) {
        form.setValues(linkToForm(saved));
        form.resetDirty();
        notifySuccess(t('links.notices.saved'));
      } else {
        notifySuccess(t('links.notices.created', { name: saved.name }));
        await navigate({
          to: '/brand/$brandId/links',
          params: { brandId: brand.id },
          search: { tab: saved.kind },
        });
      }
    },
    onError: (error) => {
      const { fieldErrors } = mapLinkProblem(error);
      form.setErrors(fieldErrors);
      focusFirstError(form, fieldErrors);
    },
  });

  const fields: Record<FieldId, ReactNode> = {
    chinaOnly: (
      <Switch
        label={t('links.fields.chinaOnly')}
        description={t('links.help.chinaOnly')}
        {...form.getInputProps('china_only', { type: 'checkbox' })}
      />
    ),
    useAsCatalog: (
      <Switch
        label={t('links.fields.useAsCatalog')}
        description={t('links.help.useAsCatalog')}
        {...form.getInputProps('use_as_catalog', { type: 'checkbox' })}
      />
    ),
    name: (
      <TextInput
        label={t('links.fields.name')}
        withAsterisk
        maxLength={200}
        {...form.getInputProps('name')}
      />
    ),
    targetBuyerType: (
      <Radio.Group
        label={t('links.fields.targetBuyerType')}
        {...form.getInputProps('target_buyer_type')}
      >
        <Group mt="xs">
          <Radio value="organization" label={t('links.buyerType.organization')} />
          <Radio value="personal" label={t('links.buyerType.personal')} />
        </Group>
      </Radio.Group>
    ),
    requireAddress: (
      <Switch
        label={t('links.fields.requireAddress')}
        description={t('links.help.requireAddress')}
        {...form.getInputProps('require_address', { type: 'checkbox' })}
      />
    ),
    description: (
      <Textarea
        label={t('links.fields.description')}
        description={t('links.help.optional')}
        autosize
        minRows={2}
        maxLength={4000}
        {...form.getInputProps('description')}
      />
    ),
    catalogs: (
      <CatalogsField form={form} context={context} single={KIND_RULES[kind].singleCatalog} />
    ),
    releaseAt: (
      <DateTimeField
        label={t('links.fields.releaseAt')}
        description={t('links.help.releaseAt')}
        placeholder={t('links.noDate')}
        maw={360}
        {...form.getInputProps('release_at')}
      />
    ),
    expiresAt: (
      <Stack gap={4}>
        <DateTimeField
          label={
            kind === 'customer' ? t('links.fields.expirationDate') : t('links.fields.expiresAt')
          }
          description={t('links.help.expiresAt')}
          placeholder={t('links.noDate')}
          maw={360}
          {...form.getInputProps('expires_at')}
        />
        <Text size="xs" c="dimmed">
          {t('links.help.deadlineNote')}{' '}
          {t('links.help.timeZone', { zone: Intl.DateTimeFormat().resolvedOptions().timeZone })}
        </Text>
      </Stack>
    ),
    passcode: <PasscodeField form={form} context={context} link={link} />,
    languages: <LanguagesField form={form} context={context} />,
    currencies: (
      <MultiSelect
        label={t('links.fields.currencies')}
        description={t('links.help.currencies')}
        data={context.currencies}
        withAsterisk
        maw={480}
        {...form.getInputProps('currencies')}
      />
    ),
    billingTerm: (
      <Stack gap="xs">
        <Radio.Group label={t('terms.billingTerm')} {...form.getInputProps('terms.billing_term')}>
          <Group mt="xs">
            <Radio value="without_deposit" label={t('terms.withoutDeposit')} />
            <Radio value="with_deposit" label={t('terms.withDeposit')} />
          </Group>
        </Radio.Group>
        {values.terms.billing_term === 'with_deposit' ? (
          <TextInput
            maw={240}
            label={t('terms.depositCondition')}
            description={t('terms.depositConditionHelp')}
            inputMode="decimal"
            rightSection={<span aria-hidden>%</span>}
            withAsterisk
            {...form.getInputProps('terms.deposit_percent')}
          />
        ) : null}
      </Stack>
    ),
    transactionTerm: <TransactionTermFields form={form} context={context} terms={termList} />,
    applyTax: (
      <Switch
        label={t('terms.applyTaxToPrice')}
        description={t('links.help.applyTax')}
        {...form.getInputProps('terms.apply_tax_to_price', { type: 'checkbox' })}
      />
    ),
    displayTerms: (
      <Switch
        label={
          kind === 'dynamic' ? t('links.fields.displayConditions') : t('links.fields.displayTerms')
        }
        description={t('links.help.displayTerms')}
        {...form.getInputProps('terms.display_transaction_terms', { type: 'checkbox' })}
      />
    ),
    video: (
      <TextInput
        label={t('links.fields.video')}
        description={t('links.help.video')}
        type="url"
        placeholder="https://"
        maw={560}
        {...form.getInputProps('video_url')}
      />
    ),
    background: <BackgroundField form={form} brandId={brand.id} />,
    lookbooks: <LookbooksField form={form} context={context} />,
    contacts: <ContactsField form={form} />,
  };

  const title = link ? link.name : t(`links.createKind.${kind}`);
  const formError = save.isError ? mapLinkProblem(save.error).formError : null;

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="link-heading">
      <form
        onSubmit={form.onSubmit(
          (submitted) => save.mutate(submitted),
          (errors) => focusFirstError(form, errors),
        )}
        noValidate
      >
        <LocalizedDates>
          <Stack gap="lg">
            <Stack gap={4}>
              <div>
                <ButtonLink
                  to="/brand/$brandId/links"
                  params={{ brandId: brand.id }}
                  search={{ tab: kind }}
                  variant="subtle"
                  size="compact-sm"
                  leftSection={<IconArrowLeft size={14} aria-hidden />}
                >
                  {t('links.backToList')}
                </ButtonLink>
              </div>
              <Group gap="sm">
                <Title order={2} size="h3" id="link-heading">
                  {title}
                </Title>
                <Badge variant="outline">{t(`links.kinds.${kind}`)}</Badge>
                {link ? (
                  <Badge variant="light" color={linkStatusColor(link.status)}>
                    {t(`links.status.${link.status}`)}
                  </Badge>
                ) : null}
              </Group>
              <Text size="sm" c="dimmed">
                {t(`links.kindHelp.${kind}`)}
              </Text>
              {link ? (
                <Text size="sm" style={{ wordBreak: 'break-all' }}>
                  {t('links.list.url')}: <Code>{link.url}</Code>
                </Text>
              ) : null}
            </Stack>
            <FormErrorAlert error={formError} />
            {FIELD_ORDER[kind].map((id, index) => (
              <Numbered key={id} number={index + 1}>
                {fields[id]}
              </Numbered>
            ))}
            <MoreSettings form={form} context={context} />
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                {link ? t('links.update') : t('links.createSubmit')}
              </Button>
            </Group>
          </Stack>
        </LocalizedDates>
      </form>
    </Paper>
  );
}

/** Instant: one Season. Dynamic and customer: Selectable Seasons, in order. */
function CatalogsField({
  form,
  context,
  single,
}: {
  form: UseFormReturnType<LinkValues>;
  context: BrandContext;
  single: boolean;
}) {
  const { t } = useTranslation();
  const catalogs = useAllCatalogs(context.brand.id);
  const data = (catalogs.data ?? []).map((catalog) => ({
    value: catalog.id,
    label: `${catalog.code} · ${context.text(catalog.name)}`,
  }));
  const ids = form.values.catalog_ids;
  const error = errorOf(form, 'catalog_ids');
  const noCatalog = catalogs.isSuccess && data.length === 0 ? t('links.help.noCatalogs') : null;
  if (single) {
    return (
      <Select
        {...form.getInputProps('catalog_ids')}
        label={t('links.fields.season')}
        description={noCatalog ?? t('links.help.season')}
        placeholder={t('common.choose')}
        data={data}
        searchable
        nothingFoundMessage={t('common.nothingFound')}
        withAsterisk
        maw={480}
        value={ids[0] ?? null}
        onChange={(id: string | null) => form.setFieldValue('catalog_ids', id ? [id] : [])}
        error={error}
      />
    );
  }
  return (
    <MultiSelect
      {...form.getInputProps('catalog_ids')}
      label={t('links.fields.seasons')}
      description={noCatalog ?? t('links.help.seasons')}
      placeholder={ids.length === 0 ? t('common.choose') : undefined}
      data={data}
      searchable
      nothingFoundMessage={t('common.nothingFound')}
      withAsterisk
      maw={560}
    />
  );
}

function LanguagesField({
  form,
  context,
}: {
  form: UseFormReturnType<LinkValues>;
  context: BrandContext;
}) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  return (
    <MultiSelect
      label={t('links.fields.languages')}
      description={t('links.help.languages')}
      data={context.languages.map((language) => ({
        value: language,
        label: languageName(language),
      }))}
      withAsterisk
      maw={480}
      {...form.getInputProps('languages')}
    />
  );
}

/** Transaction Term and Transaction Condition: a rate for WSP/RRP, a discount for the others. */
function TransactionTermFields({
  form,
  context,
  terms,
}: {
  form: UseFormReturnType<LinkValues>;
  context: BrandContext;
  terms: readonly TransactionTerm[];
}) {
  const { t } = useTranslation();
  const term = terms.find((each) => each.id === form.values.terms.transaction_term_id);
  return (
    <Stack gap={4}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('terms.transactionTerm')}
          data={terms.map((each) => ({
            value: each.id,
            label: `${each.code} · ${context.text(each.name)}`,
          }))}
          allowDeselect={false}
          withAsterisk
          placeholder={terms.length === 0 ? t('terms.noTerms') : t('common.choose')}
          {...form.getInputProps('terms.transaction_term_id')}
        />
        <TextInput
          label={t('terms.transactionCondition')}
          description={
            term?.kind === 'discount'
              ? t('links.help.conditionDiscount', { term: term.code })
              : t('links.help.conditionRate', { term: term?.code ?? 'WSP' })
          }
          inputMode="decimal"
          rightSection={<span aria-hidden>%</span>}
          withAsterisk
          {...form.getInputProps('terms.condition')}
        />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('links.help.conditionRule')}
      </Text>
    </Stack>
  );
}

/**
 * New link: a switch and the passcode. A link with a passcode: "Passcode: on", a new random one
 * (shown once: only its hash is kept), turn it off, or type a new one.
 */
function PasscodeField({
  form,
  context,
  link,
}: {
  form: UseFormReturnType<LinkValues>;
  context: BrandContext;
  link: Link | null;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const brandId = context.brand.id;
  const [generated, setGenerated] = useState<string | null>(null);
  const passcodeOn = form.values.passcode_on;
  const stored = link?.passcode_enabled ?? false;

  const generate = useMutation({
    mutationFn: (linkId: string) =>
      unwrap(
        api.POST('/api/v1/brands/{brand_id}/links/{link_id}/passcode', {
          params: { path: { brand_id: brandId, link_id: linkId } },
        }),
      ),
    onSuccess: async (answer) => {
      setGenerated(answer.passcode);
      form.setFieldValue('passcode_on', true);
      form.setFieldValue('passcode', '');
      await queryClient.invalidateQueries({ queryKey: linkKeys.all(brandId) });
    },
    onError: notifyError,
  });
  const turnOff = useMutation({
    mutationFn: (linkId: string) => patchLink(brandId, linkId, { passcode: null }),
    onSuccess: async (saved) => {
      setGenerated(null);
      queryClient.setQueryData(linkKeys.one(brandId, saved.id), saved);
      form.setFieldValue('passcode_on', false);
      form.setFieldValue('passcode', '');
      await queryClient.invalidateQueries({ queryKey: linkKeys.all(brandId) });
      notifySuccess(t('links.passcode.turnedOff'));
    },
    onError: notifyError,
  });

  const passcodeInput = (label: string, description: string) => (
    <TextInput
      label={label}
      description={description}
      maxLength={PASSCODE_MAX}
      autoComplete="off"
      maw={360}
      withAsterisk={!stored}
      {...form.getInputProps('passcode')}
    />
  );

  if (link && stored && passcodeOn) {
    return (
      <Input.Wrapper label={t('links.fields.passcode')} description={t('links.help.passcode')}>
        <Stack gap="xs" mt={6}>
          <Group gap="xs">
            <Badge color="green" variant="light" leftSection={<IconKey size={12} aria-hidden />}>
              {t('links.passcode.on')}
            </Badge>
            <Button
              size="xs"
              variant="light"
              loading={generate.isPending}
              onClick={() =>
                modals.openConfirmModal({
                  title: t('links.passcode.generateTitle'),
                  children: <Text size="sm">{t('links.passcode.generateText')}</Text>,
                  labels: { confirm: t('links.passcode.generate'), cancel: t('common.cancel') },
                  onConfirm: () => generate.mutate(link.id),
                })
              }
            >
              {t('links.passcode.generate')}
            </Button>
            <Button
              size="xs"
              variant="subtle"
              color="red"
              loading={turnOff.isPending}
              leftSection={<IconLockOpen size={14} aria-hidden />}
              onClick={() => turnOff.mutate(link.id)}
            >
              {t('links.passcode.turnOff')}
            </Button>
          </Group>
          {generated ? (
            <Alert color="green" title={t('links.passcode.generatedTitle')} role="status">
              <Stack gap="xs">
                <Group gap="xs">
                  <Code fz="lg" aria-label={t('links.passcode.generatedLabel')}>
                    {generated}
                  </Code>
                  <CopyButton value={generated}>
                    {({ copied, copy }) => (
                      <Button
                        size="compact-xs"
                        variant="light"
                        leftSection={
                          copied ? (
                            <IconCheck size={12} aria-hidden />
                          ) : (
                            <IconCopy size={12} aria-hidden />
                          )
                        }
                        onClick={copy}
                      >
                        {copied ? t('links.list.copied') : t('links.passcode.copy')}
                      </Button>
                    )}
                  </CopyButton>
                </Group>
                <Text size="xs">{t('links.passcode.generatedText')}</Text>
              </Stack>
            </Alert>
          ) : null}
          {passcodeInput(t('links.passcode.newValue'), t('links.passcode.keepHelp'))}
        </Stack>
      </Input.Wrapper>
    );
  }
  return (
    <Stack gap="xs">
      <Switch
        label={t('links.fields.passcode')}
        description={t('links.help.passcode')}
        {...form.getInputProps('passcode_on', { type: 'checkbox' })}
      />
      {passcodeOn ? passcodeInput(t('links.passcode.value'), t('links.passcode.valueHelp')) : null}
    </Stack>
  );
}

/** Background Media Type: Empty, an image from the brand's media, or a video URL. */
function BackgroundField({
  form,
  brandId,
}: {
  form: UseFormReturnType<LinkValues>;
  brandId: string;
}) {
  const { t } = useTranslation();
  const { background_type: type } = form.values;
  return (
    <Stack gap="xs">
      <Radio.Group
        label={t('links.fields.background')}
        description={t('links.help.background')}
        {...form.getInputProps('background_type')}
      >
        <Group mt="xs">
          {BACKGROUND_TYPES.map((each) => (
            <Radio key={each} value={each} label={t(`links.backgroundType.${each}`)} />
          ))}
        </Group>
      </Radio.Group>
      {type === 'image' ? (
        <MainVisualField
          brandId={brandId}
          label={t('links.fields.backgroundImage')}
          value={form.values.background_media_id}
          onChange={(id) => form.setFieldValue('background_media_id', id)}
          error={errorOf(form, 'background_media_id')}
        />
      ) : null}
      {type === 'video' ? (
        <TextInput
          label={t('links.fields.backgroundVideo')}
          description={t('links.help.backgroundVideo')}
          type="url"
          placeholder="https://"
          withAsterisk
          maw={560}
          {...form.getInputProps('background_video_url')}
        />
      ) : null}
    </Stack>
  );
}

function LookbooksField({
  form,
  context,
}: {
  form: UseFormReturnType<LinkValues>;
  context: BrandContext;
}) {
  const { t } = useTranslation();
  const lookbooks = useLookbooks(context.brand.id);
  return (
    <MultiSelect
      label={t('links.fields.lookbooks')}
      description={t('links.help.lookbooks')}
      placeholder={form.values.lookbook_ids.length === 0 ? t('links.noLookbooks') : undefined}
      data={(lookbooks.data ?? []).map((lookbook) => ({
        value: lookbook.id,
        label: context.text(lookbook.name),
      }))}
      searchable
      nothingFoundMessage={t('common.nothingFound')}
      maw={560}
      {...form.getInputProps('lookbook_ids')}
    />
  );
}

/** Up to five contacts shown to the link's visitors. */
function ContactsField({ form }: { form: UseFormReturnType<LinkValues> }) {
  const { t } = useTranslation();
  const contacts = form.values.contacts;
  return (
    <Fieldset
      legend={t('links.fields.contacts')}
      variant="unstyled"
      styles={{ legend: { fontWeight: 500, fontSize: 'var(--mantine-font-size-sm)' } }}
    >
      <Stack gap="sm">
        <Text size="xs" c="dimmed">
          {t('links.help.contacts', { max: MAX_CONTACTS })}
        </Text>
        {contacts.map((_, index) => {
          const number = index + 1;
          const input = (field: string) => form.getInputProps(`contacts.${index}.${field}`);
          return (
            <Paper key={index} withBorder p="sm" radius="sm">
              <Stack gap="xs">
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <TextInput
                    label={t('links.contact.name', { number })}
                    withAsterisk
                    maxLength={200}
                    {...input('name')}
                  />
                  <TextInput
                    label={t('links.contact.email', { number })}
                    type="email"
                    maxLength={320}
                    {...input('email')}
                  />
                  <TextInput
                    label={t('links.contact.phone', { number })}
                    type="tel"
                    maxLength={320}
                    {...input('phone')}
                  />
                </SimpleGrid>
                <Textarea
                  label={t('links.contact.note', { number })}
                  autosize
                  minRows={1}
                  maxLength={1000}
                  {...input('note')}
                />
                <Group justify="flex-end">
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    leftSection={<IconTrash size={14} aria-hidden />}
                    onClick={() => form.removeListItem('contacts', index)}
                  >
                    {t('links.contact.remove', { number })}
                  </Button>
                </Group>
              </Stack>
            </Paper>
          );
        })}
        {errorOf(form, 'contacts') ? (
          <Text size="sm" c="red" role="alert">
            {errorOf(form, 'contacts')}
          </Text>
        ) : null}
        <div>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            disabled={contacts.length >= MAX_CONTACTS}
            onClick={() => form.insertListItem('contacts', emptyContact())}
          >
            {t('links.contact.add')}
          </Button>
        </div>
      </Stack>
    </Fieldset>
  );
}

/** Not in the manual's list: the optional overrides of the catalogs' shipping and payment. */
function MoreSettings({
  form,
  context,
}: {
  form: UseFormReturnType<LinkValues>;
  context: BrandContext;
}) {
  const { t } = useTranslation();
  const { brand, settings } = context;
  const groups = useShippingGroups(brand.id);
  const allowed: PaymentMethod[] = [
    ...(settings.card_payments_enabled ? (['card'] as const) : []),
    ...(settings.offline_payment_accepted ? (['offline'] as const) : []),
  ];
  const { values } = form;
  return (
    <Fieldset legend={t('links.more.title')}>
      <Stack gap="sm">
        <Select
          label={t('links.more.shippingGroup')}
          description={t('links.more.shippingGroupHelp')}
          clearable
          placeholder={t('links.more.catalogDefault')}
          maw={480}
          data={(groups.data ?? []).map((group) => ({
            value: group.id,
            label: `${group.code} · ${context.text(group.name)} (${group.currency})`,
          }))}
          {...form.getInputProps('shipping_rate_group_id')}
          value={values.shipping_rate_group_id || null}
          onChange={(id: string | null) => form.setFieldValue('shipping_rate_group_id', id ?? '')}
        />
        <Switch
          label={t('links.more.overridePayment')}
          description={t('links.more.overridePaymentHelp')}
          {...form.getInputProps('override_payment_methods', { type: 'checkbox' })}
        />
        {values.override_payment_methods ? (
          <Checkbox.Group
            label={t('catalogs.paymentMethods')}
            description={allowed.length === 0 ? t('catalogs.noPaymentMethods') : undefined}
            {...form.getInputProps('payment_methods')}
          >
            <Group mt="xs">
              {allowed.map((method) => (
                <Checkbox key={method} value={method} label={t(`catalogs.payment.${method}`)} />
              ))}
            </Group>
          </Checkbox.Group>
        ) : null}
      </Stack>
    </Fieldset>
  );
}
