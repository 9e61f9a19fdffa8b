// The toasts' component and styles alone, for App's lazy import (see LazyNotifications there).
import '@mantine/notifications/styles.css';

import { Notifications } from '@mantine/notifications';

export { Notifications };
