import { ActionIcon, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { LocalizedTextInputs } from '../../../components/LocalizedTextInputs';
import { useLanguageName } from '../../../lib/queries';
import { emptyGroup, emptyValue, type ProductValues } from './productForm';

/**
 * The SKU template's properties (Colour, Size: every combination becomes a SKU) or the option
 * groups (Packaging: the buyer splits a SKU's quantity over them), each with its values.
 */
export function GroupsEditor({
  form,
  field,
  languages,
  defaultLanguage,
  max,
  disabled = false,
}: {
  form: UseFormReturnType<ProductValues>;
  field: 'sku_properties' | 'option_groups';
  languages: readonly string[];
  defaultLanguage: string;
  max: number;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  const groups = form.values[field];
  const groupName = (index: number) =>
    field === 'sku_properties'
      ? t('products.groups.property', { number: index + 1 })
      : t('products.groups.optionGroup', { number: index + 1 });

  return (
    <Stack gap="sm">
      {groups.map((group, index) => {
        const name = groupName(index);
        const path = `${field}.${index}`;
        const valuesError = form.errors[`${path}.values`];
        return (
          <Paper key={group.key} withBorder p="sm" component="fieldset" aria-label={name} m={0}>
            <Stack gap="xs">
              <Group justify="space-between">
                <Title order={4} size="h5">
                  {name}
                </Title>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  disabled={disabled}
                  onClick={() => form.removeListItem(field, index)}
                  aria-label={t('products.groups.remove', { name })}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
              <Group align="flex-start" grow>
                <TextInput
                  label={t('products.groups.code', { group: name })}
                  description={t('products.groups.codeHelp')}
                  withAsterisk
                  disabled={disabled}
                  {...form.getInputProps(`${path}.code`)}
                />
                <LocalizedTextInputs
                  label={t('products.groups.name', { group: name })}
                  languages={languages}
                  requiredLanguages={[defaultLanguage]}
                  disabled={disabled}
                  inputProps={(language) => form.getInputProps(`${path}.name.${language}`)}
                />
              </Group>
              <Stack gap={6} component="ol" style={{ margin: 0, padding: 0, listStyle: 'none' }}>
                {group.values.map((value, valueIndex) => {
                  const valueLabel = t('products.groups.value', {
                    number: valueIndex + 1,
                    group: name,
                  });
                  return (
                    <Group
                      key={value.key}
                      component="li"
                      align="flex-end"
                      gap="xs"
                      wrap="wrap"
                      aria-label={valueLabel}
                    >
                      <TextInput
                        w={160}
                        label={t('products.groups.valueCode', { value: valueLabel })}
                        withAsterisk
                        disabled={disabled}
                        {...form.getInputProps(`${path}.values.${valueIndex}.code`)}
                      />
                      {languages.map((language) => (
                        <TextInput
                          key={language}
                          w={180}
                          lang={language}
                          label={
                            languages.length > 1
                              ? t('languages.inLanguage', {
                                  label: t('products.groups.valueName', { value: valueLabel }),
                                  language: languageName(language),
                                })
                              : t('products.groups.valueName', { value: valueLabel })
                          }
                          placeholder={value.code}
                          disabled={disabled}
                          {...form.getInputProps(`${path}.values.${valueIndex}.name.${language}`)}
                        />
                      ))}
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        mb={4}
                        disabled={disabled}
                        onClick={() => form.removeListItem(`${path}.values`, valueIndex)}
                        aria-label={t('products.groups.removeValue', { value: valueLabel })}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Group>
                  );
                })}
              </Stack>
              {typeof valuesError === 'string' || valuesError ? (
                <Text size="sm" c="red">
                  {valuesError}
                </Text>
              ) : null}
              <Group>
                <Button
                  size="xs"
                  variant="light"
                  disabled={disabled}
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() => {
                    form.insertListItem(`${path}.values`, emptyValue(languages));
                    form.clearFieldError(`${path}.values`);
                  }}
                  aria-label={t('products.groups.addValueTo', { group: name })}
                >
                  {t('products.groups.addValue')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        );
      })}
      <Group>
        <Button
          variant="default"
          disabled={disabled || groups.length >= max}
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => form.insertListItem(field, emptyGroup(languages))}
        >
          {field === 'sku_properties'
            ? t('products.groups.addProperty')
            : t('products.groups.addOptionGroup')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('products.groups.max', { max })}
        </Text>
      </Group>
    </Stack>
  );
}
