import { Container, Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

import { usePageTitle } from '../../lib/usePageTitle';

/** The narrow card the log-in, sign-up and password pages share. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  usePageTitle(title);
  return (
    <Container size={480} py="xl">
      <Paper withBorder shadow="sm" p="xl" radius="md">
        <Stack gap="lg">
          <Title order={1} size="h2">
            {title}
          </Title>
          {children}
        </Stack>
      </Paper>
    </Container>
  );
}
