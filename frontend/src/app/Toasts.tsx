// The toasts' component alone, for App's lazy import (see LazyNotifications there).
import { Notifications } from '@mantine/notifications';

export { Notifications };
