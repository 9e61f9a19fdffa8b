import { Alert, Button, Group, Modal, Stack, Stepper, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ContentLanguagesPicker } from '../../components/ContentLanguagesPicker';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { LoadingState } from '../../components/QueryState';
import { api } from '../../lib/api';
import { fillTexts } from '../../lib/localized';
import { mapProblem, unwrap, type MappedProblem } from '../../lib/problem';
import { queryKeys, useMe, type User } from '../../lib/queries';
import { OrganizationFields } from './OrganizationFields';
import { OrganizationReview } from './OrganizationReview';
import {
  BASIC_STEP,
  emptyOrganization,
  firstStepWithError,
  LANGUAGE_STEP,
  organizationFields,
  organizationRequest,
  REVIEW_STEP,
  stepOfField,
  validateBasicStep,
  validateLanguageStep,
  type OrganizationFormValues,
} from './organizationForm';

const DONE_STEP = 3;

/**
 * "Create a New Buyer Organization", in the manual's three steps: Language → basic
 * information → review and **Create**; then a done step with **Close**.
 */
export function CreateOrganizationModal({
  opened,
  onClose,
}: {
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('buyer.create.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {/* Mounted only while open, so every opening starts from a clean form. */}
      {opened ? <CreateOrganizationLoader onClose={onClose} /> : null}
    </Modal>
  );
}

/** The form starts from my own e-mail, country and phone: wait for them. */
function CreateOrganizationLoader({ onClose }: { onClose: () => void }) {
  const me = useMe();
  if (me.isPending) return <LoadingState />;
  return <CreateOrganizationSteps me={me.data} onClose={onClose} />;
}

export function CreateOrganizationSteps({
  me,
  onClose,
}: {
  me: User | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [step, setStep] = useState(LANGUAGE_STEP);
  const [formError, setFormError] = useState<MappedProblem['formError']>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const form = useForm<OrganizationFormValues>({
    initialValues: emptyOrganization({ email: me?.email, country: me?.country, phone: me?.phone }),
  });

  // Each step announces itself: focus moves to its heading, or to the field an error from
  // Create sent the person back to.
  const shownStep = useRef(step);
  const focusAfterStep = useRef<string | null>(null);
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    const field = focusAfterStep.current;
    focusAfterStep.current = null;
    const input = field ? form.getInputNode(field) : null;
    if (input instanceof HTMLElement) input.focus();
    else headingRef.current?.focus();
  }, [step, form]);

  const goTo = (next: number) => {
    setFormError(null);
    setStep(next);
  };

  const next = () => {
    const errors =
      step === LANGUAGE_STEP
        ? validateLanguageStep(form.values, t('buyer.create.chooseLanguage'))
        : validateBasicStep(form.values);
    form.setErrors(errors);
    if (Object.keys(errors).length === 0) goTo(step + 1);
  };

  const create = useMutation({
    mutationFn: (values: OrganizationFormValues) =>
      unwrap(api.POST('/api/v1/buyer-organizations', { body: organizationRequest(values) })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.buyerOrganizations });
      goTo(DONE_STEP);
    },
    onError: (error) => {
      const mapped = mapProblem(error, organizationFields);
      form.setErrors(mapped.fieldErrors);
      setFormError(mapped.formError);
      const back = firstStepWithError(mapped.fieldErrors);
      if (back !== null) {
        focusAfterStep.current =
          Object.keys(mapped.fieldErrors).find((field) => stepOfField(field) === back) ?? null;
        setStep(back);
      }
    },
  });

  const stepTitles = [
    t('buyer.create.stepLanguage'),
    t('buyer.create.stepBasic'),
    t('buyer.create.stepReview'),
  ];

  const heading = (index: number) => (
    <Title order={3} size="h4" ref={headingRef} tabIndex={-1} mt="md">
      {stepTitles[index]}
    </Title>
  );

  return (
    <Stack gap="md">
      <Stepper active={step} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={stepTitles[LANGUAGE_STEP]}>
          {heading(LANGUAGE_STEP)}
          <ContentLanguagesPicker
            value={{
              languages: form.values.languages,
              defaultLanguage: form.values.default_language,
            }}
            onChange={({ languages, defaultLanguage }) => {
              form.setValues((values) => ({
                languages,
                default_language: defaultLanguage,
                name: fillTexts(values.name ?? {}, languages),
                representative: fillTexts(values.representative ?? {}, languages),
              }));
              form.clearFieldError('languages');
              form.clearFieldError('default_language');
            }}
            languagesError={form.errors.languages}
            defaultLanguageError={form.errors.default_language}
          />
        </Stepper.Step>
        <Stepper.Step label={stepTitles[BASIC_STEP]}>
          {heading(BASIC_STEP)}
          <OrganizationFields form={form} />
        </Stepper.Step>
        <Stepper.Step label={stepTitles[REVIEW_STEP]}>
          {heading(REVIEW_STEP)}
          <Text size="sm" mb="sm">
            {t('buyer.create.reviewHelp')}
          </Text>
          <OrganizationReview values={form.values} />
        </Stepper.Step>
        <Stepper.Completed>
          <Alert
            mt="md"
            color="green"
            icon={<IconCircleCheck aria-hidden />}
            title={t('buyer.create.doneTitle')}
            role="status"
          >
            {t('buyer.create.doneText')}
          </Alert>
        </Stepper.Completed>
      </Stepper>

      <FormErrorAlert error={formError} />

      <Group justify="space-between">
        {step > LANGUAGE_STEP && step < DONE_STEP ? (
          <Button variant="default" onClick={() => goTo(step - 1)} disabled={create.isPending}>
            {t('common.back')}
          </Button>
        ) : (
          <span />
        )}
        {step < REVIEW_STEP ? <Button onClick={next}>{t('common.next')}</Button> : null}
        {step === REVIEW_STEP ? (
          <Button loading={create.isPending} onClick={() => create.mutate(form.values)}>
            {t('common.create')}
          </Button>
        ) : null}
        {step === DONE_STEP ? <Button onClick={onClose}>{t('common.close')}</Button> : null}
      </Group>
    </Stack>
  );
}
