// What one SCIM request may ask of the server, and what a directory may hold: each bound is a setting, named in
// the error that enforces it. Defaults are generous for real IdPs (Entra and Okta send a few dozen attributes and
// values per user) while keeping a request's work small. A value that is not a positive integer keeps the default.
import { z } from 'zod';
import { positiveInt } from './setting';

export const scimLimitsSchema = z
  .object({
    SCIM_MAX_ATTRIBUTES: positiveInt(500),
    SCIM_MAX_VALUES: positiveInt(100),
    SCIM_MAX_MEMBERS_PER_REQUEST: positiveInt(10_000),
    SCIM_MAX_OPERATIONS: positiveInt(200),
    SCIM_MAX_DEPTH: positiveInt(16),
    SCIM_MAX_STRING_LENGTH: positiveInt(16_384),
    SCIM_MAX_FILTER_LEAVES: positiveInt(100),
    SCIM_MAX_RESOURCE_BYTES: positiveInt(65_536),
    SCIM_MAX_USERS_PER_DIRECTORY: positiveInt(1_000_000),
    SCIM_MAX_KEPT_USERS_PER_DIRECTORY: positiveInt(1_000_000),
    SCIM_MAX_GROUPS_PER_DIRECTORY: positiveInt(100_000),
    SCIM_MAX_MEMBERS_PER_GROUP: positiveInt(1_000_000),
  })
  .transform((e) => ({
    /** Attributes (keys) in one JSON object of a body: the resource, a complex value, an extension, an operation. */
    maxAttributes: e.SCIM_MAX_ATTRIBUTES,
    /** Values of one multi-valued attribute (members excepted), and elements of any other array in a body. */
    maxValues: e.SCIM_MAX_VALUES,
    /** Group members one request names (POST/PUT members, or all of a PATCH's member operations together). */
    maxMembersPerRequest: e.SCIM_MAX_MEMBERS_PER_REQUEST,
    /** Operations of one PATCH. */
    maxOperations: e.SCIM_MAX_OPERATIONS,
    /** Nesting depth of a body's JSON. */
    maxDepth: e.SCIM_MAX_DEPTH,
    /** Characters of one string (a value or a key) in a body. */
    maxStringLength: e.SCIM_MAX_STRING_LENGTH,
    /** Comparisons (leaves) in one filter or PATCH path. */
    maxFilterLeaves: e.SCIM_MAX_FILTER_LEAVES,
    /** Bytes of a resource as stored (its normalised JSON, members excepted). */
    maxResourceBytes: e.SCIM_MAX_RESOURCE_BYTES,
    maxUsersPerDirectory: e.SCIM_MAX_USERS_PER_DIRECTORY,
    /** Users the IdP deleted whom a keeping leaving policy keeps for the host; past it, a DELETE deletes at once. */
    maxKeptUsersPerDirectory: e.SCIM_MAX_KEPT_USERS_PER_DIRECTORY,
    maxGroupsPerDirectory: e.SCIM_MAX_GROUPS_PER_DIRECTORY,
    maxMembersPerGroup: e.SCIM_MAX_MEMBERS_PER_GROUP,
  }));
