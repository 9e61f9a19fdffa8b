import { Button, Menu } from '@mantine/core';
import { IconCheck, IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { chooseLanguage, currentLanguage, UI_LANGUAGE_NAMES, UI_LANGUAGES } from '../lib/i18n';

/** The header's display-language menu; the choice is remembered on this device. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          leftSection={<IconLanguage size={18} aria-hidden />}
          aria-label={t('header.displayLanguage', { language: UI_LANGUAGE_NAMES[language] })}
        >
          {UI_LANGUAGE_NAMES[language]}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('header.displayLanguageLabel')}</Menu.Label>
        {UI_LANGUAGES.map((option) => (
          <Menu.Item
            key={option}
            lang={option}
            onClick={() => void chooseLanguage(option)}
            rightSection={option === language ? <IconCheck size={16} aria-hidden /> : null}
            aria-current={option === language ? 'true' : undefined}
          >
            {UI_LANGUAGE_NAMES[option]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
