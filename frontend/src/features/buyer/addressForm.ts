import type { Schemas } from '../../lib/api';
import { formFields } from '../../lib/problem';

export type Address = Schemas['AddressRead'];
export type AddressKind = Schemas['AddressKind'];

export interface AddressFormValues {
  recipient: string;
  postal_code: string;
  country: string;
  state: string;
  city: string;
  line1: string;
  line2: string;
  phone: string;
  is_default: boolean;
}

export const addressFields = formFields([
  'recipient',
  'postal_code',
  'country',
  'state',
  'city',
  'line1',
  'line2',
  'phone',
  'is_default',
]);

export function emptyAddress(country: string): AddressFormValues {
  return {
    recipient: '',
    postal_code: '',
    country,
    state: '',
    city: '',
    line1: '',
    line2: '',
    phone: '',
    is_default: false,
  };
}

export function addressToForm(address: Address): AddressFormValues {
  const { recipient, postal_code, country, state, city, line1, line2, phone, is_default } = address;
  return { recipient, postal_code, country, state, city, line1, line2, phone, is_default };
}
