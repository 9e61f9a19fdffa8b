import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

import type { MappedProblem } from '../lib/problem';

/** What a failed submit could not show next to a field. */
export function FormErrorAlert({ error }: { error: MappedProblem['formError'] | undefined }) {
  if (!error) return null;
  return (
    <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert" title={error.message}>
      {error.details.length > 0 ? (
        <List size="sm">
          {error.details.map((detail) => (
            <List.Item key={detail}>{detail}</List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}
