import { Radio, Group, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

import { useLanguageName } from '../../../lib/queries';
import type { TransactionTerm } from '../data';
import type { BrandContext } from '../shared/BrandGate';
import type { TermsValues } from './termsForm';

/**
 * The established terms a customer orders on: language, currency, Transaction Term and
 * Transaction Condition (a rate of WSP/RRP, else a discount), Billing Term (With Deposit +
 * Deposit Condition, or Without Deposit), Apply Tax To Price.
 */
export function TermsFields<Values extends { terms: TermsValues }>({
  form,
  context,
  terms,
}: {
  form: UseFormReturnType<Values>;
  context: BrandContext;
  terms: readonly TransactionTerm[];
}) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  const values = form.getValues().terms;
  const term = terms.find((each) => each.id === values.transaction_term_id);
  const input = (field: keyof TermsValues, options?: { type: 'checkbox' }) =>
    form.getInputProps(`terms.${field}`, options);

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('terms.language')}
          data={context.languages.map((language) => ({
            value: language,
            label: languageName(language),
          }))}
          allowDeselect={false}
          withAsterisk
          {...input('language')}
        />
        <Select
          label={t('terms.currency')}
          data={context.currencies}
          allowDeselect={false}
          withAsterisk
          {...input('currency')}
        />
        <Select
          label={t('terms.transactionTerm')}
          data={terms.map((each) => ({
            value: each.id,
            label: `${each.code} · ${context.text(each.name)}`,
          }))}
          allowDeselect={false}
          withAsterisk
          placeholder={terms.length === 0 ? t('terms.noTerms') : t('common.choose')}
          {...input('transaction_term_id')}
        />
        <TextInput
          label={t('terms.transactionCondition')}
          description={
            term?.kind === 'discount'
              ? t('terms.conditionDiscount', { term: term.code })
              : t('terms.conditionRate', { term: term?.code ?? 'WSP' })
          }
          inputMode="decimal"
          rightSection={<span aria-hidden>%</span>}
          withAsterisk
          {...input('condition')}
        />
      </SimpleGrid>
      <Radio.Group label={t('terms.billingTerm')} {...input('billing_term')}>
        <Group mt="xs">
          <Radio value="without_deposit" label={t('terms.withoutDeposit')} />
          <Radio value="with_deposit" label={t('terms.withDeposit')} />
        </Group>
      </Radio.Group>
      {values.billing_term === 'with_deposit' ? (
        <TextInput
          maw={240}
          label={t('terms.depositCondition')}
          description={t('terms.depositConditionHelp')}
          inputMode="decimal"
          rightSection={<span aria-hidden>%</span>}
          withAsterisk
          {...input('deposit_percent')}
        />
      ) : null}
      <Switch
        label={t('terms.applyTaxToPrice')}
        description={t('terms.applyTaxToPriceHelp')}
        {...input('apply_tax_to_price', { type: 'checkbox' })}
      />
    </Stack>
  );
}
