import {
  Anchor,
  Button,
  Menu,
  type AnchorProps,
  type ButtonProps,
  type MenuItemProps,
} from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import type { AnchorHTMLAttributes, Ref } from 'react';

// Mantine's look with TanStack Router's typed `to`/`params`/`search` and client-side navigation.

type AnchorAttributes = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'color' | 'style'> & {
  ref?: Ref<HTMLAnchorElement>;
};

function MantineAnchor(props: AnchorProps & AnchorAttributes) {
  return <Anchor {...props} />;
}

function MantineButtonAnchor(props: ButtonProps & AnchorAttributes) {
  return <Button component="a" {...props} />;
}

function MantineMenuItemAnchor(props: MenuItemProps & AnchorAttributes) {
  return <Menu.Item component="a" {...props} />;
}

export const AnchorLink = createLink(MantineAnchor);
export const ButtonLink = createLink(MantineButtonAnchor);
export const MenuItemLink = createLink(MantineMenuItemAnchor);
