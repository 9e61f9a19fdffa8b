import {
  ApiError,
  errorMessage,
  fieldPath,
  formFields,
  mapProblem,
  toApiError,
  unwrap,
  type Problem,
} from './problem';

function problem(overrides: Partial<Problem>): Problem {
  return {
    type: 'about:blank',
    title: 'Unprocessable Entity',
    status: 422,
    detail: 'Some fields are invalid.',
    instance: 'urn:showroom:request:1',
    code: 'validation_error',
    ...overrides,
  };
}

describe('fieldPath', () => {
  it('drops the leading "body" and joins the rest with dots, as Mantine names fields', () => {
    expect(fieldPath(['body', 'name', 'ja'])).toBe('name.ja');
    expect(fieldPath(['body', 'emails', 1])).toBe('emails.1');
    expect(fieldPath(['body', 'email'])).toBe('email');
  });

  it('has no field for errors about the query, the path or the whole body', () => {
    expect(fieldPath(['query', 'cursor'])).toBeNull();
    expect(fieldPath(['path', 'org_id'])).toBeNull();
    expect(fieldPath(['body'])).toBeNull();
  });
});

describe('formFields', () => {
  const resolve = formFields(['email', 'name.*', 'emails.*'], { username: 'email' });

  it('accepts exact fields and one segment below a wildcard', () => {
    expect(resolve('email')).toBe('email');
    expect(resolve('name.ja')).toBe('name.ja');
    expect(resolve('emails.1')).toBe('emails.1');
  });

  it('refuses what the form has no input for', () => {
    expect(resolve('name')).toBeNull();
    expect(resolve('name.ja.extra')).toBeNull();
    expect(resolve('phone')).toBeNull();
  });

  it('renames API fields onto differently named form fields', () => {
    expect(resolve('username')).toBe('email');
  });
});

describe('mapProblem', () => {
  const resolve = formFields(['name.*', 'emails.*', 'email', 'verification_code']);

  it('puts every mapped error on its field and shows no form message', () => {
    const error = new ApiError(
      422,
      problem({
        errors: [
          {
            loc: ['body', 'name', 'ja'],
            msg: 'Enter a value in ja.',
            type: 'localized_text_missing',
          },
          {
            loc: ['body', 'emails', 1],
            msg: 'value is not a valid email address',
            type: 'value_error',
          },
        ],
      }),
    );
    expect(mapProblem(error, resolve)).toEqual({
      fieldErrors: {
        'name.ja': 'Enter a value in this language.',
        'emails.1': 'This value is not valid.',
      },
      formError: null,
    });
  });

  it("keeps the first message of a field and the server's text for unknown error types", () => {
    const error = new ApiError(
      422,
      problem({
        errors: [
          { loc: ['body', 'email'], msg: 'First problem.', type: 'something_new' },
          { loc: ['body', 'email'], msg: 'Second problem.', type: 'something_else' },
        ],
      }),
    );
    expect(mapProblem(error, resolve).fieldErrors).toEqual({ email: 'First problem.' });
  });

  it('shows the detail with the messages no field can show', () => {
    const error = new ApiError(
      422,
      problem({
        errors: [
          { loc: ['body', 'email'], msg: 'bad', type: 'value_error' },
          {
            loc: ['body', 'recipients'],
            msg: 'List should have at least 1 item',
            type: 'too_short',
          },
          {
            loc: ['query', 'cursor'],
            msg: 'The cursor is not valid.',
            type: 'pagination.cursor_invalid',
          },
        ],
      }),
    );
    const mapped = mapProblem(error, resolve);
    expect(mapped.fieldErrors).toEqual({ email: 'This value is not valid.' });
    expect(mapped.formError).toEqual({
      message: 'Some fields are invalid.',
      details: ['Add at least one.', 'The cursor is not valid.'],
    });
  });

  it('maps a 409 with a field pointer (e-mail already taken) onto that field', () => {
    const error = new ApiError(
      409,
      problem({
        status: 409,
        code: 'account.email_taken',
        detail: 'An account with this e-mail already exists; log in instead.',
        errors: [
          {
            loc: ['body', 'email'],
            msg: 'An account with this e-mail already exists; log in instead.',
            type: 'account.email_taken',
          },
        ],
      }),
    );
    expect(mapProblem(error, resolve)).toEqual({
      fieldErrors: { email: 'An account with this e-mail already exists; log in instead.' },
      formError: null,
    });
  });

  it('turns a problem without field errors into one form message', () => {
    const error = new ApiError(
      401,
      problem({ status: 401, code: 'auth.invalid_credentials', detail: 'nope' }),
    );
    expect(mapProblem(error, resolve)).toEqual({
      fieldErrors: {},
      formError: { message: 'The e-mail or password is not correct.', details: [] },
    });
  });

  it('reports a failure to reach the server as such', () => {
    expect(mapProblem(new TypeError('Failed to fetch'), resolve).formError?.message).toBe(
      'The server could not be reached. Check your connection and try again.',
    );
  });
});

