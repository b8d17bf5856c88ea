// The subscription rule, in one place: which event types an endpoint receives. Its stored list is JSON; an empty
// list means every type. Used by the worker's fan-out and by replays alike.
export function subscriptionOf(events: string): (type: string) => boolean {
  const list = JSON.parse(events) as string[];
  if (list.length === 0) return () => true;
  const set = new Set(list);
  return (type) => set.has(type);
}
