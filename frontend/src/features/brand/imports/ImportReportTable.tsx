import { Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { Schemas } from '../../../lib/api';

export type RowProblem = Schemas['RowProblem'];

/** A dry run's problems: the spreadsheet row, the column and what is wrong, row by row. */
export function ImportReportTable({ errors }: { errors: readonly RowProblem[] }) {
  const { t } = useTranslation();
  const sorted = [...errors].sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
  return (
    <Table.ScrollContainer minWidth={520} mah={480}>
      <Table striped verticalSpacing="xs" stickyHeader captionSide="top">
        <Table.Caption style={{ textAlign: 'start' }}>
          {t('imports.report.caption', { number: errors.length })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={80}>
              {t('imports.report.row')}
            </Table.Th>
            <Table.Th scope="col" w={200}>
              {t('imports.report.column')}
            </Table.Th>
            <Table.Th scope="col">{t('imports.report.message')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((error, index) => (
            <Table.Tr key={`${error.row}-${error.column}-${index}`}>
              <Table.Td>{error.row === 1 ? t('imports.report.header') : error.row}</Table.Td>
              <Table.Td>
                <Code>{error.column}</Code>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{error.message}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
