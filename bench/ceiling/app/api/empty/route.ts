// GET /api/empty: does nothing; the benchmark's ceiling for a Next.js route handler on this machine.
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return new Response('{}', { headers: { 'Content-Type': 'application/json' } });
}
