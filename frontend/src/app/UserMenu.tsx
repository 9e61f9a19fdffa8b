import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconLogout, IconSettings, IconUser } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

import { session } from '../lib/api';
import { MenuItemLink } from '../components/menuLinks';

export function UserMenu({ name }: { name: string | undefined }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const logout = async () => {
    await session.logout().catch(() => undefined);
    queryClient.clear();
    await navigate({ to: '/login' });
  };

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          leftSection={<IconUser size={18} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
          aria-label={t('header.userMenu', { name: name ?? '' })}
        >
          {name ?? t('header.account')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <MenuItemLink to="/account" leftSection={<IconSettings size={16} aria-hidden />}>
          {t('account.title')}
        </MenuItemLink>
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void logout()}>
          {t('header.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
