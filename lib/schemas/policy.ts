import { z } from 'zod';

/** What an IdP's `active: false` does to a user (issue 19). */
const LEAVING_MODES = ['deactivate', 'delete_after', 'delete'] as const;
export type LeavingMode = (typeof LEAVING_MODES)[number];

const leavingSchema = z.object({
  mode: z.enum(LEAVING_MODES),
  /** Days a deactivated user is kept under `delete_after` (null for the other modes). */
  deleteAfterDays: z.number().int().nullable(),
});

/** A domain name as users' addresses carry it, lower-cased ("acme.com"; it covers its subdomains too). */
const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/, 'a domain name such as "acme.com"');

export const policySchema = z.object({
  organizationId: z.string(),
  leaving: leavingSchema,
  /** Users' userName and primary email must be on one of these (or a subdomain); empty accepts anyone. */
  domains: z.array(z.string()),
  /** At most this many active users across the organization's directories; null: no limit. */
  seatLimit: z.number().int().nullable(),
  /** Active users now, across the organization's directories (what the seat limit counts). */
  seatsUsed: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type ApiPolicy = z.infer<typeof policySchema>;

/** PATCH /organizations/{orgId}/policy: the parts given replace the ones in force. */
export const updatePolicyInputSchema = z
  .strictObject({
    leaving: z
      .strictObject({
        mode: z.enum(LEAVING_MODES),
        deleteAfterDays: z.number().int().min(1).max(3650).nullish(),
      })
      .refine((l) => (l.mode === 'delete_after') === (l.deleteAfterDays != null), {
        message: 'deleteAfterDays (1-3650) is required with mode "delete_after", and only with it',
        path: ['deleteAfterDays'],
      })
      .optional(),
    domains: z.array(domainSchema).max(100).optional(),
    seatLimit: z.number().int().min(0).max(10_000_000).nullable().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'leaving, domains or seatLimit is required');
export type UpdatePolicyInput = z.infer<typeof updatePolicyInputSchema>;
