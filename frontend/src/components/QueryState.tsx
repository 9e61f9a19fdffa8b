import { Alert, Button, Center, EmptyState, Loader, Stack } from '@mantine/core';
import { IconAlertTriangle, IconLock, IconMoodEmpty, IconSearch } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError, errorMessage } from '../lib/problem';

export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="md" aria-hidden />
        <span>{label ?? t('common.loading')}</span>
      </Stack>
    </Center>
  );
}

export function NotFoundState({ title, action }: { title?: string; action?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <EmptyState
      py="xl"
      icon={<IconSearch aria-hidden />}
      title={title ?? t('common.notFoundTitle')}
      description={t('common.notFoundText')}
    >
      {action ? <EmptyState.Actions>{action}</EmptyState.Actions> : null}
    </EmptyState>
  );
}

export function NotAllowedState() {
  const { t } = useTranslation();
  return (
    <EmptyState
      py="xl"
      icon={<IconLock aria-hidden />}
      title={t('common.notAllowedTitle')}
      description={t('problem.status.403')}
    />
  );
}

/** A failed load: "not allowed" for 403, a not-found state for 404, else the message and Retry. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 404) return <NotFoundState />;
  if (error instanceof ApiError && error.status === 403) return <NotAllowedState />;
  return (
    <Alert
      color="red"
      icon={<IconAlertTriangle aria-hidden />}
      title={t('common.loadFailed')}
      role="alert"
    >
      <Stack gap="sm" align="flex-start">
        <span>{errorMessage(error)}</span>
        {onRetry ? (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}

export function EmptyListState({
  title,
  description,
  action,
}: {
  title: string;
  description?: string;
  action?: ReactNode;
}) {
  return (
    <EmptyState
      py="xl"
      icon={<IconMoodEmpty aria-hidden />}
      title={title}
      description={description}
    >
      {action ? <EmptyState.Actions>{action}</EmptyState.Actions> : null}
    </EmptyState>
  );
}

/** What a list shows instead of its rows: loading, the failure with Retry, or its empty state
 * once it loaded with nothing in it. Renders nothing while there are rows to show. */
export function ListQueryState({
  query,
  empty,
  emptyTitle,
  emptyDescription,
  emptyAction,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  empty: boolean;
  emptyTitle: string;
  emptyDescription?: string;
  emptyAction?: ReactNode;
}) {
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!empty) return null;
  return <EmptyListState title={emptyTitle} description={emptyDescription} action={emptyAction} />;
}
