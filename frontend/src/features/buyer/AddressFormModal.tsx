import { Button, Checkbox, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { CountrySelect } from '../../components/CountrySelect';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { mapProblem, unwrap } from '../../lib/problem';
import { queryKeys } from '../../lib/queries';
import { requiredText } from '../../lib/validation';
import {
  addressFields,
  addressToForm,
  emptyAddress,
  type Address,
  type AddressFormValues,
  type AddressKind,
} from './addressForm';

/** "Create a New Delivery Address" / "Create a New Billing Address", and Edit. */
export function AddressFormModal({
  orgId,
  kind,
  address,
  defaultCountry,
  opened,
  onClose,
}: {
  orgId: string;
  kind: AddressKind;
  /** The address to edit; none to create one. */
  address: Address | null;
  defaultCountry: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const title = address ? t(`buyer.addresses.edit.${kind}`) : t(`buyer.addresses.create.${kind}`);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened ? (
        <AddressForm
          orgId={orgId}
          kind={kind}
          address={address}
          defaultCountry={defaultCountry}
          onDone={onClose}
        />
      ) : null}
    </Modal>
  );
}

function AddressForm({
  orgId,
  kind,
  address,
  defaultCountry,
  onDone,
}: {
  orgId: string;
  kind: AddressKind;
  address: Address | null;
  defaultCountry: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<AddressFormValues>({
    initialValues: address ? addressToForm(address) : emptyAddress(defaultCountry),
    validate: {
      recipient: requiredText,
      postal_code: requiredText,
      country: requiredText,
      state: requiredText,
      city: requiredText,
      line1: requiredText,
      phone: requiredText,
    },
  });

  const save = useMutation({
    mutationFn: (values: AddressFormValues) =>
      address
        ? unwrap(
            api.PATCH('/api/v1/buyer-organizations/{org_id}/addresses/{address_id}', {
              params: { path: { org_id: orgId, address_id: address.id } },
              body: values,
            }),
          )
        : unwrap(
            api.POST('/api/v1/buyer-organizations/{org_id}/addresses', {
              params: { path: { org_id: orgId } },
              body: { ...values, kind },
            }),
          ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({
        queryKey: [...queryKeys.buyerOrganization(orgId), 'addresses'],
      });
      notifySuccess(t('buyer.addresses.saved'));
      onDone();
    },
    onError: (error) => form.setErrors(mapProblem(error, addressFields).fieldErrors),
  });

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack gap="sm">
        <FormErrorAlert
          error={save.isError ? mapProblem(save.error, addressFields).formError : null}
        />
        <TextInput
          label={t(`buyer.addresses.recipient.${kind}`)}
          withAsterisk
          data-autofocus
          {...form.getInputProps('recipient')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('buyer.addresses.postalCode')}
            autoComplete="postal-code"
            withAsterisk
            {...form.getInputProps('postal_code')}
          />
          <CountrySelect
            label={t('fields.country')}
            withAsterisk
            {...form.getInputProps('country')}
          />
          <TextInput
            label={t('buyer.addresses.state')}
            autoComplete="address-level1"
            withAsterisk
            {...form.getInputProps('state')}
          />
          <TextInput
            label={t('buyer.addresses.city')}
            autoComplete="address-level2"
            withAsterisk
            {...form.getInputProps('city')}
          />
        </SimpleGrid>
        <TextInput
          label={t('buyer.addresses.line1')}
          autoComplete="address-line1"
          withAsterisk
          {...form.getInputProps('line1')}
        />
        <TextInput
          label={t('buyer.addresses.line2')}
          autoComplete="address-line2"
          {...form.getInputProps('line2')}
        />
        <TextInput
          label={t('buyer.form.phone')}
          type="tel"
          autoComplete="tel"
          withAsterisk
          {...form.getInputProps('phone')}
        />
        {/* A default address stays default until another one takes the flag. */}
        {address?.is_default ? null : (
          <Checkbox
            label={t('buyer.addresses.setDefault')}
            {...form.getInputProps('is_default', { type: 'checkbox' })}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {address ? t('common.save') : t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
