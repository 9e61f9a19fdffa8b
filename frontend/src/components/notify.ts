import { notifications } from '@mantine/notifications';

import { i18n } from '../lib/i18n';
import { errorMessage } from '../lib/problem';

export function notifySuccess(message: string): void {
  notifications.show({ color: 'green', message });
}

/** An action failed outside any form (remove, revoke, set default…): say why. */
export function notifyError(error: unknown): void {
  notifications.show({
    color: 'red',
    title: i18n.t('common.actionFailed'),
    message: errorMessage(error),
  });
}