describe('errorMessage', () => {
  it('says "not allowed" for a 403 whose code has no text of its own', () => {
    const error = new ApiError(
      403,
      problem({ status: 403, code: 'brand.unknown_rule', detail: 'x' }),
    );
    expect(errorMessage(error)).toBe('You are not allowed to do this.');
  });

  it('tells how long to wait after a 429, from Retry-After', () => {
    const error = new ApiError(
      429,
      problem({ status: 429, code: 'auth.too_many_attempts', detail: 'later' }),
      600,
    );
    expect(errorMessage(error)).toBe('Too many failed log-ins. Try again in 10 minutes.');
  });

  it("falls back to the server's detail for codes the catalog does not know", () => {
    const error = new ApiError(
      409,
      problem({ status: 409, code: 'new.code', detail: 'Server says.' }),
    );
    expect(errorMessage(error)).toBe('Server says.');
  });
});

describe('toApiError and unwrap', () => {
  it('reads Retry-After and keeps a problem document as it is', () => {
    const body = problem({ status: 429, code: 'signup.too_many_codes' });
    const response = new Response(JSON.stringify(body), {
      status: 429,
      headers: { 'Retry-After': '120' },
    });
    const error = toApiError(response, body);
    expect(error.retryAfter).toBe(120);
    expect(error.code).toBe('signup.too_many_codes');
  });

  it('makes a problem out of a body that is not one', () => {
    const error = toApiError(
      new Response('<html>', { status: 502, statusText: 'Bad Gateway' }),
      '<html>',
    );
    expect(error.status).toBe(502);
    expect(error.problem.code).toBe('http_error');
    expect(error.retryAfter).toBeNull();
  });

  it('returns the data of a success and throws an ApiError otherwise', async () => {
    const ok = new Response('{}', { status: 200 });
    await expect(unwrap(Promise.resolve({ data: { id: 1 }, response: ok }))).resolves.toEqual({
      id: 1,
    });
    const notFound = new Response('{}', { status: 404 });
    await expect(
      unwrap(
        Promise.resolve({ error: problem({ status: 404, code: 'not_found' }), response: notFound }),
      ),
    ).rejects.toBeInstanceOf(ApiError);
  });
});

describe('mapProblem without a matching field', () => {
  it('does not repeat the message as a detail (a bad reset link points at the token)', () => {
    const error = new ApiError(
      422,
      problem({
        code: 'password_reset.token_invalid',
        detail: 'This reset link is invalid or has expired; ask for a new one.',
        errors: [
          {
            loc: ['body', 'token'],
            msg: 'This reset link is invalid or has expired; ask for a new one.',
            type: 'password_reset.token_invalid',
          },
        ],
      }),
    );
    expect(mapProblem(error, formFields(['password', 'password_confirm']))).toEqual({
      fieldErrors: {},
      formError: {
        message: 'This reset link is invalid or has expired; ask for a new one.',
        details: [],
      },
    });
  });
});
