import { Container } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { NotFoundState } from '../components/QueryState';
import { usePageTitle } from '../lib/usePageTitle';
import { ButtonLink } from '../components/links';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('common.notFoundTitle'));
  return (
    <Container size="sm">
      <NotFoundState action={<ButtonLink to="/">{t('common.goHome')}</ButtonLink>} />
    </Container>
  );
}
