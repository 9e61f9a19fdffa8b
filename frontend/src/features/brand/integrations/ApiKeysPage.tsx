import {
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Radio,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { LoadMore } from '../../../components/LoadMore';
import { notifyError, notifySuccess } from '../../../components/notify';
import { ListQueryState } from '../../../components/QueryState';
import { formatDateTime } from '../../../lib/dates';
import { formFields, mapProblem } from '../../../lib/problem';
import { usePageTitle } from '../../../lib/usePageTitle';
import { requiredText } from '../../../lib/validation';
import { AdminOnly } from './AdminOnly';
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from './data';
import {
  ACCESS_LEVELS,
  accessOf,
  AREAS,
  NO_ACCESS,
  scopesOf,
  type AccessByArea,
  type ApiKey,
} from './model';
import { SecretReveal } from './SecretReveal';

const keyFields = formFields(['name', 'scopes'], { scopes: 'access' });

/** API keys: integrators' credentials, each scoped per area; the secret is shown once. */
export function ApiKeysPage() {
  const { t } = useTranslation();
  usePageTitle(t('integrations.keys.title'));
  return <AdminOnly>{(brandId) => <ApiKeys brandId={brandId} />}</AdminOnly>;
}

export function ApiKeys({ brandId }: { brandId: string }) {
  const { t, i18n } = useTranslation();
  const keys = useApiKeys(brandId);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const list = keys.data?.pages.flatMap((page) => page.items) ?? [];
  const create = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
      {t('integrations.keys.create')}
    </Button>
  );

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="api-keys-heading">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4} maw={640}>
            <Title order={2} size="h3" id="api-keys-heading">
              {t('integrations.keys.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('integrations.keys.intro')}
            </Text>
          </Stack>
          {list.length > 0 ? create : null}
        </Group>
        <ListQueryState
          query={keys}
          empty={list.length === 0}
          emptyTitle={t('integrations.keys.empty')}
          emptyDescription={t('integrations.keys.emptyText')}
          emptyAction={create}
        />
        {list.length > 0 ? (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('integrations.keys.name')}</Table.Th>
                  <Table.Th>{t('integrations.keys.key')}</Table.Th>
                  <Table.Th>{t('integrations.keys.access')}</Table.Th>
                  <Table.Th>{t('integrations.keys.createdAt')}</Table.Th>
                  <Table.Th>{t('integrations.keys.lastUsed')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((key) => (
                  <Table.Tr key={key.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {key.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {key.prefix}…
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <AccessBadges scopes={key.scopes} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(key.created_at, i18n.language)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {key.last_used_at
                          ? formatDateTime(key.last_used_at, i18n.language)
                          : t('integrations.keys.never')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {key.revoked_at ? (
                        <Badge color="gray" variant="light">
                          {t('integrations.keys.revokedOn', {
                            date: formatDateTime(key.revoked_at, i18n.language),
                          })}
                        </Badge>
                      ) : (
                        <Button
                          size="xs"
                          variant="light"
                          color="red"
                          aria-label={t('integrations.keys.revokeName', { name: key.name })}
                          onClick={() => setRevoking(key)}
                        >
                          {t('integrations.keys.revoke')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        <LoadMore
          hasNextPage={keys.hasNextPage}
          isFetchingNextPage={keys.isFetchingNextPage}
          fetchNextPage={keys.fetchNextPage}
        />
      </Stack>
      <CreateKeyModal brandId={brandId} opened={creating} onClose={() => setCreating(false)} />
      <RevokeKeyModal brandId={brandId} apiKey={revoking} onClose={() => setRevoking(null)} />
    </Paper>
  );
}

function AccessBadges({ scopes }: { scopes: ApiKey['scopes'] }) {
  const { t } = useTranslation();
  const access = accessOf(scopes);
  return (
    <Group gap={4}>
      {AREAS.filter((area) => access[area] !== 'none').map((area) => (
        <Badge key={area} variant="light" color={access[area] === 'write' ? 'blue' : 'gray'}>
          {t(`integrations.areas.${area}`)}: {t(`integrations.access.${access[area]}`)}
        </Badge>
      ))}
    </Group>
  );
}

interface KeyValues {
  name: string;
  access: AccessByArea;
}

function CreateKeyModal({
  brandId,
  opened,
  onClose,
}: {
  brandId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [secret, setSecret] = useState<string | null>(null);
  const create = useCreateApiKey(brandId);
  const form = useForm<KeyValues>({
    initialValues: { name: '', access: NO_ACCESS },
    validate: (values) => {
      const errors: Record<string, string> = {};
      const name = requiredText(values.name);
      if (name) errors.name = name;
      if (scopesOf(values.access).length === 0) errors.access = t('integrations.keys.noAccess');
      return errors;
    },
  });
  const close = () => {
    setSecret(null);
    form.reset();
    create.reset();
    onClose();
  };
  const submit = form.onSubmit((values) =>
    create.mutate(
      { name: values.name.trim(), scopes: scopesOf(values.access) },
      {
        onSuccess: (created) => setSecret(created.secret),
        onError: (error) => form.setErrors(mapProblem(error, keyFields).fieldErrors),
      },
    ),
  );

  return (
    <Modal
      opened={opened}
      onClose={close}
      size="lg"
      title={secret ? t('integrations.keys.createdTitle') : t('integrations.keys.createTitle')}
    >
      {secret ? (
        <Stack gap="md">
          <SecretReveal label={t('integrations.keys.secretLabel')} secret={secret} />
          <Group justify="flex-end">
            <Button onClick={close}>{t('integrations.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormErrorAlert
              error={create.isError ? mapProblem(create.error, keyFields).formError : null}
            />
            <TextInput
              label={t('integrations.keys.name')}
              description={t('integrations.keys.nameHelp')}
              withAsterisk
              data-autofocus
              maxLength={100}
              {...form.getInputProps('name')}
            />
            <Stack gap="xs">
              <Text size="sm" fw={500}>
                {t('integrations.keys.access')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('integrations.keys.accessHelp')}
              </Text>
              {AREAS.map((area) => (
                <Radio.Group
                  key={area}
                  label={t(`integrations.areas.${area}`)}
                  description={t(`integrations.areaHelp.${area}`)}
                  value={form.values.access[area]}
                  onChange={(value) =>
                    form.setFieldValue(
                      `access.${area}`,
                      ACCESS_LEVELS.find((level) => level === value) ?? 'none',
                    )
                  }
                >
                  <Group gap="md" mt={4}>
                    {ACCESS_LEVELS.map((level) => (
                      <Radio key={level} value={level} label={t(`integrations.access.${level}`)} />
                    ))}
                  </Group>
                </Radio.Group>
              ))}
              {form.errors.access ? (
                <Text size="sm" c="red" role="alert">
                  {form.errors.access}
                </Text>
              ) : null}
            </Stack>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                loading={create.isPending}
                leftSection={<IconKey size={16} aria-hidden />}
              >
                {t('integrations.keys.createSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function RevokeKeyModal({
  brandId,
  apiKey,
  onClose,
}: {
  brandId: string;
  apiKey: ApiKey | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const revoke = useRevokeApiKey(brandId);
  return (
    <Modal
      opened={apiKey !== null}
      onClose={onClose}
      title={t('integrations.keys.revokeTitle', { name: apiKey?.name ?? '' })}
    >
      <Stack gap="md">
        <Text size="sm">{t('integrations.keys.revokeText')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={revoke.isPending}
            onClick={() =>
              apiKey &&
              revoke.mutate(apiKey.id, {
                onSuccess: () => {
                  notifySuccess(t('integrations.keys.revoked', { name: apiKey.name }));
                  onClose();
                },
                onError: notifyError,
              })
            }
          >
            {t('integrations.keys.revoke')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
