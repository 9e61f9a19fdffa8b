import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { json, mockApi, renderWithProviders } from '../../test/render';
import { CreateOrganizationModal } from './CreateOrganizationModal';

const me = {
  id: '7b0c8a52-5f1e-4a53-9d3c-3d1f1a2b3c4d',
  email: 'aoi@example.com',
  email_verified: true,
  display_name: 'Aoi Tanaka',
  country: 'JP',
  language: 'en',
  phone: '+81312345678',
  created_at: '2026-01-01T00:00:00Z',
};

const languages = {
  ui: [
    { code: 'en', name: 'English' },
    { code: 'ja', name: 'Japanese' },
    { code: 'zh-Hans', name: 'Chinese (Simplified)' },
  ],
  content: [
    { code: 'en', name: 'English' },
    { code: 'ja', name: 'Japanese' },
    { code: 'fr', name: 'French' },
  ],
};

const countries = [
  { code: 'JP', name: 'Japan' },
  { code: 'US', name: 'United States' },
];

function problem422(errors: { loc: (string | number)[]; msg: string; type: string }[]) {
  return json(
    {
      type: 'about:blank',
      title: 'Unprocessable Entity',
      status: 422,
      detail: 'Some fields are invalid.',
      code: 'validation_error',
      errors,
    },
    422,
  );
}

type User = ReturnType<typeof userEvent.setup>;

/** Types a value the quick way (a paste): Mantine inputs in jsdom are slow to type into. */
async function fill(user: User, input: HTMLElement, text: string) {
  await user.click(input);
  await user.paste(text);
}

function setup(create: (request: Request) => Response | Promise<Response>) {
  const requests = mockApi({
    'GET /api/v1/me': () => json(me),
    'GET /api/v1/reference/languages': () => json(languages),
    'GET /api/v1/reference/countries': () => json(countries),
    'POST /api/v1/buyer-organizations': create,
  });
  const onClose = vi.fn();
  const user = userEvent.setup();
  renderWithProviders(<CreateOrganizationModal opened onClose={onClose} />);
  const dialog = () => screen.getByRole('dialog', { name: 'Create a New Buyer Organization' });
  return { requests, onClose, user, dialog };
}

async function chooseEnglishAndJapanese(user: User) {
  await user.click(await screen.findByRole('checkbox', { name: 'English' }));
  expect(screen.queryByRole('combobox', { name: 'Default Language' })).not.toBeInTheDocument();
  await user.click(screen.getByRole('checkbox', { name: 'Japanese' }));
  expect(screen.getByRole('combobox', { name: 'Default Language' })).toHaveValue('English');
  await user.click(screen.getByRole('button', { name: 'Next' }));
}

async function fillBasicInformation(user: User) {
  await fill(
    user,
    screen.getByRole('textbox', { name: 'Buyer Company/Organization Name (English)' }),
    'Aoi Select Shop',
  );
  await fill(
    user,
    screen.getByRole('textbox', { name: 'Buyer Company/Organization Name (Japanese)' }),
    '葵セレクトショップ',
  );
  await fill(
    user,
    screen.getByRole('textbox', { name: 'Name of Representative (English)' }),
    'Aoi Tanaka',
  );
  await fill(
    user,
    screen.getByRole('textbox', { name: 'Name of Representative (Japanese)' }),
    '田中 葵',
  );
}

