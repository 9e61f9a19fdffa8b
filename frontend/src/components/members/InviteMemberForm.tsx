import { Button, Group, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { formFields, mapProblem, type MappedProblem } from '../../lib/problem';
import { emailAddress } from '../../lib/validation';
import { FormErrorAlert } from '../FormErrorAlert';

const fields = formFields(['email', 'role']);

/** Invite someone by e-mail with a role; the API e-mails them an invitation link. */
export function InviteMemberForm<Role extends string>({
  roles,
  defaultRole,
  onInvite,
}: {
  roles: { value: Role; label: string }[];
  defaultRole: Role;
  onInvite: (values: { email: string; role: Role }) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<MappedProblem['formError']>(null);
  const [sending, setSending] = useState(false);
  const form = useForm({
    initialValues: { email: '', role: defaultRole },
    validate: { email: emailAddress },
  });

  const submit = form.onSubmit(async ({ email, role }) => {
    setFormError(null);
    setSending(true);
    try {
      await onInvite({ email: email.trim(), role });
      notifications.show({
        color: 'green',
        message: t('members.invited', { email: email.trim() }),
      });
      form.reset();
    } catch (error) {
      const mapped = mapProblem(error, fields);
      form.setErrors(mapped.fieldErrors);
      setFormError(mapped.formError);
    } finally {
      setSending(false);
    }
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="invite-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="invite-heading">
            {t('members.inviteTitle')}
          </Title>
          <FormErrorAlert error={formError} />
          <Group align="flex-start" gap="sm" wrap="wrap">
            <TextInput
              label={t('fields.email')}
              type="email"
              withAsterisk
              style={{ flex: '1 1 240px' }}
              {...form.getInputProps('email')}
            />
            <Select
              label={t('members.role')}
              data={roles}
              allowDeselect={false}
              w={180}
              {...form.getInputProps('role')}
            />
          </Group>
          <Group justify="flex-end">
            <Button type="submit" loading={sending}>
              {t('members.invite')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
