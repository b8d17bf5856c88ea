// RFC 7643 §4.1 / §8.7.1: the core User schema.
import { USER_URN } from '../types';
import { defineAttribute as attr, multiValuedAttribute as multi, type SchemaDefinition } from './attribute-definition';
import { EXTERNAL_ID_ATTRIBUTE } from './common-attributes';

const str = (name: string, description: string) => attr(name, 'string', description);

const ADDRESS_FIELDS = [
  attr('formatted', 'string', 'The full mailing address, formatted for display or use with a mailing label.'),
  attr('streetAddress', 'string', 'The full street address component.'),
  attr('locality', 'string', 'The city or locality component.'),
  attr('region', 'string', 'The state or region component.'),
  attr('postalCode', 'string', 'The zip code or postal code component.'),
  attr('country', 'string', 'The country name component (ISO 3166-1 alpha-2).'),
  attr('type', 'string', "A label indicating the address's function.", { canonicalValues: ['work', 'home', 'other'] }),
  attr('primary', 'boolean', 'Whether this is the primary address.'),
];

export const USER_SCHEMA: SchemaDefinition = {
  id: USER_URN,
  name: 'User',
  description: 'User Account',
  attributes: [
    attr('userName', 'string', 'Unique identifier for the User, used to authenticate.', {
      required: true,
      uniqueness: 'server',
    }),
    attr('name', 'complex', "The components of the user's name.", {
      subAttributes: [
        str('formatted', 'The full name, formatted for display.'),
        str('familyName', 'The family name (last name).'),
        str('givenName', 'The given name (first name).'),
        str('middleName', 'The middle name(s).'),
        str('honorificPrefix', 'The honorific prefix(es), e.g. "Ms.".'),
        str('honorificSuffix', 'The honorific suffix(es), e.g. "III".'),
      ],
    }),
    str('displayName', 'The name of the User, suitable for display to end-users.'),
    str('nickName', 'The casual way to address the user.'),
    attr('profileUrl', 'reference', "A URI to the user's online profile.", { referenceTypes: ['external'] }),
    str('title', 'The user\'s title, such as "Vice President".'),
    str('userType', 'The relationship between the organization and the user, e.g. "Employee".'),
    str('preferredLanguage', "The user's preferred written or spoken language (RFC 7231 Accept-Language)."),
    str('locale', 'The user\'s default location, e.g. "en-US".'),
    str('timezone', 'The user\'s time zone in IANA format, e.g. "America/Los_Angeles".'),
    attr('active', 'boolean', "The user's administrative status."),
    attr('password', 'string', "The user's cleartext password; never stored or returned.", {
      mutability: 'writeOnly',
      returned: 'never',
    }),
    multi('emails', 'Email addresses for the user.', { types: ['work', 'home', 'other'] }),
    multi('phoneNumbers', 'Phone numbers for the user.', { types: ['work', 'home', 'mobile', 'fax', 'pager', 'other'] }),
    multi('ims', 'Instant messaging addresses for the user.', {
      types: ['aim', 'gtalk', 'icq', 'xmpp', 'msn', 'skype', 'qq', 'yahoo'],
    }),
    multi('photos', 'URLs of images of the user.', {
      valueType: 'reference',
      referenceTypes: ['external'],
      types: ['photo', 'thumbnail'],
    }),
    attr('addresses', 'complex', 'Physical mailing addresses for this user.', {
      multiValued: true,
      subAttributes: ADDRESS_FIELDS,
    }),
    multi('groups', 'Groups the user belongs to, maintained by the service provider.', {
      mutability: 'readOnly',
      types: ['direct', 'indirect'],
      subAttributes: [
        attr('$ref', 'reference', 'The URI of the Group.', {
          mutability: 'readOnly',
          referenceTypes: ['User', 'Group'],
        }),
      ],
    }),
    multi('entitlements', 'Entitlements of the user.'),
    multi('roles', 'Roles of the user.'),
    multi('x509Certificates', 'X.509 certificates issued to the user (DER, base64).', { valueType: 'binary' }),
    // Not an RFC 7643 §4.1 attribute: listed so Entra's schema check finds the externalId it maps.
    EXTERNAL_ID_ATTRIBUTE,
  ],
};