describe('CreateOrganizationModal', () => {
  it('goes Language → Basic information → Review → Create → Close, as in the manual', async () => {
    const { requests, onClose, user, dialog } = setup(() => json({ id: 'new' }, 201));

    // Step 1: at least one language is needed.
    await screen.findByRole('checkbox', { name: 'English' });
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(
      screen.getByText('Choose at least one language and the default language.'),
    ).toBeInTheDocument();
    await chooseEnglishAndJapanese(user);

    // Step 2: one name and one representative per language; e-mails start from my account.
    expect(screen.getByRole('heading', { name: 'Basic information' })).toHaveFocus();
    await fillBasicInformation(user);
    expect(screen.getByRole('textbox', { name: 'Email 1' })).toHaveValue('aoi@example.com');
    expect(screen.getByRole('textbox', { name: 'Contact Email' })).toHaveValue('aoi@example.com');
    expect(screen.getByRole('combobox', { name: 'Country of this buyer' })).toHaveValue('Japan');

    // Email Recipients: Add a row, then Trash the first one; the added one stays.
    await user.click(screen.getByRole('button', { name: 'Add Email Recipients' }));
    await fill(
      user,
      screen.getByRole('textbox', { name: 'Email Recipients 2' }),
      'orders@example.com',
    );
    await user.click(screen.getByRole('button', { name: 'Remove Email Recipients 1' }));
    expect(screen.queryByRole('textbox', { name: 'Email Recipients 2' })).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Email Recipients 1' })).toHaveValue(
      'orders@example.com',
    );
    // The last row cannot be trashed: at least one recipient is required.
    expect(screen.getByRole('button', { name: 'Remove Email Recipients 1' })).toBeDisabled();

    // Step 3: review everything, then Create.
    await user.click(screen.getByRole('button', { name: 'Next' }));
    const review = within(dialog()).getByRole('table');
    expect(review).toHaveTextContent('English, Japanese');
    expect(review).toHaveTextContent('葵セレクトショップ');
    expect(review).toHaveTextContent('田中 葵');
    expect(review).toHaveTextContent('orders@example.com');
    await user.click(screen.getByRole('button', { name: 'Create' }));

    expect(await screen.findByText('The buyer organization was created')).toBeInTheDocument();
    const sent = requests.find((request) => request.method === 'POST');
    expect(await sent?.json()).toEqual({
      kind: 'organization',
      languages: ['en', 'ja'],
      default_language: 'en',
      name: { en: 'Aoi Select Shop', ja: '葵セレクトショップ' },
      representative: { en: 'Aoi Tanaka', ja: '田中 葵' },
      emails: ['aoi@example.com'],
      recipients: ['orders@example.com'],
      country: 'JP',
      phone: '+81312345678',
      contact_email: 'aoi@example.com',
    });

    const closeButtons = within(dialog()).getAllByRole('button', { name: 'Close' });
    await user.click(closeButtons[closeButtons.length - 1] as HTMLElement);
    expect(onClose).toHaveBeenCalled();
  });

  it('checks the basic information before going on', async () => {
    const { user } = setup(() => json({}, 201));
    await chooseEnglishAndJapanese(user);
    await fill(
      user,
      screen.getByRole('textbox', { name: 'Buyer Company/Organization Name (English)' }),
      'Aoi Select Shop',
    );
    await user.click(screen.getByRole('button', { name: 'Add Email' }));
    await fill(user, screen.getByRole('textbox', { name: 'Email 2' }), 'not-an-address');
    await user.click(screen.getByRole('button', { name: 'Next' }));

    expect(
      screen.getByRole('textbox', { name: 'Buyer Company/Organization Name (Japanese)' }),
    ).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('textbox', { name: 'Email 2' })).toHaveAccessibleDescription(
      'Enter an e-mail address such as name@example.com.',
    );
    expect(screen.getByRole('heading', { name: 'Basic information' })).toBeInTheDocument();
  });

  it('brings a 422 from Create back to the step that holds the field and marks it', async () => {
    const { user } = setup(() =>
      problem422([
        {
          loc: ['body', 'name', 'ja'],
          msg: 'Enter a value in ja.',
          type: 'localized_text_missing',
        },
        { loc: ['body', 'phone'], msg: 'Not valid.', type: 'phone_invalid' },
      ]),
    );
    await chooseEnglishAndJapanese(user);
    await fillBasicInformation(user);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Create' }));

    const japaneseName = await screen.findByRole('textbox', {
      name: 'Buyer Company/Organization Name (Japanese)',
    });
    expect(japaneseName).toHaveAttribute('aria-invalid', 'true');
    expect(japaneseName).toHaveAccessibleDescription('Enter a value in this language.');
    await waitFor(() => expect(japaneseName).toHaveFocus());
    expect(screen.getByRole('textbox', { name: 'Phone Number' })).toHaveAccessibleDescription(
      'Not a valid phone number for this country.',
    );
    // Everything could be shown on a field: no extra message.
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('goes back to the Language step for a language error, and shows what no field can', async () => {
    const { user } = setup(() =>
      problem422([
        {
          loc: ['body', 'default_language'],
          msg: 'The default language must be one of the chosen languages.',
          type: 'default_language_not_enabled',
        },
        { loc: ['body'], msg: 'Something about the whole request.', type: 'value_error' },
      ]),
    );
    await chooseEnglishAndJapanese(user);
    await fillBasicInformation(user);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Create' }));

    const defaultLanguage = await screen.findByRole('combobox', { name: 'Default Language' });
    expect(defaultLanguage).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('heading', { name: 'Language' })).toBeInTheDocument();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Some fields are invalid.');
    expect(alert).toHaveTextContent('This value is not valid.');
  });
});
