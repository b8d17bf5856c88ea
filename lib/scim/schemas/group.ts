// RFC 7643 §4.2 / §8.7.1: the core Group schema.
import { GROUP_URN } from '../types';
import { defineAttribute as attr, type SchemaDefinition } from './attribute-definition';
import { EXTERNAL_ID_ATTRIBUTE } from './common-attributes';

export const GROUP_SCHEMA: SchemaDefinition = {
  id: GROUP_URN,
  name: 'Group',
  description: 'Group',
  attributes: [
    attr('displayName', 'string', 'A human-readable name for the Group.', { required: true, uniqueness: 'server' }),
    attr('members', 'complex', 'A list of members of the Group.', {
      multiValued: true,
      subAttributes: [
        attr('value', 'string', 'Identifier of the member of this Group.', { mutability: 'immutable' }),
        attr('$ref', 'reference', 'The URI of the member resource.', {
          mutability: 'immutable',
          referenceTypes: ['User', 'Group'],
        }),
        attr('type', 'string', 'The type of member.', { mutability: 'immutable', canonicalValues: ['User', 'Group'] }),
        // Not in RFC 7643's Group schema, but Okta and Microsoft's suite send it and expect it back.
        attr('display', 'string', 'A human-readable name for the member.', { mutability: 'immutable' }),
      ],
    }),
    // Not an RFC 7643 §4.2 attribute: listed so Entra's schema check finds the externalId it maps.
    EXTERNAL_ID_ATTRIBUTE,
  ],
};
