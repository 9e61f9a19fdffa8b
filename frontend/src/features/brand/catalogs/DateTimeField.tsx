import '@mantine/dates/styles.css';
import 'dayjs/locale/ja';
import 'dayjs/locale/zh-cn';

import { DatesProvider, DateTimePicker, type DateTimePickerProps } from '@mantine/dates';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const DAYJS_LOCALES: Record<string, string> = { en: 'en', ja: 'ja', 'zh-Hans': 'zh-cn' };

/** Dates in the UI language, weeks as the locale counts them. */
export function LocalizedDates({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <DatesProvider settings={{ locale: DAYJS_LOCALES[i18n.language] ?? 'en' }}>
      {children}
    </DatesProvider>
  );
}

/** A date and time in this browser's time zone, with localized calendar controls. */
export function DateTimeField(props: DateTimePickerProps) {
  const { t } = useTranslation();
  return (
    <DateTimePicker
      clearable
      valueFormat="YYYY-MM-DD HH:mm"
      ariaLabels={{
        nextMonth: t('dates.nextMonth'),
        previousMonth: t('dates.previousMonth'),
        nextYear: t('dates.nextYear'),
        previousYear: t('dates.previousYear'),
        nextDecade: t('dates.nextDecade'),
        previousDecade: t('dates.previousDecade'),
        monthLevelControl: t('dates.chooseMonth'),
        yearLevelControl: t('dates.chooseYear'),
      }}
      clearButtonProps={{ 'aria-label': t('dates.clear') }}
      submitButtonProps={{ 'aria-label': t('dates.confirm') }}
      timePickerProps={{
        hoursInputLabel: t('dates.hours'),
        minutesInputLabel: t('dates.minutes'),
      }}
      {...props}
    />
  );
}
