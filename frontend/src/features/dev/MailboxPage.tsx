import {
  Anchor,
  Button,
  Code,
  Container,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { EmptyListState, ErrorState, LoadingState } from '../../components/QueryState';
import { ApiError } from '../../lib/problem';
import { devMailboxQuery } from '../../lib/queries';
import { usePageTitle } from '../../lib/usePageTitle';

const route = getRouteApi('/dev/mailbox');

/**
 * The development mailbox: the e-mails Showroom "sent" while no SMTP server is configured, so a
 * newcomer can read a sign-up code. Off (404) in production.
 */
export function MailboxPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('mailbox.title'));
  const { to = '' } = route.useSearch();
  const navigate = useNavigate();
  const [filter, setFilter] = useState(to);
  const mails = useQuery(devMailboxQuery(to));
  const dateFormat = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'medium',
  });

  const applyFilter = (value: string) =>
    void navigate({ to: '/dev/mailbox', search: value ? { to: value } : {} });

  const disabled = mails.error instanceof ApiError && mails.error.status === 404;

  return (
    <Container size="md">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={1}>{t('mailbox.title')}</Title>
            <Text c="dimmed">{t('mailbox.intro')}</Text>
          </div>
          <Button
            variant="light"
            leftSection={<IconRefresh size={16} aria-hidden />}
            loading={mails.isFetching}
            onClick={() => void mails.refetch()}
          >
            {t('mailbox.reload')}
          </Button>
        </Group>

        <form
          onSubmit={(event) => {
            event.preventDefault();
            applyFilter(filter.trim());
          }}
        >
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('mailbox.filter')}
              type="email"
              value={filter}
              onChange={(event) => setFilter(event.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button type="submit" variant="default">
              {t('mailbox.apply')}
            </Button>
            {to ? (
              <Button
                variant="subtle"
                onClick={() => {
                  setFilter('');
                  applyFilter('');
                }}
              >
                {t('mailbox.showAll')}
              </Button>
            ) : null}
          </Group>
        </form>

        {mails.isPending ? <LoadingState /> : null}
        {disabled ? (
          <EmptyListState title={t('mailbox.offTitle')} description={t('mailbox.offText')} />
        ) : null}
        {mails.isError && !disabled ? (
          <ErrorState error={mails.error} onRetry={() => void mails.refetch()} />
        ) : null}
        {mails.isSuccess && mails.data.length === 0 ? (
          <EmptyListState title={t('mailbox.emptyTitle')} description={t('mailbox.emptyText')} />
        ) : null}

        <Stack gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {mails.data?.map((mail) => (
            <Paper key={mail.id} withBorder p="md" component="li">
              <Stack gap={6}>
                <Title order={2} size="h4">
                  {mail.subject}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('mailbox.to', { address: mail.to_address })} ·{' '}
                  <time dateTime={mail.created_at}>
                    {dateFormat.format(new Date(mail.created_at))}
                  </time>
                </Text>
                <Code block style={{ whiteSpace: 'pre-wrap' }}>
                  <MailBody text={mail.text_body} />
                </Code>
              </Stack>
            </Paper>
          ))}
        </Stack>
      </Stack>
    </Container>
  );
}

const URL_PATTERN = /(https?:\/\/[^\s]+)/g;

/** The mail's text with its links (sign-up, invitation, password reset) clickable. */
function MailBody({ text }: { text: string }) {
  return text.split(URL_PATTERN).map((part, index) =>
    index % 2 === 1 ? (
      <Anchor key={index} href={part} inherit>
        {part}
      </Anchor>
    ) : (
      part
    ),
  );
}
