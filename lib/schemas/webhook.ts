import { z } from 'zod';
import { EVENT_TYPES } from '../events/event-types';

const url = z.string().trim().url().max(2000);
const events = z.array(z.enum(EVENT_TYPES)).max(EVENT_TYPES.length);

export const createWebhookEndpointInputSchema = z.strictObject({ url, events: events.nullish() });
export const updateWebhookEndpointInputSchema = z.strictObject({ url: url.optional(), events: events.nullish(), enabled: z.boolean().optional() });
export const replayInputSchema = z
  .strictObject({ eventId: z.string().max(100).optional(), from: z.string().max(100).optional(), to: z.string().max(100).optional() })
  .refine((v) => Boolean(v.eventId) !== Boolean(v.from || v.to), { message: 'give eventId, or from and/or to (event ids)' });
