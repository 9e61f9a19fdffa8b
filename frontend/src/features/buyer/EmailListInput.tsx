import { ActionIcon, Button, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A list of e-mail addresses with an **Add** button and a **Trash** icon button per row
 * ("Email", "Email Recipients" in the manual). At least one row always stays.
 */
export function EmailListInput({
  legend,
  description,
  count,
  inputProps,
  onAdd,
  onRemove,
  error,
  max = 10,
}: {
  legend: string;
  description?: string;
  count: number;
  inputProps: (index: number) => GetInputPropsReturnType;
  onAdd: () => void;
  onRemove: (index: number) => void;
  error?: ReactNode;
  max?: number;
}) {
  const { t } = useTranslation();
  return (
    <Fieldset
      legend={
        <Text span size="sm" fw={500}>
          {legend}{' '}
          <Text span c="red" aria-hidden>
            *
          </Text>
        </Text>
      }
      variant="unstyled"
    >
      <Stack gap={6}>
        {description ? (
          <Text size="xs" c="dimmed">
            {description}
          </Text>
        ) : null}
        {Array.from({ length: count }, (_, index) => {
          const rowLabel = t('buyer.form.listItem', { label: legend, number: index + 1 });
          return (
            <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
              <TextInput
                type="email"
                aria-label={rowLabel}
                placeholder="name@example.com"
                style={{ flex: 1 }}
                {...inputProps(index)}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={t('buyer.form.removeItem', { label: rowLabel })}
                disabled={count <= 1}
                onClick={() => onRemove(index)}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          );
        })}
        {error ? (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        ) : null}
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            disabled={count >= max}
            onClick={onAdd}
            aria-label={t('buyer.form.addTo', { label: legend })}
          >
            {t('common.add')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
