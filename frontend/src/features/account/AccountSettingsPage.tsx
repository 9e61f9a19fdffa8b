import { Container, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { ErrorState, LoadingState } from '../../components/QueryState';
import { useMe } from '../../lib/queries';
import { usePageTitle } from '../../lib/usePageTitle';
import { ChangePasswordForm } from './ChangePasswordForm';
import { ProfileForm } from './ProfileForm';

export function AccountSettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('account.title'));
  const me = useMe();

  return (
    <Container size="sm">
      <Stack gap="xl">
        <Title order={1}>{t('account.title')}</Title>
        {me.isPending ? <LoadingState /> : null}
        {me.isError ? <ErrorState error={me.error} onRetry={() => void me.refetch()} /> : null}
        {me.data ? (
          <>
            <ProfileForm user={me.data} />
            <ChangePasswordForm />
          </>
        ) : null}
      </Stack>
    </Container>
  );
}
