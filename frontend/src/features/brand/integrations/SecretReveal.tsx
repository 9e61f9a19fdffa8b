import { Alert, Button, Code, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** A secret the server shows this once (an API key, a signing secret), with a copy button. */
export function SecretReveal({ label, secret }: { label: string; secret: string }) {
  const { t } = useTranslation();
  const clipboard = useClipboard({ timeout: 2000 });
  const id = useId();
  return (
    <Stack gap="xs">
      <Alert
        color="yellow"
        icon={<IconAlertTriangle aria-hidden />}
        title={t('integrations.secret.once')}
      >
        {t('integrations.secret.onceText')}
      </Alert>
      <Text size="sm" fw={500} id={id}>
        {label}
      </Text>
      <Code block aria-labelledby={id} style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
        {secret}
      </Code>
      <Group gap="xs">
        <Button
          variant="light"
          color={clipboard.copied ? 'teal' : undefined}
          leftSection={
            clipboard.copied ? (
              <IconCheck size={14} aria-hidden />
            ) : (
              <IconCopy size={14} aria-hidden />
            )
          }
          onClick={() => clipboard.copy(secret)}
        >
          {clipboard.copied ? t('integrations.secret.copied') : t('integrations.secret.copy')}
        </Button>
      </Group>
      {clipboard.error ? (
        <Text size="sm" c="red" role="alert">
          {t('integrations.secret.copyFailed')}
        </Text>
      ) : null}
      <VisuallyHidden role="status" aria-live="polite">
        {clipboard.copied ? t('integrations.secret.copied') : ''}
      </VisuallyHidden>
    </Stack>
  );
}
