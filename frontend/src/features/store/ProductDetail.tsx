import {
  Badge,
  Group,
  Image,
  Modal,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { formatMoney } from '../../lib/money';
import { stockLabel, stockTone } from './format';
import type { StoreCatalog, StoreProduct } from './storeApi';

/** A product in full: its images, description, options and every SKU with price and stock. */
export function ProductDetail({
  product,
  pricing,
  onClose,
}: {
  product: StoreProduct | null;
  pricing: StoreCatalog['pricing'];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={product !== null}
      onClose={onClose}
      size="xl"
      title={
        product ? (
          <Text fw={700} fz="lg">
            {product.name}
          </Text>
        ) : null
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {product ? <ProductBody key={product.id} product={product} pricing={pricing} /> : null}
    </Modal>
  );
}

function ProductBody({
  product,
  pricing,
}: {
  product: StoreProduct;
  pricing: StoreCatalog['pricing'];
}) {
  const { t, i18n } = useTranslation();
  const [shown, setShown] = useState(0);
  const money = (amount: number | null) =>
    amount === null ? t('store.price.none') : formatMoney(amount, product.currency, i18n.language);
  const image = product.images[shown] ?? product.images[0];

  return (
    <Stack gap="md">
      <Text c="dimmed" size="sm">
        {t('store.modelNumber', { code: product.model_number })}
        {product.category ? ` · ${product.category.name}` : ''}
      </Text>
      {image ? (
        <Stack gap="xs">
          <Image
            src={image.url}
            alt={t('store.imageOf', { name: product.name, n: shown + 1 })}
            // A fixed height (the picture is fitted in): the dialog keeps its layout while
            // each image loads.
            h={420}
            fit="contain"
            radius="sm"
          />
          {product.images.length > 1 ? (
            <Group gap="xs" role="group" aria-label={t('store.images')}>
              {product.images.map((each, index) => (
                <UnstyledButton
                  key={each.media_id}
                  onClick={() => setShown(index)}
                  aria-label={t('store.showImage', { n: index + 1 })}
                  aria-pressed={index === shown}
                  style={{
                    outline:
                      index === shown ? '2px solid var(--mantine-primary-color-filled)' : undefined,
                    borderRadius: 4,
                  }}
                >
                  <Image src={each.thumbnail_url} alt="" w={64} h={64} fit="cover" radius="sm" />
                </UnstyledButton>
              ))}
            </Group>
          ) : null}
        </Stack>
      ) : (
        <Group h={160} justify="center" bg="gray.1">
          <IconPhoto size={40} color="gray" aria-label={t('store.noImage')} />
        </Group>
      )}
      {product.description ? (
        <Text style={{ whiteSpace: 'pre-wrap' }}>{product.description}</Text>
      ) : null}
      {product.option_groups.length > 0 ? (
        <Stack gap={4}>
          <Title order={3} size="h5">
            {t('store.options')}
          </Title>
          {product.option_groups.map((group) => (
            <Text key={group.code} size="sm">
              <Text span fw={600}>
                {group.name}
              </Text>
              {': '}
              {group.values.map((value) => value.name).join(', ')}
            </Text>
          ))}
        </Stack>
      ) : null}
      <Table.ScrollContainer minWidth={480}>
        <Table striped captionSide="top" aria-label={t('store.skus')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('store.sku')}</Table.Th>
              <Table.Th scope="col">{t('store.code')}</Table.Th>
              <Table.Th scope="col" ta="end">
                {pricing.tax_inclusive ? t('store.priceTaxIncluded') : t('store.priceColumn')}
              </Table.Th>
              {pricing.shows_rrp ? (
                <Table.Th scope="col" ta="end">
                  {t('store.rrpColumn')}
                </Table.Th>
              ) : null}
              <Table.Th scope="col">{t('store.stockColumn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {product.skus.map((sku) => (
              <Table.Tr key={sku.id}>
                <Table.Th scope="row" fw={500}>
                  {sku.label || sku.code}
                </Table.Th>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {sku.code}
                  </Text>
                </Table.Td>
                <Table.Td ta="end">{money(sku.display_price)}</Table.Td>
                {pricing.shows_rrp ? (
                  <Table.Td ta="end">{sku.rrp === null ? '—' : money(sku.rrp)}</Table.Td>
                ) : null}
                <Table.Td>
                  <Badge variant="light" color={stockTone(sku)}>
                    {stockLabel(t, sku)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
