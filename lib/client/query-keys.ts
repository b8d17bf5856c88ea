// Every React Query key of the portal, in one place, so invalidations after a mutation hit exactly what changed.
export const queryKeys = {
  session: ['portal', 'session'] as const,
  directories: ['portal', 'directories'] as const,
  policy: ['portal', 'policy'] as const,
  directory: (id: string) => ['portal', 'directory', id] as const,
  connection: (id: string) => ['portal', 'directory', id, 'connection'] as const,
  setup: (id: string) => ['portal', 'directory', id, 'setup'] as const,
  tokens: (id: string) => ['portal', 'directory', id, 'tokens'] as const,
  users: (id: string, q: string, cursor: string | null) => ['portal', 'directory', id, 'users', { q, cursor }] as const,
  usersAll: (id: string) => ['portal', 'directory', id, 'users'] as const,
  user: (id: string, userId: string) => ['portal', 'directory', id, 'user', userId] as const,
  groups: (id: string, q: string, cursor: string | null) => ['portal', 'directory', id, 'groups', { q, cursor }] as const,
  groupsAll: (id: string) => ['portal', 'directory', id, 'groups'] as const,
  group: (id: string, groupId: string) => ['portal', 'directory', id, 'group', groupId] as const,
  members: (id: string, groupId: string, cursor: string | null) => ['portal', 'directory', id, 'group', groupId, 'members', cursor] as const,
  roles: (id: string) => ['portal', 'directory', id, 'roles'] as const,
  groupSelection: (id: string) => ['portal', 'directory', id, 'group-selection'] as const,
  attributeMapping: (id: string) => ['portal', 'directory', id, 'attribute-mapping'] as const,
  attributeSources: (id: string) => ['portal', 'directory', id, 'attribute-sources'] as const,
  requests: (id: string, filter: { status: string; resource: string; person: string }, cursor: string | null) =>
    ['portal', 'directory', id, 'requests', filter, cursor] as const,
  requestsAll: (id: string) => ['portal', 'directory', id, 'requests'] as const,
};
