import { Menu, type MenuItemProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';

import type { AnchorAttributes } from './links';

// Apart from links.tsx: a Menu (and its popover) is not part of what a buyer's link page loads.
function MantineMenuItemAnchor(props: MenuItemProps & AnchorAttributes) {
  return <Menu.Item component="a" {...props} />;
}

export const MenuItemLink = createLink(MantineMenuItemAnchor);
